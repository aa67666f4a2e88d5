import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { connectDatabase, migrateToLatest } from '@karina/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { ConfigError, loadConfig, testConfig } from '../src/config.js';
import type { Config, ServiceRole } from '../src/config.js';
import { FAKE_CHUNK, FAKE_ENTRY, FAKE_STYLE, createFakeWebDist } from './support/web-dist.js';
import type { FakeWebDist } from './support/web-dist.js';

// Serving files and HTML involves no query, so SQLite alone is enough here.

const karina = connectDatabase('sqlite::memory:');
let dist: FakeWebDist;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  await migrateToLatest(karina.db, karina.dialect);
  dist = await createFakeWebDist();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await karina.close();
  await dist?.remove();
});

async function appFor(overrides: Partial<Config> = {}): Promise<FastifyInstance> {
  const app = await buildApp(testConfig({ webDist: dist.dir, ...overrides }), {
    db: karina.db,
    dialect: karina.dialect,
  });
  apps.push(app);
  return app;
}

const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

function directives(csp: unknown): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of String(csp).split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

/** The asset prefix every ./assets/ URL of index.html was rewritten to; fails on a mix. */
function assetPrefixOf(res: LightMyRequestResponse): string {
  expect(res.body).not.toContain('./assets/');
  const urls = [...res.body.matchAll(/(?:src|href)="([^"]*assets\/)[^"]+"/g)].map((m) => m[1]);
  expect(urls).toHaveLength(3);
  expect(new Set(urls).size).toBe(1);
  return urls[0] ?? '';
}

function expectHtml(res: LightMyRequestResponse, where: string): void {
  expect(res.statusCode, where).toBe(200);
  expect(res.headers['content-type'], where).toBe('text/html; charset=utf-8');
  expect(res.headers['cache-control'], where).toBe('no-store');
  expect(res.body, where).toContain('<div id="root"></div>');
}

function expectJsonNotFound(res: LightMyRequestResponse, where: string): void {
  expect(res.statusCode, where).toBe(404);
  expect(res.headers['content-type'], where).toMatch(/^application\/json/);
  expect(res.json<{ error: { code: string } }>().error.code, where).toBe('NOT_FOUND');
}

const SECURITY_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
  'strict-transport-security',
];

