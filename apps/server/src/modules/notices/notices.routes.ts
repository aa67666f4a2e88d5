import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { adminActor } from '../../platform/auth.js';
import { IdParams, errorResponses } from '../../platform/schema.js';
import {
  CreateNoticeBody,
  NOTICE_BODY_LIMIT,
  Notice,
  NoticePage,
  NoticeQuery,
  UpdateNoticeBody,
} from './notices.schema.js';
import { createNoticesService } from './notices.service.js';

export const noticesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const notices = createNoticesService(app.deps);
  const tags = ['notices'];
  const adminTags = ['admin: notices'];

  app.get(
    '/student/api/notices',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '수강신청 안내 / 유의사항 (public): pinned first, then newest first',
        security: [],
        querystring: NoticeQuery,
        response: { 200: NoticePage, ...errorResponses },
      },
    },
    async (request) => notices.list(request.query),
  );

  app.get(
    '/student/api/notices/:id',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '안내 하나 (public)',
        security: [],
        params: IdParams,
        response: { 200: Notice, ...errorResponses },
      },
    },
    async (request) => notices.get(request.params.id),
  );

  app.post(
    '/admin/api/notices',
    {
      bodyLimit: NOTICE_BODY_LIMIT,
      config: { auth: 'admin' },
      schema: {
        tags: adminTags,
        summary: '안내 작성',
        body: CreateNoticeBody,
        response: { 201: Notice, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await notices.create(request.body, adminActor(request))),
  );

  app.patch(
    '/admin/api/notices/:id',
    {
      bodyLimit: NOTICE_BODY_LIMIT,
      config: { auth: 'admin' },
      schema: {
        tags: adminTags,
        summary: '안내 수정 (title, body, pinned)',
        params: IdParams,
        body: UpdateNoticeBody,
        response: { 200: Notice, ...errorResponses },
      },
    },
    async (request) => notices.update(request.params.id, request.body, adminActor(request)),
  );

  app.delete(
    '/admin/api/notices/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags: adminTags,
        summary: '안내 삭제',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await notices.remove(request.params.id, adminActor(request));
      return reply.status(204).send(null);
    },
  );
};
