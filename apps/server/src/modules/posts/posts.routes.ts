import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { adminActor } from '../../platform/auth.js';
import { IdParams, errorResponses } from '../../platform/schema.js';
import {
  CreatePostBody,
  DepartmentParams,
  POST_BODY_LIMIT,
  Post,
  PostPage,
  PostQuery,
  UpdatePostBody,
} from './posts.schema.js';
import { createPostsService } from './posts.service.js';

export const postsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const posts = createPostsService(app.deps);
  const tags = ['posts'];

  app.get(
    '/student/api/departments/:id/posts',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '학과 게시판 (public): newest first',
        security: [],
        params: DepartmentParams,
        querystring: PostQuery,
        response: { 200: PostPage, ...errorResponses },
      },
    },
    async (request) => posts.listForDepartment(request.params.id, request.query),
  );

  app.get(
    '/student/api/posts/:id',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '게시글 하나 (public)',
        security: [],
        params: IdParams,
        response: { 200: Post, ...errorResponses },
      },
    },
    async (request) => posts.get(request.params.id),
  );

  app.post(
    '/admin/api/departments/:id/posts',
    {
      bodyLimit: POST_BODY_LIMIT,
      config: { auth: 'admin' },
      schema: {
        tags: ['admin: posts'],
        summary: '학과 게시글 작성',
        params: DepartmentParams,
        body: CreatePostBody,
        response: { 201: Post, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await posts.create(request.params.id, request.body, adminActor(request))),
  );

  app.patch(
    '/admin/api/posts/:id',
    {
      bodyLimit: POST_BODY_LIMIT,
      config: { auth: 'admin' },
      schema: {
        tags: ['admin: posts'],
        summary: '학과 게시글 수정',
        params: IdParams,
        body: UpdatePostBody,
        response: { 200: Post, ...errorResponses },
      },
    },
    async (request) => posts.update(request.params.id, request.body, adminActor(request)),
  );

  app.delete(
    '/admin/api/posts/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['admin: posts'],
        summary: '학과 게시글 삭제',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await posts.remove(request.params.id, adminActor(request));
      return reply.status(204).send(null);
    },
  );
};
