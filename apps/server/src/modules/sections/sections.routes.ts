import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { adminActor } from '../../platform/auth.js';
import { IdParams, errorResponses } from '../../platform/schema.js';
import {
  AdminSection,
  AdminSectionList,
  CreateSectionBody,
  CreatedSection,
  Roster,
  SectionQuery,
  UpdateSectionBody,
} from './sections.schema.js';
import { createSectionsService } from './sections.service.js';

export const sectionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const sections = createSectionsService(app.deps);
  const tags = ['admin: sections'];

  app.get(
    '/admin/api/sections',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '분반 목록 with enrolled / wait-listed counts (by subject or department)',
        querystring: SectionQuery,
        response: { 200: AdminSectionList, ...errorResponses },
      },
    },
    async (request) => sections.list(request.query),
  );

  app.get(
    '/admin/api/sections/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '분반 하나',
        params: IdParams,
        response: { 200: AdminSection, ...errorResponses },
      },
    },
    async (request) => sections.get(request.params.id),
  );

  app.get(
    '/admin/api/sections/:id/roster',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '수강생 명단 and the wait-list in order',
        params: IdParams,
        response: { 200: Roster, ...errorResponses },
      },
    },
    async (request) => sections.roster(request.params.id),
  );

  app.post(
    '/admin/api/sections',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '분반 개설: meetings in 30-minute steps, not overlapping each other; number = next 분반',
        body: CreateSectionBody,
        response: { 201: CreatedSection, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await sections.create(request.body, adminActor(request))),
  );

  app.patch(
    '/admin/api/sections/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary:
          '분반 변경: capacity (not below seats taken; new seats go to the wait-list), professor, meetings',
        params: IdParams,
        body: UpdateSectionBody,
        response: { 200: AdminSection, ...errorResponses },
      },
    },
    async (request) => sections.update(request.params.id, request.body, adminActor(request)),
  );

  app.delete(
    '/admin/api/sections/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '분반 폐강: its cart, registration and wait-list rows go too',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await sections.remove(request.params.id, adminActor(request));
      return reply.status(204).send(null);
    },
  );
};
