import type { commonMessages } from '../../lib/i18n/common-messages';

type Key = keyof (typeof commonMessages)['ko'];
export interface NavItem {
  to: string;
  label: Key;
  end?: boolean;
}

export const STUDENT_NAV: readonly NavItem[] = [
  { to: '/sugang', label: 'navRegister', end: true },
  { to: '/sugang/catalog', label: 'navCatalog' },
  { to: '/sugang/cart', label: 'navCart' },
  { to: '/sugang/timetable', label: 'navTimetable' },
  { to: '/sugang/guide', label: 'navGuide' },
  { to: '/student/boards', label: 'navBoards' },
  { to: '/student/me', label: 'navProfile' },
];

export const PUBLIC_NAV: readonly NavItem[] = [
  { to: '/sugang/catalog', label: 'navCatalog' },
  { to: '/sugang/guide', label: 'navGuide' },
  { to: '/student/boards', label: 'navBoards' },
];

export const ADMIN_NAV: readonly NavItem[] = [
  { to: '/admin', label: 'navAdminDashboard', end: true },
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
