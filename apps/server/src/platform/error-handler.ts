import type { FastifyError, FastifyInstance } from 'fastify';
import { isForeignKeyViolation, isUniqueViolation } from './db-errors.js';
import { AppError, ERROR_CATALOG } from './errors.js';
import type { ErrorCode } from './errors.js';

function body(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

/**
 * mysql2 attaches the statement with its values filled in (`sql`) to every error; those values
 * can be password hashes or personal data, so they never reach the log. The message and code stay.
 */
export function withoutStatementText(error: unknown): unknown {
  if (error && typeof error === 'object' && 'sql' in error) {
    const copy = Object.assign(
      Object.create(Object.getPrototypeOf(error) as object) as object,
      error,
    ) as Record<string, unknown>;
    delete copy.sql;
    if (error instanceof Error) {
      Object.defineProperty(copy, 'message', { value: error.message, enumerable: false });
      Object.defineProperty(copy, 'stack', { value: error.stack, enumerable: false });
    }
    return copy;
  }
  return error;
}

/** One place that turns every thrown thing into {"error":{"code","message"}}; 5xx bodies say nothing internal. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      if ((error.code === 'RATE_LIMITED' || error.code === 'OVERLOADED') && !reply.hasHeader('retry-after')) {
        void reply.header('retry-after', '1');
      }
      return reply.status(error.status).send(body(error.code, error.message, error.details));
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const where = fe.validationContext ?? 'body';
      const first = fe.validation[0];
      const path = first?.instancePath ? first.instancePath.slice(1).replace(/\//g, '.') : '';
      const extra =
        first?.keyword === 'additionalProperties'
          ? `unknown field "${String((first.params as { additionalProperty?: string }).additionalProperty)}"`
          : `${path ? `${path} ` : ''}${first?.message ?? 'is invalid'}`;
      return reply
        .status(400)
        .send(body('VALIDATION_FAILED', `입력값이 올바르지 않습니다 / Invalid ${where}: ${extra}`));
    }
    const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
    if (mapped) return reply.status(ERROR_CATALOG[mapped][0]).send(body(mapped, ERROR_CATALOG[mapped][1]));
    if (fe.statusCode === 429) {
      void reply.header('retry-after', String(reply.getHeader('retry-after') ?? 1));
      return reply.status(429).send(body('RATE_LIMITED', ERROR_CATALOG.RATE_LIMITED[1]));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send(body('VALIDATION_FAILED', fe.message));
    }
    // A parent deleted between a service's check and its insert, or a row still referenced: the
    // database's constraint is the backstop, and the client gets a 409 rather than a 500.
    if (isForeignKeyViolation(error)) {
      return reply
        .status(409)
        .send(
          body(
            'CONFLICT',
            '참조하는 데이터가 없거나 아직 사용 중입니다 / A record it refers to is missing, or it is still in use',
          ),
        );
    }
    if (isUniqueViolation(error))
      return reply.status(409).send(body('DUPLICATE', ERROR_CATALOG.DUPLICATE[1]));
    request.log.error({ err: withoutStatementText(error) }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', ERROR_CATALOG.INTERNAL[1]));
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(
        body(
          'NOT_FOUND',
          `경로를 찾을 수 없습니다 / No route ${request.method} ${request.url.split('?')[0]}`,
        ),
      ),
  );
}
