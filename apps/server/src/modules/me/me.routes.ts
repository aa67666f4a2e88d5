import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import { withRetryAfter } from '../../platform/login-throttle.js';
import { errorResponses } from '../../platform/schema.js';
import type { Session } from '../../platform/sessions.js';
import { ChangePasswordBody, Profile, UpdateProfileBody } from './me.schema.js';
import { createMeService } from './me.service.js';

export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const me = createMeService({ ...app.deps, throttle: app.loginThrottle, hashGate: app.hashGate });
  const sessionOf = (s: Session | null): Session => {
    if (!s) throw new AppError('UNAUTHENTICATED');
    return s;
  };

  app.get(
    '/student/api/me',
    {
      config: { auth: 'authenticated', allowPendingPasswordChange: true },
      schema: {
        tags: ['me'],
        summary: 'Own profile (never the password hash)',
        response: { 200: Profile, ...errorResponses },
      },
    },
    async (request) => me.getProfile(sessionOf(request.session)),
  );

  app.get(
    '/student/api/session',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['auth'],
        summary:
          'Who is signed in: the own profile, or null (200 either way, so a page can ask without an error)',
        security: [],
        response: {
          200: Type.Object({ user: Type.Union([Profile, Type.Null()]) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ user: request.session ? await me.getProfile(request.session) : null }),
  );

  app.patch(
    '/student/api/me',
    {
      config: { auth: 'student' },
      schema: {
        tags: ['me'],
        summary: 'Edit own contact and address',
        body: UpdateProfileBody,
        response: { 200: Profile, ...errorResponses },
      },
    },
    async (request) => me.updateProfile(sessionOf(request.session), request.body, actorOf(request)),
  );

  app.post(
    '/student/api/me/password',
    {
      config: { auth: 'authenticated', allowPendingPasswordChange: true },
      schema: {
        tags: ['me'],
        summary: 'Change own password (policy: 10+ chars, a letter and a digit)',
        body: ChangePasswordBody,
        response: { 204: Type.Null(), ...errorResponses, 429: errorResponses[400], 503: errorResponses[400] },
      },
    },
    async (request, reply) => {
      await withRetryAfter(reply, () =>
        me.changePassword(
          sessionOf(request.session),
          { ...request.body, address: request.ip },
          actorOf(request),
        ),
      );
      return reply.status(204).send(null);
    },
  );
};
