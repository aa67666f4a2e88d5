import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installProcessHandlers } from '../../src/main.js';
import { installErrorHandler } from '../../src/platform/error-handler.js';
import { AppError } from '../../src/platform/errors.js';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { listen, openSocket, parseResponse } from './raw-http.js';
import type { RawConnection } from './raw-http.js';

// Framework errors happen before any query runs, so SQLite alone is enough here.

const envelope = (code: string) => ({ error: { code, message: expect.any(String) as string } });

describe('framework errors in the {error:{code,message}} envelope', () => {
  let t: TestApp;
  let port: number;
  const sockets: RawConnection[] = [];
  const send = async (raw: string) => {
    const c = await openSocket(port);
    sockets.push(c);
    c.socket.write(raw);
    await c.closed();
    return parseResponse(c.received());
  };
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    port = await listen(t.app);
  });
  afterEach(() => {
    for (const c of sockets.splice(0)) c.socket.destroy();
  });
  afterAll(async () => t?.close());

  it.each(['/sugang/api/sections/%zz', '/sugang/api/sections/%E0%A4%A', '/student/api/departments/%/posts'])(
    'when the URL %s has a malformed %%-escape, it is 400 INVALID_URL',
    async (url) => {
      const res = await t.call('GET', url);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual(envelope('INVALID_URL'));
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    },
  );

  it('when a path parameter is longer than the router allows, it is 414 URL_TOO_LONG', async () => {
    const res = await t.call('GET', `/sugang/api/sections/${'1'.repeat(120)}`);
    expect(res.statusCode).toBe(414);
    expect(res.json()).toEqual(envelope('URL_TOO_LONG'));
  });

  // Karina's own JSON parser hands the empty body on to Fastify's, which must keep naming it.
  it('when a JSON request has an empty body, it is 400 INVALID_JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/student/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(envelope('INVALID_JSON'));
  });

  it('when the request headers are over 16 KiB, Node answers 431 HEADERS_TOO_LARGE in the envelope', async () => {
    const res = await send(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(res.body)).toEqual(envelope('HEADERS_TOO_LARGE'));
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
  });

  it('when the request line is not HTTP at all, it is 400 BAD_REQUEST in the envelope', async () => {
    const res = await send('HELLO THERE\r\n\r\n');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual(envelope('BAD_REQUEST'));
  });

  it('when a header line is malformed, it is 400 BAD_REQUEST in the envelope', async () => {
    const res = await send('GET /healthz HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual(envelope('BAD_REQUEST'));
  });
});

describe('AppError keeps its cause', () => {
  it('the cause is kept on the error', () => {
    const cause = new Error('driver said no');
    const error = new AppError('INTERNAL', undefined, undefined, { cause });
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('서버 오류가 발생했습니다 / Internal error');
  });

  it('a 5xx AppError logs its cause with the request id; the body says nothing internal', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = Fastify({ logger: { level: 'error', stream } });
    installErrorHandler(app);
    app.get('/boom', async () => {
      throw new AppError('NOT_READY', undefined, undefined, { cause: new Error('pool exhausted at db-7') });
    });
    const res = await app.inject({ method: 'GET', url: '/boom' });
    await app.close();
    expect(res.statusCode).toBe(503);
    expect(res.body).not.toContain('db-7');
    const logged = lines.map((l) => JSON.parse(l) as { reqId?: string; err?: { stack?: string } });
    expect(
      logged.some(
        (l) => l.err?.stack?.includes('caused by: Error: pool exhausted at db-7') && l.reqId !== undefined,
      ),
    ).toBe(true);
  });
});

describe('process-level handlers', () => {
  const fakeProcess = () => {
    const emitter = new EventEmitter();
    const exits: number[] = [];
    return { proc: Object.assign(emitter, { exit: (code: number) => void exits.push(code) }), exits };
  };

  it.each([
    ['unhandledRejection', new Error('nobody awaited me')],
    ['uncaughtException', new TypeError('nobody caught me')],
  ] as const)('on %s the error is logged as one JSON line and the process exits with 1', (event, error) => {
    const { proc, exits } = fakeProcess();
    const lines: string[] = [];
    installProcessHandlers(proc, (line) => lines.push(line));
    proc.emit(event, error);
    expect(exits).toEqual([1]);
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '') as {
      level: number;
      msg: string;
      err: { message: string; type: string };
    };
    expect(entry).toMatchObject({ level: 60, err: { message: error.message, type: error.name } });
    expect(entry.msg).toContain(event);
  });

  it('a rejection with a non-Error reason is logged too', () => {
    const { proc, exits } = fakeProcess();
    const lines: string[] = [];
    installProcessHandlers(proc, (line) => lines.push(line));
    proc.emit('unhandledRejection', 'just a string');
    expect(exits).toEqual([1]);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ err: { message: 'just a string' } });
  });
});
