import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { adminActor } from '../../platform/auth.js';
import { IdParams, errorResponses } from '../../platform/schema.js';
import {
  CreateDepartmentBody,
  Department,
  DepartmentImpact,
  DepartmentList,
  UpdateDepartmentBody,
} from './departments.schema.js';
import { createDepartmentsService } from './departments.service.js';

export const departmentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const departments = createDepartmentsService(app.deps);

  app.get(
    '/student/api/departments',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['departments'],
        summary: '학과 목록 (public): for the 학번 lookup and the notice boards, sorted by code',
        security: [],
        response: { 200: DepartmentList, ...errorResponses },
      },
    },
    async () => departments.list(),
  );

  app.get(
    '/admin/api/departments',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['admin: departments'],
        summary: '학과 목록',
        response: { 200: DepartmentList, ...errorResponses },
      },
    },
    async () => departments.list(),
  );

  app.post(
    '/admin/api/departments',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['admin: departments'],
        summary: '학과 등록: code is issued when absent; a code issued once is never reused',
        body: CreateDepartmentBody,
        response: { 201: Department, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await departments.create(request.body, adminActor(request));
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/admin/api/departments/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['admin: departments'],
        summary: '학과 이름 변경',
        params: IdParams,
        body: UpdateDepartmentBody,
        response: { 200: Department, ...errorResponses },
      },
    },
    async (request) => departments.rename(request.params.id, request.body, adminActor(request)),
  );

  app.get(
    '/admin/api/departments/:id/impact',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['admin: departments'],
        summary: '학과 삭제 미리보기: what a delete would remove now, and whether students block it',
        params: IdParams,
        response: { 200: DepartmentImpact, ...errorResponses },
      },
    },
    async (request) => departments.impact(request.params.id),
  );

  app.delete(
    '/admin/api/departments/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['admin: departments'],
        summary:
          '학과 삭제: removes its posts, professors, subjects, sections and their cart/registration/wait-list rows; refused while students belong to it',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await departments.remove(request.params.id, adminActor(request));
      return reply.status(204).send(null);
    },
  );
};