describe('page paths follow the original routing, per role', () => {
  const pages: Record<ServiceRole, [string, string][]> = {
    all: [
      ['/', '/assets/'],
      ['/student/profile', '/assets/'],
      ['/student', '/assets/'],
      ['/admin/students?page=2', '/assets/'],
      ['/sugang/register?x=1', '/sugang/assets/'],
      ['/sugang', '/sugang/assets/'],
      ['/sugang/timetable/print', '/sugang/assets/'],
    ],
    student: [
      ['/', '/assets/'],
      ['/student/profile', '/assets/'],
      ['/student/lookup?name=%ED%99%8D', '/assets/'],
      ['/admin/departments/3', '/assets/'],
    ],
    sugang: [
      ['/sugang/register?x=1', '/sugang/assets/'],
      ['/sugang/catalog', '/sugang/assets/'],
    ],
  };
  const outside: Record<ServiceRole, string[]> = {
    all: ['/nowhere', '/index.html', '/assets'],
    student: ['/sugang/register', '/sugang', '/nowhere'],
    sugang: ['/', '/admin/x', '/student/profile', '/nowhere'],
  };

  for (const role of ['all', 'student', 'sugang'] as const) {
    it(`role ${role}: a deep link or reload gets the app's HTML pointing at the role's asset prefix`, async () => {
      const app = await appFor({ service: role });
      for (const [url, prefix] of pages[role]) {
        const res = await get(app, url);
        expectHtml(res, `${role} ${url}`);
        expect(assetPrefixOf(res), `${role} ${url}`).toBe(prefix);
      }
    });

    it(`role ${role}: paths outside its prefixes stay a JSON 404`, async () => {
      const app = await appFor({ service: role });
      for (const url of outside[role]) expectJsonNotFound(await get(app, url), `${role} ${url}`);
    });
  }

  it('HEAD serves a page too, with no body', async () => {
    const app = await appFor();
    const res = await app.inject({ method: 'HEAD', url: '/student/profile' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toBe('');
  });

  it('only GET and HEAD serve pages: other methods on a page path are a JSON 404', async () => {
    const app = await appFor();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const) {
      expectJsonNotFound(await app.inject({ method, url: '/student/profile' }), `${method} /student/profile`);
    }
  });

  it('page routes stay out of the OpenAPI document', async () => {
    const app = await appFor();
    const doc = (await get(app, '/docs/json')).json<{ paths: Record<string, unknown> }>();
    const paths = Object.keys(doc.paths);
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) expect(path).toMatch(/^\/(student|admin|sugang)\/api\//);
  });

  it('health, readiness, metrics and /docs answer as before', async () => {
    const app = await appFor();
    for (const url of ['/healthz', '/readyz', '/metrics', '/docs/json']) {
      const res = await get(app, url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).not.toMatch(/text\/html/);
    }
  });
});

describe('API paths are unchanged under the page wildcards', () => {
  const unknownApi: Record<ServiceRole, string[]> = {
    all: ['/student/api/nope', '/student/api', '/admin/api/nope/deeper', '/sugang/api/nope', '/sugang/api'],
    student: ['/student/api/nope', '/admin/api/nope', '/admin/api'],
    sugang: ['/sugang/api/nope', '/sugang/api/', '/sugang/api/sections/1/nope'],
  };

  for (const role of ['all', 'student', 'sugang'] as const) {
    it(`role ${role}: an unknown API path is the JSON 404 NOT_FOUND for GET and POST, POST refused before its body is parsed`, async () => {
      const app = await appFor({ service: role });
      for (const url of unknownApi[role]) {
        expectJsonNotFound(await get(app, url), `GET ${url}`);
        const post = await app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json' },
          // Parsed, this would be a 400 INVALID_JSON; the early 404 never reads it.
          payload: '{"a":',
        });
        expectJsonNotFound(post, `POST ${url}`);
        expect(post.headers.connection, `POST ${url}`).toBe('close');
      }
    });
  }

  it('an over-long id on an API path is still 414 URL_TOO_LONG, not caught by a page wildcard', async () => {
    const long = '1'.repeat(120);
    const cases: [ServiceRole, string][] = [
      ['all', `/sugang/api/sections/${long}`],
      ['sugang', `/sugang/api/sections/${long}`],
      ['all', `/admin/api/professors/${long}`],
      ['student', `/admin/api/professors/${long}`],
    ];
    for (const [role, url] of cases) {
      const res = await get(await appFor({ service: role }), url);
      expect(res.statusCode, `${role} ${url}`).toBe(414);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('URL_TOO_LONG');
    }
  });

  it('known API routes answer JSON as before', async () => {
    const app = await appFor();
    const time = await get(app, '/sugang/api/time');
    expect(time.statusCode).toBe(200);
    expect(time.json<{ now: string }>().now).toEqual(expect.any(String));
    const me = await get(app, '/student/api/me');
    expect(me.statusCode).toBe(401);
    expect(me.json<{ error: { code: string } }>().error.code).toBe('UNAUTHENTICATED');
  });

  it('unknown API paths under a page prefix count against the unknown-path rate limit like any other', async () => {
    const app = await appFor({ rateLimit: true });
    for (let i = 0; i < 60; i += 1)
      expectJsonNotFound(await get(app, `/student/api/probe-${i}`), `probe ${i}`);
    const res = await get(app, '/student/api/probe-60');
    expect(res.statusCode).toBe(429);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('RATE_LIMITED');
  });
});

