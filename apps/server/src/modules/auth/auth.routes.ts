import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, cookieNames } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import { withRetryAfter } from '../../platform/login-throttle.js';
import { errorResponses } from '../../platform/schema.js';
import { LoginBody, LoginResponse, LookupBody, LookupResponse } from './auth.schema.js';
import { createAuthService, lookupName } from './auth.service.js';

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const auth = createAuthService({ ...app.deps, throttle: app.loginThrottle, hashGate: app.hashGate });
  const limited = app.deps.config.rateLimit;
  const names = cookieNames(app.deps.config);
  /**
   * A high ceiling on all requests per address, because a whole campus can sit behind one NAT
   * address at the opening second; password guessing is stopped by the login throttle (failures
   * per address and per account, platform/login-throttle.ts), and 학번 조회 by a limit per target.
   */
  const perAddress = (max: number) => (limited ? { rateLimit: { max, timeWindow: '1 minute' } } : {});
  const perTarget = (max: number, target: (body: unknown) => string) => {
    if (!limited) return {};
    const check = app.createRateLimit({
      max,
      timeWindow: '1 minute',
      keyGenerator: (r) => `${r.ip}|${target(r.body)}`,
    });
    return {
      preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
        const result = await check(request);
        if (result.isAllowed || !result.isExceeded) return;
        void reply.header('retry-after', String(result.ttlInSeconds));
        throw new AppError(
          'RATE_LIMITED',
          `요청이 너무 많습니다. ${result.ttlInSeconds}초 후 다시 시도하세요 / Too many attempts, retry in ${result.ttlInSeconds}s`,
        );
      },
    };
  };

  app.post(
    '/student/api/auth/login',
    {
      config: { auth: 'public', ...perAddress(600) },
      schema: {
        tags: ['auth'],
        summary: '로그인: 학번 or admin username + password',
        security: [],
        body: LoginBody,
        response: {
          200: LoginResponse,
          ...errorResponses,
          429: errorResponses[400],
          503: errorResponses[400],
        },
      },
    },
    async (request, reply) => {
      const result = await withRetryAfter(reply, () =>
        auth.login(
          { username: request.body.username, password: request.body.password, address: request.ip },
          actorOf(request),
        ),
      );
      const cookieOptions = {
        path: '/',
        secure: app.deps.config.cookieSecure,
        sameSite: 'strict' as const,
        expires: new Date(result.expiresAt),
      };
      void reply.setCookie(names.session, result.token, { ...cookieOptions, httpOnly: true });
      // Readable by the web app, which echoes it in X-CSRF-Token (double submit).
      void reply.setCookie(names.csrf, result.csrfToken, { ...cookieOptions, httpOnly: false });
      return { ...result, expiresAt: new Date(result.expiresAt).toISOString() };
    },
  );

  app.post(
    '/student/api/auth/logout',
    {
      config: { auth: 'authenticated', allowPendingPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: '로그아웃: the token stops working',
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!request.session) throw new AppError('UNAUTHENTICATED');
      await auth.logout(request.session, actorOf(request));
      const clear = { path: '/', secure: app.deps.config.cookieSecure };
      void reply.clearCookie(names.session, clear).clearCookie(names.csrf, clear);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/student/api/auth/lookup',
    {
      ...perTarget(
        5,
        (body) => `${(body as LookupBody).departmentId}|${lookupName((body as LookupBody).name)}`,
      ),
      config: { auth: 'public', ...perAddress(60) },
      schema: {
        tags: ['auth'],
        summary: '학번 조회: name + department + phone (throttled)',
        security: [],
        body: LookupBody,
        response: { 200: LookupResponse, ...errorResponses, 429: errorResponses[400] },
      },
    },
    async (request) => auth.lookupStudentNumber(request.body),
  );
};
