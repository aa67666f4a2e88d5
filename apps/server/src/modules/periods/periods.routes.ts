import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { adminActor } from '../../platform/auth.js';
import { IdParams, errorResponses } from '../../platform/schema.js';
import { CreatePeriodBody, CreatedPeriod, Period, PeriodList, UpdatePeriodBody } from './periods.schema.js';
import { createPeriodsService } from './periods.service.js';

export const periodsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const periods = createPeriodsService(app.deps);
  const tags = ['admin: periods'];

  app.get(
    '/student/api/periods',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['periods'],
        summary: '신청 기간 (public): periods that have not closed yet, by the server clock',
        security: [],
        response: { 200: PeriodList, ...errorResponses },
      },
    },
    async () => periods.listForStudents(),
  );

  app.get(
    '/admin/api/periods',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '신청 기간 목록 (all, newest first)',
        response: { 200: PeriodList, ...errorResponses },
      },
    },
    async () => periods.list(),
  );

  app.get(
    '/admin/api/periods/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '신청 기간 하나',
        params: IdParams,
        response: { 200: Period, ...errorResponses },
      },
    },
    async (request) => periods.get(request.params.id),
  );

  app.post(
    '/admin/api/periods',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '신청 기간 등록 (server time decides; closesAt after opensAt)',
        body: CreatePeriodBody,
        response: { 201: CreatedPeriod, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await periods.create(request.body, adminActor(request))),
  );

  app.patch(
    '/admin/api/periods/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '신청 기간 변경',
        params: IdParams,
        body: UpdatePeriodBody,
        response: { 200: Period, ...errorResponses },
      },
    },
    async (request) => periods.update(request.params.id, request.body, adminActor(request)),
  );

  app.delete(
    '/admin/api/periods/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '신청 기간 삭제',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await periods.remove(request.params.id, adminActor(request));
      return reply.status(204).send(null);
    },
  );
};
