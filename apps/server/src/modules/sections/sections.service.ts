import type { Updateable } from 'kysely';
import type { SectionsTable } from '@karina/db';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/errors.js';
import { inTransaction } from '../../platform/transactions.js';
import type { Trx } from '../../platform/transactions.js';
import { fillFreedSeats } from '../enrollment/enrollment.seats.js';
import { groupMeetings, meetingsOverlap } from '../meetings/meetings.js';
import type { MeetingTimes } from '../meetings/meetings.js';
import { findMeetingRows } from '../meetings/meetings.repository.js';
import { meetingsToRows } from './sections.meetings.js';
import type { AdminSection, CreateSectionBody, Roster, UpdateSectionBody } from './sections.schema.js';
import type { SectionFilter, SectionRow } from './sections.repository.js';
import {
  deleteSection,
  enrolledStudentIds,
  enrolledStudents,
  findProfessor,
  insertSection,
  listSections,
  lockSection,
  lockStudents,
  lockSubject,
  nextSectionNumber,
  otherSectionMeetingsOfEnrolled,
  replaceMeetings,
  updateSection,
  waitlistedStudents,
} from './sections.repository.js';
import { professorOrTba } from '../catalog/catalog.professor.js';

const SECTION = '분반 / section';
const SUBJECT = '교과목 / subject';
const PROFESSOR = '교수 / professor';
/** How many conflicting section ids a 409 lists at most. */
const MAX_CONFLICT_IDS = 20;

function sectionRowToSection(row: SectionRow, meetings: AdminSection['meetings']): AdminSection {
  return {
    id: row.id,
    number: row.number,
    subject: {
      id: row.subject_id,
      code: row.subject_code,
      name: row.subject_name,
      credits: row.credits,
      type: row.type,
      department: { id: row.department_id, code: row.department_code, name: row.department_name },
    },
    professor: professorOrTba(row.professor_id, row.professor_name),
    capacity: row.capacity,
    taken: row.taken,
    enrolled: Number(row.enrolled ?? 0),
    waitlisted: Number(row.waitlisted ?? 0),
    meetings,
  };
}

