import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { adminActor } from '../../platform/auth.js';
import { IdParams, errorResponses } from '../../platform/schema.js';
import {
  CreateSubjectBody,
  CreatedSubject,
  Subject,
  SubjectList,
  SubjectQuery,
  UpdateSubjectBody,
} from './subjects.schema.js';
import { createSubjectsService } from './subjects.service.js';

export const subjectsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const subjects = createSubjectsService(app.deps);
  const tags = ['admin: subjects'];

  app.get(
    '/admin/api/subjects',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '교과목 목록 (optionally of one department)',
        querystring: SubjectQuery,
        response: { 200: SubjectList, ...errorResponses },
      },
    },
    async (request) => subjects.list(request.query.departmentId),
  );

  app.get(
    '/admin/api/subjects/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '교과목 하나',
        params: IdParams,
        response: { 200: Subject, ...errorResponses },
      },
    },
    async (request) => subjects.get(request.params.id),
  );

  app.post(
    '/admin/api/subjects',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '교과목 등록: code issued when absent; a code is never reused, even after a delete',
        body: CreateSubjectBody,
        response: { 201: CreatedSubject, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await subjects.create(request.body, adminActor(request))),
  );

  app.patch(
    '/admin/api/subjects/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '교과목 변경 (credits only while nobody is enrolled)',
        params: IdParams,
        body: UpdateSubjectBody,
        response: { 200: Subject, ...errorResponses },
      },
    },
    async (request) => subjects.update(request.params.id, request.body, adminActor(request)),
  );

  app.delete(
    '/admin/api/subjects/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '교과목 삭제: its sections and their cart/registration/wait-list rows go too',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await subjects.remove(request.params.id, adminActor(request));
      return reply.status(204).send(null);
    },
  );
};
