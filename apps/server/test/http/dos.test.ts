import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { NOT_FOUND_PER_MINUTE } from '../../src/platform/error-handler.js';
import { serverTimeoutOptions } from '../../src/platform/http-limits.js';
import { MAX_JSON_DEPTH } from '../../src/platform/json-body.js';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { listen, openSocket, parseResponse } from './raw-http.js';
import type { RawConnection } from './raw-http.js';

// The HTTP edge answers before any query runs, so these suites use SQLite only.

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('cheap denial of service: bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  it('when 60 KiB of unclosed brackets is posted to an unknown path, it is a 404 and the body is never parsed', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/no/such/path',
      headers: { 'content-type': 'application/json' },
      payload: '['.repeat(60 * 1024),
    });
    // A parser that ran would have answered 400 INVALID_JSON or JSON_TOO_DEEP.
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(res.headers.connection).toBe('close');
  });

  it(`when a real route gets JSON nested deeper than ${MAX_JSON_DEPTH} levels, it is 400 JSON_TOO_DEEP`, async () => {
    for (const payload of [nested(MAX_JSON_DEPTH + 1), '['.repeat(60 * 1024), `{"a":${nested(40)}}`]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/student/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'JSON_TOO_DEEP' } });
    }
  });

  it(`when JSON is exactly ${MAX_JSON_DEPTH} levels deep it is parsed, and brackets inside strings do not count`, async () => {
    for (const payload of [
      nested(MAX_JSON_DEPTH),
      JSON.stringify({ username: '['.repeat(100), password: '{'.repeat(100) }),
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/student/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.json<{ error: { code: string } }>().error.code).not.toBe('JSON_TOO_DEEP');
      expect(res.statusCode).not.toBe(500);
    }
  });

  it('when a JSON body is over 64 KiB, it is 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t.call('POST', '/admin/api/departments', {
      token: t.adminToken,
      body: { name: '가'.repeat(22 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('when a JSON body is just under 64 KiB, the limit does not refuse it', async () => {
    const res = await t.call('POST', '/admin/api/departments', {
      token: t.adminToken,
      body: { name: '가'.repeat(21 * 1024) },
    });
    // Too long for a name (400 VALIDATION_FAILED), but it got past the body limit to be validated.
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('when a post of 20,000 characters arrives as \\u escapes (120 KB), the post routes take it under their own limit', async () => {
    const department = await t.call('POST', '/admin/api/departments', {
      token: t.adminToken,
      body: { name: '게시판한도학과' },
    });
    const payload = `{"title":"긴 공지","body":"${'\\uac00'.repeat(20_000)}"}`;
    expect(Buffer.byteLength(payload)).toBeGreaterThan(100 * 1024);
    const res = await t.app.inject({
      method: 'POST',
      url: `/admin/api/departments/${department.json<{ id: number }>().id}/posts`,
      headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ body: string }>().body).toBe('가'.repeat(20_000));
  });

  it('when a 100 KiB CSV is imported, the import keeps its own larger limit', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `홍길동학생${i},99,2026,1`).join('\n');
    const csv = `name,departmentCode,entryYear,year\n${rows}\n`;
    expect(Buffer.byteLength(csv)).toBeGreaterThan(100 * 1024);
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/api/students/import',
      headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'text/csv' },
      payload: csv,
    });
    // Read and checked row by row (department 99 does not exist), not refused for its size.
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('cheap denial of service: the not-found handler is rate limited per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { rateLimit: true });
  });
  afterAll(async () => t?.close());

  it(`when one address asks for more than ${NOT_FOUND_PER_MINUTE} unknown paths in a minute, the next is 429 with Retry-After`, async () => {
    for (let i = 0; i < NOT_FOUND_PER_MINUTE; i++) {
      const res = await t.app.inject({ method: 'GET', url: `/scan/${i}`, remoteAddress: '203.0.113.7' });
      expect(res.statusCode).toBe(404);
    }
    const limited = await t.app.inject({
      method: 'POST',
      url: '/scan/last',
      remoteAddress: '203.0.113.7',
      headers: { 'content-type': 'application/json' },
      payload: '['.repeat(1024),
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    const other = await t.app.inject({ method: 'GET', url: '/scan/0', remoteAddress: '203.0.113.8' });
    expect(other.statusCode).toBe(404);
    const realRoute = await t.app.inject({
      method: 'GET',
      url: '/sugang/api/time',
      remoteAddress: '203.0.113.7',
    });
    expect(realRoute.statusCode).toBe(200);
  });
});

describe('cheap denial of service: server timeouts on real sockets', () => {
  let t: TestApp;
  let port: number;
  const sockets: RawConnection[] = [];
  const open = async () => {
    const c = await openSocket(port);
    sockets.push(c);
    return c;
  };
  beforeAll(async () => {
    t = await createTestApp('sqlite', {
      requestTimeoutMs: 1000,
      headersTimeoutMs: 500,
      keepAliveTimeoutMs: 300,
      connectionTimeoutMs: 5000,
    });
    port = await listen(t.app);
  });
  afterEach(() => {
    for (const c of sockets.splice(0)) c.socket.destroy();
  });
  afterAll(async () => t?.close());

  it('when an unknown path is promised a 1 MB body and sent only its start, the 404 comes without waiting for the rest', async () => {
    const c = await open();
    c.socket.write(
      `POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${1024 * 1024}\r\n\r\n${'['.repeat(1024)}`,
    );
    await expect.poll(() => c.received()).toContain('NOT_FOUND');
    const res = parseResponse(c.received());
    expect(res.status).toBe(404);
    expect(res.headers.connection).toBe('close');
    await c.closed();
  });

  it('when a body is trickled a byte at a time, the request is cut with 408 REQUEST_TIMEOUT and the socket closed', async () => {
    const c = await open();
    c.socket.write(
      'POST /student/api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    const drip = setInterval(() => c.socket.writable && c.socket.write(' '), 100);
    try {
      await c.closed();
    } finally {
      clearInterval(drip);
    }
    const res = parseResponse(c.received());
    expect(res.status).toBe(408);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'REQUEST_TIMEOUT' } });
  });

  it('when headers arrive slower than the headers timeout, the socket is closed', async () => {
    const c = await open();
    c.socket.write('GET /healthz HTTP/1.1\r\n');
    const drip = setInterval(() => c.socket.writable && c.socket.write('X-Slow: 1\r\n'), 100);
    try {
      await c.closed();
    } finally {
      clearInterval(drip);
    }
    expect(parseResponse(c.received()).status).toBe(408);
  });

  it('when a socket connects and sends nothing, it is closed', async () => {
    const c = await open();
    await c.closed();
  });

  it('when a keep-alive connection goes idle after a response, it is closed', async () => {
    const c = await open();
    c.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await c.closed();
    const res = parseResponse(c.received());
    expect(res.status).toBe(200);
  });
});

