import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isForeignKeyViolation, isUniqueViolation } from './db-errors.js';
import { AppError, ERROR_CATALOG } from './errors.js';
import type { ErrorCode } from './errors.js';
import { TEXT_FORMATS } from './text.js';

function body(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'INVALID_URL',
  FST_ERR_INVALID_URL: 'INVALID_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'URL_TOO_LONG',
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_ROUTE_MISSING_CONTENT: 'VALIDATION_FAILED',
  FST_ERR_NOT_FOUND: 'NOT_FOUND',
  FST_ERR_ASYNC_CONSTRAINT: 'INTERNAL',
};

/** Scanners probe hundreds of paths a minute; a person mistyping a URL does not. */
export const NOT_FOUND_PER_MINUTE = 60;

export function notFoundBody(request: FastifyRequest) {
  return body(
    'NOT_FOUND',
    `경로를 찾을 수 없습니다 / No route ${request.method} ${request.url.split('?')[0]}`,
  );
}

function requestHasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Errors Fastify raises before a route is chosen (a malformed %-escape, an over-long parameter),
 * which never reach the error handler; `headers` are the security headers every reply carries.
 */
export function createFrameworkErrorHandler(headers: () => Record<string, string>) {
  return (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
    const code = (error.code && FASTIFY_CODES[error.code]) || 'BAD_REQUEST';
    const [status, message] = ERROR_CATALOG[code];
    void reply
      .status(status)
      .headers(headers())
      .header('cache-control', 'no-store')
      .send(body(code, message));
  };
}

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

/**
 * What the error handler answers for an AppError, for a handler to return instead of throwing:
 * the status (and Retry-After on RATE_LIMITED / OVERLOADED) set on the reply, the envelope as the
 * payload. A registration's refusal (SECTION_FULL from memory, most answers at an opening) skips
 * Fastify's error path this way, a tenth of its cost.
 */
export function refusal(reply: FastifyReply, error: AppError) {
  if ((error.code === 'RATE_LIMITED' || error.code === 'OVERLOADED') && !reply.hasHeader('retry-after')) {
    void reply.header('retry-after', '1');
  }
  void reply.status(error.status);
  return body(error.code, error.message, error.details);
}

/** One place that turns every thrown thing into {"error":{"code","message"}}; 5xx bodies say nothing internal. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      // pino's error serializer follows `cause`, so the log shows what lay underneath; the body does not.
      if (error.status >= 500) request.log.error({ err: error }, error.code);
      return reply.send(refusal(reply, error));
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const where = fe.validationContext ?? 'body';
      const first = fe.validation[0];
      const path = first?.instancePath ? first.instancePath.slice(1).replace(/\//g, '.') : '';
      const format = (first?.params as { format?: string } | undefined)?.format;
      if (first?.keyword === 'format' && format !== undefined && format in TEXT_FORMATS) {
        return reply
          .status(400)
          .send(
            body(
              'INVALID_TEXT',
              `${path || where}: 제어 문자나 보이지 않는 문자만으로 된 값은 쓸 수 없습니다 / ${path || where}: control characters, bidi overrides or only invisible characters are not allowed`,
            ),
          );
      }
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
  app.setNotFoundHandler((request, reply) => reply.status(404).send(notFoundBody(request)));
}

/**
 * An unknown path is answered in onRequest, before any content-type parser sees the body: an
 * anonymous POST of nested brackets to a made-up URL costs a lookup, not a parse. The body is
 * left unread and the connection closed behind the answer, so it cannot be used to stream more.
 * Limited per address (when rate limits are on) like login, so a scan runs into 429s.
 */
export function installEarlyNotFound(app: FastifyInstance, options: { rateLimit: boolean }): void {
  let limiter: ((request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) | undefined;
  app.addHook('onRequest', async (request, reply) => {
    if (!request.is404) return;
    if (requestHasBody(request)) void reply.header('connection', 'close');
    if (options.rateLimit) {
      // Created on first use: the rate-limit plugin registers after this hook must exist.
      const limit = (limiter ??= app.rateLimit({ max: NOT_FOUND_PER_MINUTE, timeWindow: 60_000 }).bind(app));
      await limit(request, reply);
    }
    return reply.status(404).send(notFoundBody(request));
  });
}
