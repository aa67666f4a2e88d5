import type { FastifyInstance } from 'fastify';

/**
 * Every field name whose value is a secret, wherever it sits in a logged object: passwords, session
 * and admission tokens, CSRF tokens, cookies, authorization headers, and mysql2's statement text
 * (its values can be password hashes or personal data). pino replaces them with "[redacted]".
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["x-admission-token"]',
  'res.headers["set-cookie"]',
  'err.sql',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.csrfToken',
  '*.admissionToken',
];

/**
 * One access line per request (Fastify's own two lines are off): the route template, never the
 * raw URL (no ids or tickets in a label, and nothing a client typed), the status, the time to the
 * last byte, and who asked (role and id, never the token). The request id is on the line already,
 * as on every line the request logs (X-Request-Id honoured, else generated, and returned).
 */
export function installAccessLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const session = request.session;
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ...(session ? { actor: { role: session.role, id: session.userId } } : {}),
      },
      'access',
    );
  });
}
