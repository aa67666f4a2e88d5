import type { AdminsTable } from './tables/admins.js';
import type { AuditLogTable } from './tables/audit-log.js';
import type { CartItemsTable } from './tables/cart-items.js';
import type { CodeSequencesTable, IssuedCodesTable } from './tables/code-sequences.js';
import type { DepartmentsTable } from './tables/departments.js';
import type { EnrollmentsTable } from './tables/enrollments.js';
import type { IdempotencyKeysTable } from './tables/idempotency-keys.js';
import type { NoticesTable } from './tables/notices.js';
import type { PeriodsTable } from './tables/periods.js';
import type { PostsTable } from './tables/posts.js';
import type { ProfessorsTable } from './tables/professors.js';
import type { SectionMeetingsTable } from './tables/section-meetings.js';
import type { SectionsTable } from './tables/sections.js';
import type { SessionsTable } from './tables/sessions.js';
import type { StudentsTable } from './tables/students.js';
import type { SubjectsTable } from './tables/subjects.js';
import type { WaitlistEntriesTable } from './tables/waitlist-entries.js';

export interface Database {
  departments: DepartmentsTable;
  professors: ProfessorsTable;
  admins: AdminsTable;
  students: StudentsTable;
  sessions: SessionsTable;
  subjects: SubjectsTable;
  sections: SectionsTable;
  section_meetings: SectionMeetingsTable;
  periods: PeriodsTable;
  cart_items: CartItemsTable;
  enrollments: EnrollmentsTable;
  waitlist_entries: WaitlistEntriesTable;
  posts: PostsTable;
  notices: NoticesTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  code_sequences: CodeSequencesTable;
  issued_codes: IssuedCodesTable;
}