describe('cheap denial of service: the connection cap', () => {
  let t: TestApp;
  let port: number;
  const sockets: RawConnection[] = [];
  beforeAll(async () => {
    t = await createTestApp('sqlite', { maxConnections: 2 });
    port = await listen(t.app);
  });
  afterAll(async () => {
    for (const c of sockets) c.socket.destroy();
    await t?.close();
  });

  it('when the cap is reached, a further socket is dropped unanswered while the open ones keep working', async () => {
    const first = await openSocket(port);
    const second = await openSocket(port);
    sockets.push(first, second);
    // The server counts a socket once it has accepted it; a round trip on each makes that certain.
    for (const c of [first, second]) {
      c.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      await expect.poll(() => c.received()).toContain('"status":"ok"');
    }
    const third = await openSocket(port);
    sockets.push(third);
    third.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await third.closed();
    expect(third.received()).toBe('');

    first.socket.write('GET /sugang/api/time HTTP/1.1\r\nHost: x\r\n\r\n');
    await expect.poll(() => first.received()).toContain('"epochMs"');
  });
});

describe('cheap denial of service: the limits are settings', () => {
  it('when nothing is set, every timeout and the cap have a bound, and Node checks overdue requests every second', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 65_000,
      connectionTimeoutMs: 75_000,
      maxRequestsPerSocket: 10_000,
      maxConnections: 10_000,
    });
    expect(serverTimeoutOptions(config)).toEqual({
      requestTimeout: 30_000,
      keepAliveTimeout: 65_000,
      connectionTimeout: 75_000,
      maxRequestsPerSocket: 10_000,
      http: { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1000 },
    });
  });

  it('when the settings are given they are used, and bad ones are all listed in one error', () => {
    expect(
      loadConfig({
        KARINA_REQUEST_TIMEOUT_MS: '5000',
        KARINA_HEADERS_TIMEOUT_MS: '2000',
        KARINA_MAX_CONNECTIONS: '50',
      }),
    ).toMatchObject({ requestTimeoutMs: 5000, headersTimeoutMs: 2000, maxConnections: 50 });
    let error: unknown;
    try {
      loadConfig({
        KARINA_REQUEST_TIMEOUT_MS: '1000',
        KARINA_HEADERS_TIMEOUT_MS: '2000',
        KARINA_MAX_CONNECTIONS: '0',
        KARINA_KEEP_ALIVE_TIMEOUT_MS: 'soon',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringContaining('KARINA_KEEP_ALIVE_TIMEOUT_MS'),
      expect.stringContaining('KARINA_MAX_CONNECTIONS'),
      'KARINA_HEADERS_TIMEOUT_MS must not be larger than KARINA_REQUEST_TIMEOUT_MS',
    ]);
  });
});