export function createSectionsService(deps: AppDeps) {
  const { db, dialect, clock } = deps;

  async function assertProfessor(trx: Trx, professorId: number | null): Promise<void> {
    if (professorId !== null && !(await findProfessor(trx, professorId))) throw notFound(PROFESSOR);
  }

  /**
   * Rule 3 for the students already enrolled: new meetings must not overlap any other section they
   * hold. Runs under the section's lock (no one enrolls or leaves meanwhile), then takes the
   * students' locks (section then students, as a wait-list promotion does) so none of them registers
   * elsewhere against the old meetings. Wait-listed students are re-checked when promoted.
   */
  async function assertNoStudentOverlap(
    trx: Trx,
    sectionId: number,
    meetings: MeetingTimes[],
  ): Promise<void> {
    const studentIds = await enrolledStudentIds(trx, sectionId);
    if (studentIds.length === 0) return;
    await lockStudents(trx, dialect, studentIds);
    const students = new Set<number>();
    const sectionIds = new Set<number>();
    for (const row of await otherSectionMeetingsOfEnrolled(trx, sectionId)) {
      if (meetings.some((c) => meetingsOverlap(c, row))) {
        students.add(row.student_id);
        sectionIds.add(row.section_id);
      }
    }
    if (students.size === 0) return;
    throw new AppError(
      'ENROLLED_TIME_CONFLICT',
      `새 수업 시간이 수강생 ${students.size}명이 신청한 다른 분반과 겹칩니다 / The new meetings overlap other sections held by ${students.size} enrolled student(s)`,
      {
        students: students.size,
        sectionIds: [...sectionIds].sort((a, b) => a - b).slice(0, MAX_CONFLICT_IDS),
      },
    );
  }

  async function list(filter: SectionFilter): Promise<AdminSection[]> {
    const rows = await listSections(db, filter);
    const bySection = groupMeetings(
      await findMeetingRows(
        db,
        rows.map((r) => r.id),
      ),
    );
    return rows.map((r) => sectionRowToSection(r, bySection.get(r.id) ?? []));
  }

  async function get(id: number): Promise<AdminSection> {
    const [section] = await list({ id });
    if (!section) throw notFound(SECTION);
    return section;
  }

  async function create(input: CreateSectionBody, actor: Actor): Promise<{ id: number; number: number }> {
    const meetings = meetingsToRows(input.meetings);
    return inTransaction(db, async (trx) => {
      const subject = await lockSubject(trx, dialect, input.subjectId);
      if (!subject) throw notFound(SUBJECT);
      await assertProfessor(trx, input.professorId);
      const number = await nextSectionNumber(trx, dialect, subject.id);
      const id = await insertSection(trx, {
        subjectId: subject.id,
        professorId: input.professorId,
        number,
        capacity: input.capacity,
        createdAt: clock.now(),
      });
      await replaceMeetings(trx, id, meetings);
      await writeAudit(
        trx,
        actor,
        {
          action: 'section.create',
          target: `section:${id}`,
          detail: { subject: subject.code, number, capacity: input.capacity, professorId: input.professorId },
        },
        clock.now(),
      );
      return { id, number };
    });
  }

  async function update(id: number, input: UpdateSectionBody, actor: Actor): Promise<AdminSection> {
    const meetings = input.meetings ? meetingsToRows(input.meetings) : undefined;
    await inTransaction(db, async (trx) => {
      const section = await lockSection(trx, dialect, id);
      if (!section) throw notFound(SECTION);
      const patch: Updateable<SectionsTable> = {};
      if (input.capacity !== undefined) {
        if (input.capacity < section.taken) {
          throw new AppError(
            'CAPACITY_BELOW_TAKEN',
            `이미 ${section.taken}명이 신청해 정원을 ${input.capacity}명으로 줄일 수 없습니다 / ${section.taken} seats are taken; capacity cannot go below that`,
          );
        }
        patch.capacity = input.capacity;
      }
      if (input.professorId !== undefined) {
        await assertProfessor(trx, input.professorId);
        patch.professor_id = input.professorId;
      }
      if (meetings) await assertNoStudentOverlap(trx, id, meetings);
      await updateSection(trx, id, patch);
      if (meetings) await replaceMeetings(trx, id, meetings);
      await writeAudit(
        trx,
        actor,
        {
          action: 'section.update',
          target: `section:${id}`,
          detail: { ...input, ...(input.capacity !== undefined ? { capacityFrom: section.capacity } : {}) },
        },
        clock.now(),
      );
      if (input.capacity !== undefined && input.capacity > section.capacity) {
        // New seats go to the wait-list in queue order, in this transaction.
        await fillFreedSeats(trx, deps, actor, id);
      }
    });
    // Registration keeps a section's capacity and meetings in memory, and "full" marks; all stale now.
    deps.bus.publish('sections', id);
    return get(id);
  }

  async function remove(id: number, actor: Actor): Promise<void> {
    await inTransaction(db, async (trx) => {
      const section = await lockSection(trx, dialect, id);
      if (!section) throw notFound(SECTION);
      await deleteSection(trx, id);
      await writeAudit(
        trx,
        actor,
        {
          action: 'section.delete',
          target: `section:${id}`,
          detail: { subjectId: section.subject_id, number: section.number, taken: section.taken },
        },
        clock.now(),
      );
    });
    deps.bus.publish('sections', id);
  }

  async function roster(id: number): Promise<Roster> {
    const section = await get(id);
    const [enrolled, waitlist] = await Promise.all([enrolledStudents(db, id), waitlistedStudents(db, id)]);
    const student = (r: (typeof enrolled)[number]) => ({
      studentId: r.student_id,
      studentNo: r.student_no,
      name: r.name,
      department: { id: r.department_id, code: r.department_code, name: r.department_name },
      year: r.year,
    });
    return {
      section,
      enrolled: enrolled.map((r) => ({
        ...student(r),
        enrolledAt: new Date(Number(r.created_at)).toISOString(),
      })),
      waitlist: waitlist.map((r, i) => ({
        position: i + 1,
        ...student(r),
        joinedAt: new Date(Number(r.created_at)).toISOString(),
      })),
    };
  }

  return { list, get, create, update, remove, roster };
}
