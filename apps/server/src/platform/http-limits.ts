import type { ServerOptions } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { ERROR_CATALOG } from './errors.js';
import type { ErrorCode } from './errors.js';

type LimitConfig = Pick<
  Config,
  | 'requestTimeoutMs'
  | 'headersTimeoutMs'
  | 'keepAliveTimeoutMs'
  | 'connectionTimeoutMs'
  | 'maxRequestsPerSocket'
  | 'maxConnections'
>;

/** The Fastify options that bound how long a client may hold a socket without finishing a request. */
export function serverTimeoutOptions(config: LimitConfig) {
  const http: ServerOptions = {
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    // Node looks for overdue requests only this often (30 s by default), which would let a
    // trickled body live up to 30 s past the request timeout.
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(config.headersTimeoutMs / 4))),
  };
  return {
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    connectionTimeout: config.connectionTimeoutMs,
    maxRequestsPerSocket: config.maxRequestsPerSocket,
    http,
  };
}

/** Past the cap Node drops new sockets before reading a byte: the cheapest refusal there is. */
export function capConnections(app: FastifyInstance, config: LimitConfig): void {
  app.server.maxConnections = config.maxConnections;
  app.server.on('drop', (data?: { remoteAddress?: string }) => {
    app.log.debug({ remoteAddress: data?.remoteAddress }, 'connection dropped: connection cap reached');
  });
}

function clientErrorCode(error: ConnectionError): ErrorCode {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 'REQUEST_TIMEOUT';
    case 'HPE_HEADER_OVERFLOW':
      return 'HEADERS_TOO_LARGE';
    case 'HPE_INVALID_URL':
      return 'INVALID_URL';
    default:
      return 'BAD_REQUEST';
  }
}

/**
 * Node's HTTP parser answers malformed requests, oversized headers and timeouts itself, before
 * Fastify sees them; this writes those answers in the same {"error":{code,message}} envelope, with
 * the security headers, and closes the socket as Node would.
 */
export function createClientErrorHandler(headers: Record<string, string>) {
  return function onClientError(this: FastifyInstance, error: ConnectionError, socket: Socket): void {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const code = clientErrorCode(error);
    const [status, message] = ERROR_CATALOG[code];
    this.log.debug({ err: error }, 'client error');
    // A response already under way on this socket cannot be replaced by a second status line.
    const pending = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && !pending?.headersSent) {
      const body = JSON.stringify({ error: { code, message } });
      const lines = [
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
        'content-type: application/json; charset=utf-8',
        `content-length: ${Buffer.byteLength(body)}`,
        'cache-control: no-store',
        'connection: close',
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      ];
      socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
      return;
    }
    socket.destroy();
  };
}
