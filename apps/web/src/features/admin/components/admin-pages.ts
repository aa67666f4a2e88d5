import type { commonMessages } from '../../../lib/i18n/common-messages';

type Key = keyof (typeof commonMessages)['ko'];

/**
 * Every registrar page, for the dashboard's links (the shell's menu lives in src/app, which a
 * feature may not import; the labels are the same shared words).
 */
export const ADMIN_PAGES: readonly { to: string; label: Key }[] = [
  { to: '/admin/monitor', label: 'navAdminMonitor' },
  { to: '/admin/departments', label: 'navAdminDepartments' },
  { to: '/admin/professors', label: 'navAdminProfessors' },
  { to: '/admin/students', label: 'navAdminStudents' },
  { to: '/admin/subjects', label: 'navAdminSubjects' },
  { to: '/admin/sections', label: 'navAdminSections' },
  { to: '/admin/periods', label: 'navAdminPeriods' },
  { to: '/admin/posts', label: 'navAdminPosts' },
  { to: '/admin/notices', label: 'navAdminNotices' },
  { to: '/admin/audit', label: 'navAdminAudit' },
];
