import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../platform/schema.js';
import { AuditPage, AuditQuery } from './audit.schema.js';
import { createAuditService } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const audit = createAuditService(app.deps);

  app.get(
    '/admin/api/audit',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['admin: audit'],
        summary: '감사 로그: every state change, newest first',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (request) => audit.list(request.query),
  );
};