describe('assets', () => {
  it('each role serves them under its own prefix with immutable caching and Vary: Accept-Encoding', async () => {
    const cases: [ServiceRole, string][] = [
      ['all', '/assets/'],
      ['all', '/sugang/assets/'],
      ['student', '/assets/'],
      ['sugang', '/sugang/assets/'],
    ];
    for (const [role, prefix] of cases) {
      const app = await appFor({ service: role });
      for (const [name, type] of [
        [FAKE_ENTRY, /^(text|application)\/javascript/],
        [FAKE_CHUNK, /^(text|application)\/javascript/],
        [FAKE_STYLE, /^text\/css/],
      ] as const) {
        const res = await get(app, `${prefix}${name}`);
        const where = `${role} ${prefix}${name}`;
        expect(res.statusCode, where).toBe(200);
        expect(res.headers['content-type'], where).toMatch(type);
        expect(res.headers['cache-control'], where).toBe('public, max-age=31536000, immutable');
        expect(String(res.headers.vary).toLowerCase(), where).toContain('accept-encoding');
        expect(res.rawPayload.equals(dist.assets[name]?.identity ?? Buffer.alloc(0)), where).toBe(true);
      }
    }
  });

  it("a role does not serve the other role's asset prefix", async () => {
    expectJsonNotFound(
      await get(await appFor({ service: 'student' }), `/sugang/assets/${FAKE_ENTRY}`),
      'student',
    );
    expectJsonNotFound(await get(await appFor({ service: 'sugang' }), `/assets/${FAKE_ENTRY}`), 'sugang');
  });

  it('Accept-Encoding picks the precompressed sibling: br, gzip, or the file itself', async () => {
    const app = await appFor();
    const file = dist.assets[FAKE_ENTRY];
    if (!file) throw new Error('fake dist lacks its entry');
    for (const url of [`/assets/${FAKE_ENTRY}`, `/sugang/assets/${FAKE_ENTRY}`]) {
      const br = await get(app, url, { 'accept-encoding': 'br' });
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(br.headers['content-type'], url).toMatch(/javascript/);
      expect(br.rawPayload.equals(file.br), url).toBe(true);

      const gzip = await get(app, url, { 'accept-encoding': 'gzip, deflate' });
      expect(gzip.headers['content-encoding'], url).toBe('gzip');
      expect(gzip.rawPayload.equals(file.gzip), url).toBe(true);

      const preferBr = await get(app, url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
      expect(preferBr.headers['content-encoding'], url).toBe('br');

      const none = await get(app, url);
      expect(none.headers['content-encoding'], url).toBeUndefined();
      expect(none.rawPayload.equals(file.identity), url).toBe(true);
      expect(String(none.headers.vary).toLowerCase(), url).toContain('accept-encoding');
    }
  });

  it('a missing asset is a JSON 404, never the HTML, under either prefix and whatever the encoding', async () => {
    const app = await appFor();
    for (const url of [
      '/assets/index-missing.js',
      '/sugang/assets/index-missing.js',
      '/sugang/assets',
      '/sugang/assets/',
      '/assets/',
      `/assets/${FAKE_ENTRY}.br`,
      `/sugang/assets/${FAKE_ENTRY}.gz`,
    ]) {
      expectJsonNotFound(await get(app, url), url);
      expectJsonNotFound(await get(app, url, { 'accept-encoding': 'br, gzip' }), `${url} (br)`);
    }
  });

  it('the HTML is never cached and is sent compressed when the browser accepts it', async () => {
    const app = await appFor();
    const plain = await get(app, '/sugang/register');
    expectHtml(plain, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(String(plain.headers.vary).toLowerCase()).toContain('accept-encoding');

    const br = await get(app, '/sugang/register', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('no-store');
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body);

    const gzip = await get(app, '/sugang/register', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString('utf8')).toBe(plain.body);

    const refused = await get(app, '/sugang/register', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
  });

  it('HTML and assets carry the same security headers as every other answer', async () => {
    for (const cookieSecure of [false, true]) {
      const app = await appFor({ cookieSecure });
      const reference = await get(app, '/healthz');
      for (const url of ['/', '/sugang/register', `/assets/${FAKE_ENTRY}`, `/sugang/assets/${FAKE_STYLE}`]) {
        const res = await get(app, url);
        expect(res.statusCode, url).toBe(200);
        for (const name of SECURITY_HEADERS)
          expect(res.headers[name], `${url} ${name}`).toBe(reference.headers[name]);
        expect(res.headers['access-control-allow-origin'], url).toBeUndefined();
      }
      expect(directives(reference.headers['content-security-policy']).get('script-src')).toEqual(["'self'"]);
    }
  });
});

describe('KARINA_ASSET_BASE_URL', () => {
  const base = 'https://cdn.example.ac.kr/karina/';

  it('points index.html at <base>assets/ on every page and widens the CSP by that origin only', async () => {
    const app = await appFor({ assetBaseUrl: base });
    for (const url of ['/', '/student/profile', '/sugang/register']) {
      const res = await get(app, url);
      expectHtml(res, url);
      expect(assetPrefixOf(res), url).toBe(`${base}assets/`);
      const csp = directives(res.headers['content-security-policy']);
      for (const name of ['script-src', 'style-src', 'font-src']) {
        expect(csp.get(name), `${url} ${name}`).toEqual(["'self'", 'https://cdn.example.ac.kr']);
      }
      expect(csp.get('img-src'), url).toEqual(["'self'", 'data:', 'https://cdn.example.ac.kr']);
      expect(csp.get('connect-src'), url).toEqual(["'self'"]);
      expect(csp.get('default-src'), url).toEqual(["'self'"]);
      expect(csp.get('script-src-attr'), url).toEqual(["'none'"]);
    }
  });

  it('lets the CDN hand the assets to pages of another origin', async () => {
    const app = await appFor({ assetBaseUrl: base });
    const res = await get(app, `/assets/${FAKE_ENTRY}`, { 'accept-encoding': 'br' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const page = await get(app, '/');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    expect(page.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('is read from the environment when valid', () => {
    for (const good of [
      base,
      'https://cdn.example.ac.kr/',
      'http://localhost:5173/',
      'http://127.0.0.1:8080/web/',
    ]) {
      expect(loadConfig({ KARINA_ASSET_BASE_URL: good }).assetBaseUrl, good).toBe(good);
    }
    expect(loadConfig({}).assetBaseUrl).toBeUndefined();
  });

  it.each([
    'http://cdn.example.ac.kr/karina/',
    'https://cdn.example.ac.kr/karina',
    'https://cdn.example.ac.kr',
    '/static/',
    'cdn.example.ac.kr/',
    'ftp://cdn.example.ac.kr/',
    'https://user:pass@cdn.example.ac.kr/',
    'https://cdn.example.ac.kr/?v=1/',
    'https://cdn.example.ac.kr/x/?',
    "https://cdn.example.ac.kr/a'b/",
    'http://localhost.evil.example/',
  ])('refuses %s at startup with a ConfigError naming the key', (bad) => {
    let error: unknown;
    try {
      loadConfig({ KARINA_ASSET_BASE_URL: bad });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toMatch(/^KARINA_ASSET_BASE_URL must be/);
  });
});

describe('KARINA_WEB_DIST', () => {
  it('defaults to apps/web/dist beside the server, and a relative value is taken from the working directory', () => {
    expect(loadConfig({}).webDist).toBe(fileURLToPath(new URL('../../web/dist', import.meta.url)));
    expect(loadConfig({ KARINA_WEB_DIST: 'some/dist' }).webDist).toBe(join(process.cwd(), 'some/dist'));
  });
});

describe('when the web app is not built', () => {
  let empty: FakeWebDist;
  beforeAll(async () => {
    empty = await createFakeWebDist({ withIndex: false });
  });
  afterAll(async () => empty?.remove());

  for (const [what, webDist] of [
    ['no index.html', () => empty.dir],
    ['no dist folder at all', () => join(empty.dir, 'does-not-exist')],
  ] as const) {
    it(`${what}: the server starts, pages answer 503 saying how to build, assets 404, the API works`, async () => {
      const app = await appFor({ webDist: webDist() });
      for (const url of ['/', '/student/profile', '/sugang/register?x=1']) {
        const res = await get(app, url);
        expect(res.statusCode, url).toBe(503);
        expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
        expect(res.headers['cache-control'], url).toBe('no-store');
        expect(res.body, url).toContain('npm run build');
        expect(res.body, url).not.toMatch(/<script|\sstyle=/i);
        expect(directives(res.headers['content-security-policy']).get('script-src')).toEqual(["'self'"]);
      }
      for (const url of [`/assets/${FAKE_ENTRY}`, `/sugang/assets/${FAKE_ENTRY}`, '/student/api/nope']) {
        expectJsonNotFound(await get(app, url), url);
      }
      expect((await get(app, '/sugang/api/time')).statusCode).toBe(200);
    });
  }
});
