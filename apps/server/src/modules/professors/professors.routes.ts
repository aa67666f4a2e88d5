import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { adminActor } from '../../platform/auth.js';
import { IdParams, errorResponses } from '../../platform/schema.js';
import {
  CreateProfessorBody,
  Created,
  Professor,
  ProfessorList,
  ProfessorQuery,
  UpdateProfessorBody,
} from './professors.schema.js';
import { createProfessorsService } from './professors.service.js';

export const professorsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const professors = createProfessorsService(app.deps);
  const tags = ['admin: professors'];

  app.get(
    '/admin/api/professors',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '교수 목록 (optionally of one department)',
        querystring: ProfessorQuery,
        response: { 200: ProfessorList, ...errorResponses },
      },
    },
    async (request) => professors.list(request.query.departmentId),
  );

  app.get(
    '/admin/api/professors/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '교수 한 명',
        params: IdParams,
        response: { 200: Professor, ...errorResponses },
      },
    },
    async (request) => professors.get(request.params.id),
  );

  app.post(
    '/admin/api/professors',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '교수 등록',
        body: CreateProfessorBody,
        response: { 201: Created, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await professors.create(request.body, adminActor(request))),
  );

  app.patch(
    '/admin/api/professors/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '교수 정보 변경 (name, department)',
        params: IdParams,
        body: UpdateProfessorBody,
        response: { 200: Professor, ...errorResponses },
      },
    },
    async (request) => professors.update(request.params.id, request.body, adminActor(request)),
  );

  app.delete(
    '/admin/api/professors/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '교수 삭제: their sections stay, 교수 미정 (professor null); nobody is dropped',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await professors.remove(request.params.id, adminActor(request));
      return reply.status(204).send(null);
    },
  );
};
