import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { listen, openSocket, parseResponse } from './raw-http.js';
import { createFakeWebDist } from '../support/web-dist.js';
import type { FakeWebDist } from '../support/web-dist.js';

// Headers are set by the HTTP layer before any query matters, so SQLite alone is enough here.

type Headers = Record<string, string | string[] | number | undefined>;

function directives(csp: unknown): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of String(csp).split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

function expectSecurityHeaders(headers: Headers, where: string): void {
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toBe('no-referrer');
  expect(headers['x-frame-options'], where).toBe('DENY');
  const csp = directives(headers['content-security-policy']);
  expect(csp.get('frame-ancestors'), where).toEqual(["'none'"]);
  expect(csp.get('object-src'), where).toEqual(["'none'"]);
  expect(csp.get('base-uri'), where).toEqual(["'none'"]);
  // No inline script, no eval, nothing from elsewhere.
  expect(csp.get('script-src'), where).toEqual(["'self'"]);
  expect(csp.get('script-src-attr'), where).toEqual(["'none'"]);
}

describe('security headers on every response', () => {
  let t: TestApp;
  let studentToken: string;
  let dist: FakeWebDist;
  beforeAll(async () => {
    dist = await createFakeWebDist();
    t = await createTestApp('sqlite', { webDist: dist.dir });
    const d = await t.call('POST', '/admin/api/departments', {
      token: t.adminToken,
      body: { name: '헤더학과' },
    });
    const s = await t.call('POST', '/admin/api/students', {
      token: t.adminToken,
      body: {
        departmentId: d.json<{ id: number }>().id,
        name: '헤더학생',
        entryYear: 2026,
        year: 1,
        mustChangePassword: false,
        password: 'header-pass-2026',
      },
    });
    studentToken = await t.tokenFor('student', s.json<{ id: number }>().id);
  });
  afterAll(async () => {
    await t?.close();
    await dist?.remove();
  });

  const cases: [string, () => Promise<LightMyRequestResponse>, number][] = [
    ['a public JSON API answer', () => t.call('GET', '/sugang/api/time'), 200],
    [
      'an authenticated JSON API answer',
      () => t.call('GET', '/student/api/me', { token: studentToken }),
      200,
    ],
    ['an admin list', () => t.call('GET', '/admin/api/departments', { token: t.adminToken }), 200],
    ['a 401', () => t.call('GET', '/student/api/me'), 401],
    ['a 403', () => t.call('GET', '/admin/api/departments', { token: studentToken }), 403],
    ['a validation 400', () => t.call('GET', '/sugang/api/sections?bogus=1'), 400],
    [
      'a malformed JSON 400',
      () =>
        t.app.inject({
          method: 'POST',
          url: '/student/api/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: '{',
        }),
      400,
    ],
    ['an API 404', () => t.call('GET', '/sugang/api/sections/999999'), 404],
    ['an unknown path', () => t.call('GET', '/nowhere'), 404],
    ['a bad %-escape', () => t.call('GET', '/sugang/api/sections/%zz'), 400],
    [
      'the timetable as .ics',
      () => t.call('GET', '/sugang/api/timetable?format=ics', { token: studentToken }),
      200,
    ],
  ];

  it.each(cases)(
    '%s carries the security headers and Cache-Control: no-store',
    async (what, request, status) => {
      const res = await request();
      expect(res.statusCode, what).toBe(status);
      expectSecurityHeaders(res.headers, what);
      expect(res.headers['cache-control'], what).toBe('no-store');
    },
  );

  it.each([
    ['/healthz', 200],
    ['/readyz', 200],
    ['/metrics', 200],
    ['/', 200],
  ] as const)('%s carries the security headers', async (url, status) => {
    const res = await t.call('GET', url);
    expect(res.statusCode).toBe(status);
    expectSecurityHeaders(res.headers, url);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('the start page has no inline script or style for the strict policy to block', async () => {
    const res = await t.call('GET', '/');
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)/i);
    expect(res.body).not.toMatch(/\sstyle=/i);
    expect(directives(res.headers['content-security-policy']).get('style-src')).toEqual(["'self'"]);
  });

  it('/docs keeps working under its own policy: the page, its scripts and the OpenAPI document load', async () => {
    const page = await t.call('GET', '/docs/');
    expect(page.statusCode).toBe(200);
    expectSecurityHeaders(page.headers, '/docs/');
    const csp = directives(page.headers['content-security-policy']);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    // Every script on the page is a same-origin file, which script-src 'self' allows.
    const scripts = [...page.body.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toMatch(/\bsrc="\.\/static\/[^"]+"/);
    for (const asset of [
      '/docs/static/swagger-ui-bundle.js',
      '/docs/static/swagger-initializer.js',
      '/docs/json',
    ]) {
      const res = await t.call('GET', asset);
      expect(res.statusCode, asset).toBe(200);
      expectSecurityHeaders(res.headers, asset);
    }
  });

  it('without Secure cookies there is no HSTS and no upgrade-insecure-requests (plain-HTTP local use)', async () => {
    const res = await t.call('GET', '/sugang/api/time');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(directives(res.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(false);
  });
});

describe('security headers when cookies are Secure', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { cookieSecure: true });
  });
  afterAll(async () => t?.close());

  it.each(['/sugang/api/time', '/nowhere', '/docs/', '/healthz'])('%s carries HSTS', async (url) => {
    const res = await t.call('GET', url);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(directives(res.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
  });

  it('an answer written by the HTTP parser itself (431) carries them too', async () => {
    const port = await listen(t.app);
    const c = await openSocket(port);
    c.socket.write(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\n\r\n`);
    await c.closed();
    const res = parseResponse(c.received());
    expect(res.status).toBe(431);
    expectSecurityHeaders(res.headers, '431');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
