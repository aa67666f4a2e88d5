import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { studentActor } from '../../platform/auth.js';
import { IdempotencyKeyHeader, runIdempotent } from '../../platform/idempotency.js';
import { countResponsesBy } from '../../platform/metrics.js';
import { errorResponses } from '../../platform/schema.js';
import {
  EnrollResponse,
  EnrollmentList,
  SectionIdBody,
  SectionIdParams,
  WaitlistJoinResponse,
  WaitlistList,
} from './enrollment.schema.js';
import { createEnrollmentService } from './enrollment.service.js';

export const enrollmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const enrollment = createEnrollmentService(app.deps);
  const countRegistration = countResponsesBy(app.metrics.registrations);

  app.post(
    '/sugang/api/enrollments',
    {
      config: { auth: 'student', admission: true },
      onSend: countRegistration,
      schema: {
        tags: ['registration'],
        summary: '수강신청: register for a section (all rules checked atomically)',
        headers: IdempotencyKeyHeader,
        body: SectionIdBody,
        response: { 201: EnrollResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = studentActor(request);
      return runIdempotent(request, reply, 201, (beforeCommit) =>
        enrollment.register(actor, request.body.sectionId, beforeCommit),
      );
    },
  );

  app.get(
    '/sugang/api/enrollments',
    {
      config: { auth: 'student' },
      schema: {
        tags: ['registration'],
        summary: 'Own enrollments with total credits',
        response: { 200: EnrollmentList, ...errorResponses },
      },
    },
    async (request) => enrollment.list(studentActor(request).id),
  );

  app.delete(
    '/sugang/api/enrollments/:sectionId',
    {
      config: { auth: 'student', admission: true },
      schema: {
        tags: ['registration'],
        summary: '수강취소: drop; the seat goes to the first eligible wait-listed student',
        headers: IdempotencyKeyHeader,
        params: SectionIdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = studentActor(request);
      return runIdempotent(request, reply, 204, (beforeCommit) =>
        enrollment.drop(actor, request.params.sectionId, beforeCommit),
      );
    },
  );

  app.post(
    '/sugang/api/waitlist',
    {
      config: { auth: 'student', admission: true },
      schema: {
        tags: ['registration'],
        summary: 'Join the wait-list of a full section',
        headers: IdempotencyKeyHeader,
        body: SectionIdBody,
        response: { 201: WaitlistJoinResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = studentActor(request);
      return runIdempotent(request, reply, 201, (beforeCommit) =>
        enrollment.joinWaitlist(actor, request.body.sectionId, beforeCommit),
      );
    },
  );

  app.get(
    '/sugang/api/waitlist',
    {
      config: { auth: 'student' },
      schema: {
        tags: ['registration'],
        summary: 'Own wait-list entries with positions',
        response: { 200: WaitlistList, ...errorResponses },
      },
    },
    async (request) => enrollment.listWaitlist(studentActor(request).id),
  );

  app.delete(
    '/sugang/api/waitlist/:sectionId',
    {
      config: { auth: 'student', admission: true },
      schema: {
        tags: ['registration'],
        summary: 'Leave a wait-list',
        headers: IdempotencyKeyHeader,
        params: SectionIdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = studentActor(request);
      return runIdempotent(request, reply, 204, (beforeCommit) =>
        enrollment.leaveWaitlist(actor, request.params.sectionId, beforeCommit),
      );
    },
  );
};
