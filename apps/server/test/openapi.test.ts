import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { connectDatabase, migrateToLatest } from '@karina/db';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import type { ServiceRole } from '../src/config.js';
import { MAX_IMPORT_BYTES } from '../src/modules/students/students.schema.js';
import { errorCodesOf } from '../src/platform/openapi.js';
import { createTestApp } from './support/app.js';
import type { TestApp } from './support/app.js';
import { makeDepartment, makePeriod, makeStudents } from './support/fixtures.js';

interface Response {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: Record<string, unknown> }>;
}
interface BodySchema {
  required?: string[];
  properties?: Record<string, { type?: string }>;
}
interface Operation {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: BodySchema }> };
  tags?: string[];
  security?: Record<string, string[]>[];
  responses: Record<string, Response>;
}
interface Document {
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, Record<string, unknown>> };
  paths: Record<string, Record<string, Operation>>;
}

function operationsOf(doc: Document): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}

async function documentFor(service: ServiceRole): Promise<Document> {
  const karina = connectDatabase('sqlite::memory:');
  try {
    await migrateToLatest(karina.db, karina.dialect);
    const app = await buildApp(testConfig({ service }), { db: karina.db, dialect: karina.dialect });
    try {
      const res = await app.inject({ method: 'GET', url: '/docs/json' });
      expect(res.statusCode).toBe(200);
      return res.json<Document>();
    } finally {
      await app.close();
    }
  } finally {
    await karina.close();
  }
}

/**
 * Loaded into the linter's process: any socket, DNS lookup or fetch is refused and reported on
 * stderr, so the lint provably runs offline (CI has no network, and telemetry must never leave).
 */
const NO_NETWORK = [
  "import net from 'node:net';",
  "import dns from 'node:dns';",
  'const refuse = (what) => {',
  '  process.stderr.write(`NETWORK-ATTEMPT ${what}\\n`);',
  "  throw new Error('no network in this test');",
  '};',
  'net.Socket.prototype.connect = function (options) { refuse(JSON.stringify(options?.host ?? options)); };',
  'dns.lookup = (host) => refuse(host);',
  'globalThis.fetch = async (input) => refuse(String(input));',
].join('\n');

const redoclyBin = join(
  dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')),
  'bin',
  'cli.js',
);

interface LintResult {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; message: string; location?: { pointer?: string }[] }[];
  networkAttempts: string[];
}

async function lint(doc: Document): Promise<LintResult> {
  // An empty folder, so no redocly.yaml from anywhere changes the rules.
  const dir = mkdtempSync(join(tmpdir(), 'karina-openapi-'));
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(doc));
  const args = [
    '--import',
    `data:text/javascript,${encodeURIComponent(NO_NETWORK)}`,
    redoclyBin,
    'lint',
    '--extends=recommended',
    '--format=json',
    file,
  ];
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  let stdout: string;
  let stderr: string;
  try {
    ({ stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: dir, env }));
  } catch (error) {
    // redocly exits 1 when it found errors; its report is still on stdout.
    const failed = error as { stdout?: string; stderr?: string };
    if (!failed.stdout) throw error;
    stdout = failed.stdout;
    stderr = failed.stderr ?? '';
  }
  const report = JSON.parse(stdout) as Omit<LintResult, 'networkAttempts'>;
  return { ...report, networkAttempts: stderr.split('\n').filter((l) => l.startsWith('NETWORK-ATTEMPT')) };
}

