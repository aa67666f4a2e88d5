import type { FastifyInstance, FastifyRequest } from 'fastify';
import { responseOutcome } from './metrics.js';

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
 * last byte, the error code of a refusal, and who asked (role and id, never the token). The request id is on the line already,
 * as on every line the request logs (X-Request-Id honoured, else generated, and returned).
 */
export function installAccessLog(app: FastifyInstance): void {
  // The level is set once at start (KARINA_LOG_LEVEL); above info there is nothing to write.
  if (!['trace', 'debug', 'info'].includes(app.log.level)) return;
  // The error code a refused request was answered with (SECTION_FULL, ...), read off the envelope.
  const codes = new WeakMap<FastifyRequest, string>();
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode >= 400) {
      codes.set(request, responseOutcome(reply.statusCode, payload));
    }
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const session = request.session;
    const code = codes.get(request);
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ...(code !== undefined && code !== String(reply.statusCode) ? { code } : {}),
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ...(session ? { actor: { role: session.role, id: session.userId } } : {}),
      },
      'access',
    );
  });
}
