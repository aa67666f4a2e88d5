import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { cartRoutes } from './cart/cart.routes.js';
import { catalogRoutes } from './catalog/catalog.routes.js';
import { departmentsRoutes } from './departments/departments.routes.js';
import { enrollmentRoutes } from './enrollment/enrollment.routes.js';
import { meRoutes } from './me/me.routes.js';
import { monitorRoutes } from './monitor/monitor.routes.js';
import { noticesRoutes } from './notices/notices.routes.js';
import { periodsRoutes } from './periods/periods.routes.js';
import { postsRoutes } from './posts/posts.routes.js';
import { professorsRoutes } from './professors/professors.routes.js';
import { sectionsRoutes } from './sections/sections.routes.js';
import { studentsRoutes } from './students/students.routes.js';
import { subjectsRoutes } from './subjects/subjects.routes.js';
import { timetableRoutes } from './timetable/timetable.routes.js';
import { waitingRoomPlugin } from './waiting-room/waiting-room.routes.js';

/** The student service: login, student self-service and the registrar's admin API. */
export async function registerStudentService(app: FastifyInstance): Promise<void> {
  await app.register(authRoutes);
  await app.register(meRoutes);
  await app.register(departmentsRoutes);
  await app.register(professorsRoutes);
  await app.register(studentsRoutes);
  await app.register(subjectsRoutes);
  await app.register(sectionsRoutes);
  await app.register(periodsRoutes);
  await app.register(postsRoutes);
  await app.register(noticesRoutes);
  await app.register(auditRoutes);
  await app.register(monitorRoutes);
}

/** The registration service: catalog, cart, registration, wait-list, timetable, server time. */
export async function registerSugangService(app: FastifyInstance): Promise<void> {
  await app.register(catalogRoutes);
  // Before the routes it guards: its admission hook must reach them.
  await app.register(waitingRoomPlugin);
  await app.register(cartRoutes);
  await app.register(enrollmentRoutes);
  await app.register(timetableRoutes);
}