const pretty = (r: LintResult) =>
  r.problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer ?? '?'}`).join('\n');

describe('the OpenAPI document', () => {
  const docs = new Map<ServiceRole, Document>();
  beforeAll(async () => {
    for (const service of ['all', 'student', 'sugang'] as const)
      docs.set(service, await documentFor(service));
  });
  const doc = (service: ServiceRole = 'all') => docs.get(service) as Document;

  it.each(['all', 'student', 'sugang'] as const)(
    'for KARINA_SERVICE=%s, redocly lint with its recommended rules finds 0 errors and 0 warnings, offline',
    async (service) => {
      const result = await lint(doc(service));
      expect(result.networkAttempts).toEqual([]);
      expect(pretty(result)).toBe('');
      expect(result.totals).toMatchObject({ errors: 0, warnings: 0 });
    },
  );

  it('when KARINA_SERVICE=all, every operation has a unique verb-first camelCase operationId', () => {
    const ops = operationsOf(doc());
    expect(ops.length).toBeGreaterThan(50);
    const ids = ops.map((o) => o.op.operationId);
    for (const { method, path, op } of ops) {
      expect(op.operationId, `${method} ${path}`).toMatch(
        /^(add|change|check|create|delete|drop|export|get|import|join|leave|list|log|look|register|remove|rename|reset|search|update)[A-Z][A-Za-z]*$/,
      );
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc().paths['/sugang/api/enrollments']?.post?.operationId).toBe('registerSection');
  });

  it('a role document holds the same ids as the whole one, for the routes it serves', () => {
    const all = new Map(operationsOf(doc()).map((o) => [`${o.method} ${o.path}`, o.op.operationId]));
    for (const service of ['student', 'sugang'] as const) {
      for (const { method, path, op } of operationsOf(doc(service))) {
        expect(op.operationId, `${service}: ${method} ${path}`).toBe(all.get(`${method} ${path}`));
      }
    }
  });

  it('every error response points at the one shared Error component, and every response has its own description', () => {
    const d = doc();
    expect(d.components.schemas.Error).toMatchObject({ type: 'object', required: ['error'] });
    expect(Object.keys(d.components.schemas)).toEqual(['Error']);
    for (const { method, path, op } of operationsOf(d)) {
      for (const [status, response] of Object.entries(op.responses)) {
        const where = `${method} ${path} ${status}`;
        expect(response.description, where).toBeTruthy();
        expect(response.description, where).not.toBe('Default Response');
        if (Number(status) >= 400) {
          expect(response.content, where).toEqual({
            'application/json': { schema: { $ref: '#/components/schemas/Error' } },
          });
        }
        if (status === '429' || status === '503') {
          expect(response.headers, where).toHaveProperty('retry-after');
        }
      }
    }
  });

  it('names the error codes behind each status, and 403 says why (role, CSRF, password change)', () => {
    const responses = (path: string, method: string) => doc().paths[path]?.[method]?.responses ?? {};
    const register = responses('/sugang/api/enrollments', 'post');
    expect(register['403']?.description).toMatch(/FORBIDDEN/);
    expect(register['403']?.description).toMatch(/CSRF_FAILED/);
    expect(register['403']?.description).toMatch(/PASSWORD_CHANGE_REQUIRED/);
    expect(register['403']?.description).toMatch(/REGISTRATION_CLOSED/);
    for (const code of [
      'ALREADY_ENROLLED',
      'SAME_SUBJECT',
      'TIME_CONFLICT',
      'CREDIT_LIMIT',
      'SECTION_FULL',
    ]) {
      expect(register['409']?.description).toContain(code);
    }
    expect(register['422']?.description).toContain('IDEMPOTENCY_KEY_REUSED');
    // The password change is reachable while a change is pending; a read needs no CSRF token.
    expect(responses('/student/api/me/password', 'post')['403']?.description).not.toMatch(
      /PASSWORD_CHANGE_REQUIRED/,
    );
    expect(responses('/admin/api/students', 'get')['403']?.description).not.toMatch(/CSRF_FAILED/);
  });

  it('login, the 학번 lookup and the password change document 429; login and the password change 503', () => {
    const statuses = (path: string) => Object.keys(doc().paths[path]?.post?.responses ?? {});
    expect(statuses('/student/api/auth/login')).toEqual(expect.arrayContaining(['401', '429', '503']));
    expect(statuses('/student/api/auth/lookup')).toContain('429');
    expect(statuses('/student/api/me/password')).toEqual(expect.arrayContaining(['429', '503']));
  });

  it('documents 422 and the Idempotent-Replayed header exactly on the operations that take an Idempotency-Key', () => {
    const d = doc() as unknown as {
      paths: Record<string, Record<string, Operation & { parameters?: { in: string; name: string }[] }>>;
    };
    let idempotent = 0;
    for (const [path, ops] of Object.entries(d.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const takesKey = (op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'idempotency-key');
        if (takesKey) idempotent++;
        expect('422' in op.responses, `${method} ${path}`).toBe(takesKey);
        const success = Object.entries(op.responses).filter(([status]) => Number(status) < 300);
        for (const [status, response] of success) {
          expect(Boolean(response.headers?.['idempotent-replayed']), `${method} ${path} ${status}`).toBe(
            takesKey,
          );
        }
      }
    }
    expect(idempotent).toBeGreaterThanOrEqual(6);
  });

  it('describes servers, tags, and the bearer, session-cookie and CSRF-header schemes', () => {
    const d = doc();
    expect(d.servers).toEqual([expect.objectContaining({ url: '/' })]);
    const tags = new Map((d.tags ?? []).map((t) => [t.name, t.description]));
    for (const { method, path, op } of operationsOf(d)) {
      for (const tag of op.tags ?? []) expect(tags.get(tag), `${method} ${path} tag ${tag}`).toBeTruthy();
    }
    expect(d.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      session: { type: 'apiKey', in: 'cookie', name: 'karina_session' },
      csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    });
    expect(String(d.components.securitySchemes.csrf?.description)).toContain('karina_csrf');
  });

  it('a public operation needs no credentials; others take a bearer token or the cookie, plus CSRF when they change state', () => {
    const ops = new Map(operationsOf(doc()).map((o) => [`${o.method} ${o.path}`, o.op]));
    expect(ops.get('GET /sugang/api/sections')?.security).toEqual([]);
    expect(ops.get('POST /student/api/auth/login')?.security).toEqual([]);
    expect(ops.get('GET /sugang/api/enrollments')?.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(ops.get('POST /sugang/api/enrollments')?.security).toEqual([
      { bearer: [] },
      { session: [], csrf: [] },
    ]);
  });
});

describe('the documented statuses are the ones the routes answer', () => {
  let t: TestApp;
  let doc: Document;
  let studentToken: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const department = await makeDepartment(t.karina.db);
    const [student] = await makeStudents(t.karina.db, department.id, 1);
    studentToken = await t.tokenFor('student', student as number);
    // An open period, so the registration routes get as far as looking the section up.
    const now = t.clock.now();
    await makePeriod(t.karina.db, { opensAt: now - 3_600_000, closesAt: now + 3_600_000 });
    doc = (await t.call('GET', '/docs/json')).json<Document>();
  });
  afterAll(async () => t?.close());

  /** Each operation with its auth rule, a concrete URL (ids that exist nowhere) and its documented statuses. */
  function cases() {
    const rules = new Map(t.app.guardedRoutes.map((r) => [`${r.method} ${r.url}`, r.auth]));
    return operationsOf(doc).map(({ method, path, op }) => {
      const fastifyUrl = path.replace(/\{(\w+)\}/g, ':$1');
      const auth = rules.get(`${method} ${fastifyUrl}`);
      const token =
        auth === 'admin'
          ? t.adminToken
          : auth === 'student' || auth === 'authenticated'
            ? studentToken
            : undefined;
      const wrongToken = auth === 'admin' ? studentToken : auth === 'student' ? t.adminToken : undefined;
      return {
        name: `${method} ${path}`,
        method: method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
        url: path.replace(/\{\w+\}/g, '2147483647'),
        hasParams: path.includes('{'),
        auth,
        token,
        wrongToken,
        documented: new Set(Object.keys(op.responses).map(Number)),
        description: (status: number) => op.responses[String(status)]?.description ?? '',
        /** A body that passes validation where the schema only asks for ids and short texts. */
        requestBody: () => {
          const schema = op.requestBody?.content?.['application/json']?.schema;
          if (!schema) return undefined;
          const fields = (schema.required ?? []).map((name) => {
            const type = schema.properties?.[name]?.type;
            return [name, type === 'integer' || type === 'number' ? 2147483647 : 'x'] as const;
          });
          return Object.fromEntries(fields);
        },
      };
    });
  }

  it('every API operation is in the document with its auth rule', () => {
    const all = cases();
    expect(all.length).toBe(t.app.guardedRoutes.length);
    for (const c of all) expect(c.auth, c.name).toBeDefined();
  });

  it('an unknown query parameter is 400 everywhere, and 400 is documented everywhere', async () => {
    for (const c of cases()) {
      const res = await t.call(c.method, `${c.url}?bogus=1`, c.token ? { token: c.token } : {});
      expect(res.statusCode, c.name).toBe(400);
      expect(c.documented.has(400), c.name).toBe(true);
    }
  });

  it('a request without credentials is 401 exactly on the non-public operations, which document it', async () => {
    for (const c of cases()) {
      const res = await t.call(c.method, c.url);
      expect(res.statusCode === 401, `${c.name} answered ${res.statusCode}`).toBe(c.auth !== 'public');
      if (c.auth !== 'public') expect(c.documented.has(401), c.name).toBe(true);
    }
    // A public operation documents 401 only when its service decides one (a wrong password).
    const publicWith401 = cases().filter((c) => c.auth === 'public' && c.documented.has(401));
    expect(publicWith401.map((c) => c.name)).toEqual(['POST /student/api/auth/login']);
  });

  it('a student or admin route answers the other role 403, and documents it', async () => {
    for (const c of cases().filter((x) => x.wrongToken)) {
      const res = await t.call(c.method, c.url, { token: c.wrongToken });
      expect(res.statusCode, c.name).toBe(403);
      expect(c.documented.has(403), c.name).toBe(true);
    }
  });

  it('with the session cookie and no X-CSRF-Token, a state change is 403 CSRF_FAILED where documented; a read is not', async () => {
    const cookie = `${String(doc.components.securitySchemes.session?.name)}=${studentToken}`;
    let refused = 0;
    for (const c of cases().filter((x) => x.token === studentToken)) {
      const res = await t.call(c.method, c.url, { headers: { cookie } });
      const csrf =
        res.statusCode === 403 && res.json<{ error: { code: string } }>().error.code === 'CSRF_FAILED';
      if (csrf) refused++;
      expect(csrf, `${c.name} answered ${res.statusCode}`).toBe(c.method !== 'GET');
      expect(c.description(403).includes('CSRF_FAILED'), c.name).toBe(c.method !== 'GET');
    }
    expect(refused).toBeGreaterThan(5);
  });

  it('a student who must change the password gets 403 PASSWORD_CHANGE_REQUIRED exactly where documented', async () => {
    const department = await makeDepartment(t.karina.db);
    const [pending] = await makeStudents(t.karina.db, department.id, 1, { mustChangePassword: true });
    const studentCases = cases().filter((x) => x.token === studentToken);
    expect(studentCases.some((c) => !c.description(403).includes('PASSWORD_CHANGE_REQUIRED'))).toBe(true);
    for (const c of studentCases) {
      // A session each: logout, which a pending change allows, ends the one it is called with.
      const token = await t.tokenFor('student', pending as number);
      const res = await t.call(c.method, c.url, { token });
      const pendingChange =
        res.statusCode === 403 &&
        res.json<{ error: { code: string } }>().error.code === 'PASSWORD_CHANGE_REQUIRED';
      expect(pendingChange, `${c.name} answered ${res.statusCode}`).toBe(
        c.description(403).includes('PASSWORD_CHANGE_REQUIRED'),
      );
    }
  });

  it('an Idempotency-Key already used for another request is 422 exactly on the operations that document 422', async () => {
    const department = await makeDepartment(t.karina.db);
    const [student] = await makeStudents(t.karina.db, department.id, 1);
    let reused = 0;
    const refused: string[] = [];
    for (const c of cases()) {
      // A session each for student routes: logout ends the one it is called with.
      const token = c.token === studentToken ? await t.tokenFor('student', student as number) : c.token;
      const key = `reuse-${reused++}`;
      // Stored outcome for this student and key: NOT_IN_CART for a section that is in no cart.
      const first = await t.call('DELETE', '/sugang/api/cart/1', {
        token: await t.tokenFor('student', student as number),
        headers: { 'idempotency-key': key },
      });
      expect(first.statusCode).toBe(404);
      const body = c.requestBody();
      const res = await t.call(c.method, c.url, {
        ...(token ? { token } : {}),
        headers: { 'idempotency-key': key },
        ...(body === undefined ? {} : { body }),
      });
      expect(res.statusCode === 422, `${c.name} answered ${res.statusCode}`).toBe(c.documented.has(422));
      if (res.statusCode === 422) refused.push(c.name);
    }
    expect(refused).toEqual(
      expect.arrayContaining(['POST /sugang/api/enrollments', 'POST /sugang/api/cart/checkout']),
    );
    expect(refused.length).toBeGreaterThanOrEqual(7);
  });

  it('a read or delete by a path id that exists nowhere is 404, and documented', async () => {
    for (const c of cases().filter((x) => x.hasParams && (x.method === 'GET' || x.method === 'DELETE'))) {
      const res = await t.call(c.method, c.url, c.token ? { token: c.token } : {});
      expect(res.statusCode, c.name).toBe(404);
      expect(c.documented.has(404), c.name).toBe(true);
    }
  });

  it('413 and 415 are documented exactly where a body too large or of an unknown type is refused with them', async () => {
    const tooLarge = `{"a":"${'x'.repeat(Math.max(t.app.initialConfig.bodyLimit ?? 0, MAX_IMPORT_BYTES) + 1)}"}`;
    for (const c of cases()) {
      const auth = c.token ? { authorization: `Bearer ${c.token}` } : {};
      const large = await t.app.inject({
        method: c.method,
        url: c.url,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: tooLarge,
      });
      expect(large.statusCode === 413, `${c.name} answered ${large.statusCode}`).toBe(c.documented.has(413));
      const xml = await t.app.inject({
        method: c.method,
        url: c.url,
        headers: { ...auth, 'content-type': 'application/xml' },
        payload: '<a/>',
      });
      expect(xml.statusCode === 415, `${c.name} answered ${xml.statusCode}`).toBe(c.documented.has(415));
    }
  });
});

describe('route registration and the OpenAPI table', () => {
  async function startWith(plugin: FastifyPluginAsync): Promise<void> {
    const karina = connectDatabase('sqlite::memory:');
    const app = await buildApp(testConfig(), { db: karina.db, dialect: karina.dialect });
    try {
      await app.register(plugin).ready();
    } finally {
      await app.close().catch(() => undefined);
      await karina.close();
    }
  }

  it('when an API route has no operationId in the table, the server refuses to start and names it', async () => {
    const rogue: FastifyPluginAsync = async (app) => {
      app.get('/sugang/api/rogue', { config: { auth: 'public' } }, async () => ({ ok: true }));
    };
    await expect(startWith(rogue)).rejects.toThrow(/GET \/sugang\/api\/rogue has no operationId/);
  });

  it('when a route brings its own operationId, the server refuses to start: the table is the one source', async () => {
    const rogue: FastifyPluginAsync = async (app) => {
      app.get(
        '/sugang/api/time',
        { config: { auth: 'public' }, schema: { operationId: 'whatTimeIsIt' } },
        async () => ({ ok: true }),
      );
    };
    const karina = connectDatabase('sqlite::memory:');
    const app = await buildApp(testConfig({ service: 'student' }), {
      db: karina.db,
      dialect: karina.dialect,
    });
    await expect(app.register(rogue).ready()).rejects.toThrow(/declares its own operationId/);
    await app.close().catch(() => undefined);
    await karina.close();
  });
});

describe('the statuses derived from a route declaration', () => {
  const route = (method: string, url: string, extra: Partial<RouteOptions> = {}) =>
    ({ method, url, handler: async () => null, ...extra }) as RouteOptions;
  const none = { id: 'x', codes: [] };

  it('a public read answers only 400', () => {
    expect(errorCodesOf(route('GET', '/sugang/api/x', { config: { auth: 'public' } }), 'GET', none)).toEqual([
      'VALIDATION_FAILED',
    ]);
  });

  it('a state change parses a body, so it can also be malformed, too deep or bad text (400), too large (413) or of the wrong type (415)', () => {
    const codes = errorCodesOf(route('POST', '/sugang/api/x', { config: { auth: 'public' } }), 'POST', none);
    expect(codes).toEqual([
      'VALIDATION_FAILED',
      'INVALID_JSON',
      'JSON_TOO_DEEP',
      'INVALID_TEXT',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
    ]);
  });

  it('a role rule adds 401 and FORBIDDEN; a pending password change and a cookie without CSRF add their 403s', () => {
    const admin = errorCodesOf(
      route('DELETE', '/admin/api/x/:id', { config: { auth: 'admin' } }),
      'DELETE',
      none,
    );
    expect(admin).toEqual(
      expect.arrayContaining([
        'UNAUTHENTICATED',
        'FORBIDDEN',
        'CSRF_FAILED',
        'PASSWORD_CHANGE_REQUIRED',
        'NOT_FOUND',
      ]),
    );
    const me = errorCodesOf(
      route('GET', '/student/api/x', { config: { auth: 'authenticated', allowPendingPasswordChange: true } }),
      'GET',
      none,
    );
    expect(me).toEqual(['VALIDATION_FAILED', 'UNAUTHENTICATED']);
  });

  it('an Idempotency-Key header adds 422, a rate limit adds 429, and the table adds the service codes', () => {
    const codes = errorCodesOf(
      route('POST', '/sugang/api/x', {
        config: { auth: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
        schema: { headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }) },
      }),
      'POST',
      { id: 'x', codes: ['SECTION_FULL'] },
    );
    expect(codes).toEqual(expect.arrayContaining(['IDEMPOTENCY_KEY_REUSED', 'RATE_LIMITED', 'SECTION_FULL']));
  });
});
