import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Config } from '../config.js';
import { CSRF_HEADER, cookieNames, routeNeedsAuthRule } from './auth.js';
import type { AuthRule } from './auth.js';
import { ERROR_CATALOG } from './errors.js';
import type { ErrorCode } from './errors.js';
import { ErrorBody } from './schema.js';

/** One operation of the API: its stable id and the domain error codes its service can answer. */
interface Operation {
  id: string;
  codes: readonly ErrorCode[];
}

const op = (id: string, ...codes: ErrorCode[]): Operation => ({ id, codes });

/**
 * Every API operation, keyed by "METHOD /url". The web app generates its client from these ids,
 * so an id never changes once published; a route missing here stops the server at startup.
 * `codes` lists what the service decides (rule violations, missing rows); what follows from the
 * route's declaration (auth rule, body, path parameters, Idempotency-Key) is added on its own.
 * CONFLICT and DUPLICATE are the database's constraint backstop on writes (error-handler.ts).
 */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  'POST /student/api/auth/login': op(
    'logIn',
    'INVALID_CREDENTIALS',
    'ACCOUNT_DISABLED',
    'RATE_LIMITED',
    'OVERLOADED',
  ),
  'POST /student/api/auth/logout': op('logOut'),
  'POST /student/api/auth/lookup': op('lookUpStudentNumber', 'NOT_FOUND', 'RATE_LIMITED'),
  'GET /student/api/me': op('getProfile', 'NOT_FOUND'),
  'GET /student/api/session': op('getSession', 'NOT_FOUND'),
  'PATCH /student/api/me': op('updateProfile', 'NOT_FOUND', 'INVALID_TEL', 'INVALID_BIRTH_DATE'),
  'POST /student/api/me/password': op(
    'changePassword',
    'WEAK_PASSWORD',
    'WRONG_PASSWORD',
    'NOT_FOUND',
    'RATE_LIMITED',
    'OVERLOADED',
  ),

  'GET /student/api/departments': op('listPublicDepartments'),
  'GET /admin/api/departments': op('listDepartments'),
  'POST /admin/api/departments': op('createDepartment', 'DUPLICATE', 'CODE_EXHAUSTED'),
  'PATCH /admin/api/departments/:id': op('renameDepartment', 'DUPLICATE'),
  'DELETE /admin/api/departments/:id': op('deleteDepartment', 'DEPARTMENT_NOT_EMPTY'),
  'GET /admin/api/departments/:id/impact': op('getDepartmentDeleteImpact'),

  'GET /admin/api/professors': op('listProfessors'),
  'GET /admin/api/professors/:id': op('getProfessor'),
  'POST /admin/api/professors': op('createProfessor', 'NOT_FOUND', 'CONFLICT'),
  'PATCH /admin/api/professors/:id': op('updateProfessor', 'CONFLICT'),
  'DELETE /admin/api/professors/:id': op('deleteProfessor'),

  'GET /admin/api/students': op('listStudents'),
  'GET /admin/api/students/export': op('exportStudents'),
  'GET /admin/api/students/:id': op('getStudent'),
  'POST /admin/api/students': op(
    'createStudent',
    'NOT_FOUND',
    'WEAK_PASSWORD',
    'INVALID_TEL',
    'INVALID_BIRTH_DATE',
    'CONFLICT',
    'CODE_EXHAUSTED',
  ),
  'POST /admin/api/students/import': op('importStudents', 'CONFLICT', 'CODE_EXHAUSTED'),
  'PATCH /admin/api/students/:id': op('updateStudent', 'INVALID_TEL', 'INVALID_BIRTH_DATE', 'CONFLICT'),
  'POST /admin/api/students/:id/reset-password': op('resetStudentPassword'),
  'DELETE /admin/api/students/:id': op('deleteStudent'),

  'GET /admin/api/subjects': op('listSubjects'),
  'GET /admin/api/subjects/:id': op('getSubject'),
  'POST /admin/api/subjects': op('createSubject', 'NOT_FOUND', 'DUPLICATE', 'CONFLICT', 'CODE_EXHAUSTED'),
  'PATCH /admin/api/subjects/:id': op('updateSubject', 'CREDITS_LOCKED', 'CONFLICT'),
  'DELETE /admin/api/subjects/:id': op('deleteSubject'),

  'GET /admin/api/sections': op('listSections'),
  'GET /admin/api/sections/:id': op('getSection'),
  'GET /admin/api/sections/:id/roster': op('getSectionRoster'),
  'POST /admin/api/sections': op('createSection', 'NOT_FOUND', 'CONFLICT'),
  'PATCH /admin/api/sections/:id': op(
    'updateSection',
    'ENROLLED_TIME_CONFLICT',
    'CAPACITY_BELOW_TAKEN',
    'CONFLICT',
  ),
  'DELETE /admin/api/sections/:id': op('deleteSection'),

  'GET /student/api/periods': op('listUpcomingPeriods'),
  'GET /admin/api/periods': op('listPeriods'),
  'GET /admin/api/periods/:id': op('getPeriod'),
  'POST /admin/api/periods': op('createPeriod', 'PERIOD_OVERLAP'),
  'PATCH /admin/api/periods/:id': op('updatePeriod', 'PERIOD_OVERLAP'),
  'DELETE /admin/api/periods/:id': op('deletePeriod'),

  'GET /student/api/departments/:id/posts': op('listDepartmentPosts'),
  'GET /student/api/posts/:id': op('getPost'),
  'POST /admin/api/departments/:id/posts': op('createPost', 'CONFLICT'),
  'PATCH /admin/api/posts/:id': op('updatePost'),
  'DELETE /admin/api/posts/:id': op('deletePost'),

  'GET /student/api/notices': op('listNotices'),
  'GET /student/api/notices/:id': op('getNotice'),
  'POST /admin/api/notices': op('createNotice'),
  'PATCH /admin/api/notices/:id': op('updateNotice'),
  'DELETE /admin/api/notices/:id': op('deleteNotice'),

  'GET /admin/api/audit': op('listAuditEntries'),
  'GET /admin/api/monitor': op('getRegistrationMonitor'),

  'GET /sugang/api/sections': op('searchCatalog'),
  'GET /sugang/api/sections/:id': op('getCatalogSection'),
  'GET /sugang/api/time': op('getServerTime'),

  'GET /sugang/api/cart': op('getCart'),
  'POST /sugang/api/cart': op(
    'addToCart',
    'REGISTRATION_CLOSED',
    'NOT_FOUND',
    'ALREADY_IN_CART',
    'CART_FULL',
  ),
  'DELETE /sugang/api/cart/:sectionId': op('removeFromCart', 'NOT_IN_CART'),
  'POST /sugang/api/cart/checkout': op('checkOutCart'),

  'POST /sugang/api/enrollments': op(
    'registerSection',
    'REGISTRATION_CLOSED',
    'NOT_FOUND',
    'ALREADY_ENROLLED',
    'SAME_SUBJECT',
    'TIME_CONFLICT',
    'CREDIT_LIMIT',
    'SECTION_FULL',
  ),
  'GET /sugang/api/enrollments': op('listEnrollments'),
  'DELETE /sugang/api/enrollments/:sectionId': op('dropSection', 'REGISTRATION_CLOSED', 'NOT_ENROLLED'),
  'GET /sugang/api/waitlist': op('listWaitlistEntries'),
  'POST /sugang/api/waitlist': op(
    'joinWaitlist',
    'REGISTRATION_CLOSED',
    'NOT_FOUND',
    'ALREADY_ENROLLED',
    'SAME_SUBJECT',
    'TIME_CONFLICT',
    'CREDIT_LIMIT',
    'SEATS_AVAILABLE',
    'ALREADY_WAITLISTED',
  ),
  'DELETE /sugang/api/waitlist/:sectionId': op('leaveWaitlist', 'NOT_WAITLISTED'),

  'GET /sugang/api/timetable': op('getTimetable'),

  'POST /sugang/api/queue': op('joinQueue', 'REGISTRATION_CLOSED'),
  'GET /sugang/api/queue/fairness': op('getQueueFairness', 'NOT_FOUND'),
  'GET /sugang/api/queue/:ticket': op('getQueueStatus'),
};

const TAGS: { name: string; description: string }[] = [
  { name: 'auth', description: '로그인 · 로그아웃 · 학번 조회: sessions (bearer token or cookie)' },
  { name: 'me', description: '내 정보: the signed-in student’s own profile and password' },
  {
    name: 'departments',
    description: '학과 (public): the departments, for the 학번 lookup and notice boards',
  },
  { name: 'periods', description: '신청 기간 (public): registration periods that have not closed yet' },
  { name: 'posts', description: '학과 게시판 (public): department notice boards' },
  { name: 'notices', description: '수강신청 안내 / 유의사항 (public): the registrar’s notices' },
  {
    name: 'catalog',
    description: '개설 강좌 (public): the course catalog with live seat counts, and server time',
  },
  { name: 'cart', description: '장바구니 (예비수강신청): a student’s cart and its checkout' },
  { name: 'registration', description: '수강신청 · 수강취소 · 대기: registration, drops and wait-lists' },
  { name: 'timetable', description: '시간표: a student’s weekly timetable, as JSON or iCalendar' },
  {
    name: 'waiting room',
    description:
      '대기열: one place per student per period, a verifiable pre-opening shuffle, admission tokens',
  },
  { name: 'admin: departments', description: 'Registrar: departments (학과)' },
  { name: 'admin: professors', description: 'Registrar: professors (교수)' },
  { name: 'admin: students', description: 'Registrar: students (학생), CSV import, password resets' },
  { name: 'admin: subjects', description: 'Registrar: subjects (교과목)' },
  { name: 'admin: sections', description: 'Registrar: sections (분반), their meetings and rosters' },
  { name: 'admin: periods', description: 'Registrar: registration periods (신청 기간)' },
  { name: 'admin: posts', description: 'Registrar: department notice-board posts (게시글)' },
  { name: 'admin: notices', description: 'Registrar: 수강신청 안내 / 유의사항 notices' },
  { name: 'admin: monitor', description: 'Registrar: the live registration monitor' },
  { name: 'admin: audit', description: 'Registrar: the audit log of every state change' },
];

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'Done; no body',
  400: 'The request is invalid',
  401: 'Not authenticated',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Refused by a rule or by existing data',
  413: 'The body is too large',
  415: 'The Content-Type is not accepted',
  422: 'The Idempotency-Key was already used for a different request',
  429: 'Too many requests; retry after the Retry-After seconds',
  503: 'Busy; retry after the Retry-After seconds',
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BODYLESS_METHODS = new Set(['GET', 'HEAD']);

const ERROR_REF = 'Error#';

function statusOf(code: ErrorCode): number {
  return ERROR_CATALOG[code][0];
}

/** Why a route can answer 403, from its auth rule and method (see the onRequest hook in auth.ts). */
function forbiddenCodes(auth: AuthRule, method: string, allowPending: boolean): ErrorCode[] {
  if (auth === 'public') return [];
  const codes: ErrorCode[] = [];
  if (auth === 'student' || auth === 'admin') codes.push('FORBIDDEN');
  if (!SAFE_METHODS.has(method)) codes.push('CSRF_FAILED');
  if (!allowPending) codes.push('PASSWORD_CHANGE_REQUIRED');
  return codes;
}

function takesIdempotencyKey(route: RouteOptions): boolean {
  const headers = route.schema?.headers as { properties?: Record<string, unknown> } | undefined;
  return Boolean(headers?.properties?.['idempotency-key']);
}

const REPLAYED_HEADER = {
  type: 'string',
  enum: ['true'],
  description: 'Present when this is the stored outcome of an earlier request with the same Idempotency-Key',
};

/** The error codes a route answers, derived from what it declares plus the table's domain codes. */
export function errorCodesOf(route: RouteOptions, method: string, operation: Operation): ErrorCode[] {
  const codes = new Set<ErrorCode>(['VALIDATION_FAILED']);
  if (!BODYLESS_METHODS.has(method)) {
    for (const code of [
      'INVALID_JSON',
      'JSON_TOO_DEEP',
      'INVALID_TEXT',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
    ] as const)
      codes.add(code);
  }
  const auth = route.config?.auth ?? 'public';
  if (auth !== 'public') codes.add('UNAUTHENTICATED');
  for (const code of forbiddenCodes(auth, method, route.config?.allowPendingPasswordChange === true)) {
    codes.add(code);
  }
  if (/[:*]/.test(route.url)) codes.add('NOT_FOUND');
  if (takesIdempotencyKey(route)) codes.add('IDEMPOTENCY_KEY_REUSED');
  if (route.config?.rateLimit) codes.add('RATE_LIMITED');
  if (route.config?.admission) codes.add('ADMISSION_REQUIRED');
  for (const code of operation.codes) codes.add(code);
  return [...codes];
}

/** "SECTION_FULL (Section is full)": the code with the English half of its default message. */
function explained(code: ErrorCode): string {
  const message = ERROR_CATALOG[code][1];
  return `${code} (${message.split(' / ').at(-1) ?? message})`;
}

function errorResponse(status: number, codes: readonly ErrorCode[]) {
  const lead = STATUS_TEXT[status] ?? 'Error';
  const retry = status === 429 || status === 503;
  return {
    $ref: ERROR_REF,
    // Beside a $ref only `description` survives into the document (x-response-description is dropped).
    description: codes.length > 0 ? `${lead}. error.code: ${codes.map(explained).join('; ')}` : lead,
    ...(retry
      ? {
          headers: {
            'retry-after': { type: 'integer', minimum: 0, description: 'Seconds to wait before retrying' },
          },
        }
      : {}),
  };
}

function successResponse(status: number, schema: unknown, idempotent: boolean): unknown {
  if (typeof schema !== 'object' || schema === null) return schema;
  const declared = schema as Record<string, unknown>;
  const described = Boolean(declared['x-response-description'] || declared.description);
  // A copy: the same TypeBox schema object is shared by several routes.
  return {
    ...declared,
    ...(described ? {} : { 'x-response-description': STATUS_TEXT[status] ?? 'Success' }),
    ...(idempotent ? { headers: { 'idempotent-replayed': REPLAYED_HEADER } } : {}),
  };
}

/**
 * Completes one route's OpenAPI operation from its declaration: the operationId from the table,
 * security from the auth rule, and every error status it can really answer, each pointing at the
 * one shared Error component with the codes it may carry.
 */
function documentRoute(route: RouteOptions, problems: string[]): void {
  const methods = [route.method].flat();
  if (route.schema?.hide || methods.every((m) => m === 'HEAD')) return;
  if (!routeNeedsAuthRule(route.url)) return;
  if (methods.length !== 1) {
    problems.push(`route ${methods.join(',')} ${route.url} serves several methods; give each its own route`);
    return;
  }
  const method = methods[0] as string;
  const key = `${method} ${route.url}`;
  const operation = OPERATIONS[key];
  if (!operation) {
    problems.push(`route ${key} has no operationId (add it to OPERATIONS in platform/openapi.ts)`);
    return;
  }
  if (route.schema?.operationId) {
    problems.push(
      `route ${key} declares its own operationId; it belongs in OPERATIONS in platform/openapi.ts`,
    );
    return;
  }

  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(route, method, operation)) {
    const status = statusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const response: Record<string, unknown> = {};
  const declared = (route.schema?.response ?? {}) as Record<string, unknown>;
  for (const [key, schema] of Object.entries(declared)) {
    const status = Number(key);
    if (status >= 400) {
      if (!byStatus.has(status)) byStatus.set(status, []);
    } else {
      response[key] = successResponse(status, schema, takesIdempotencyKey(route));
    }
  }
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    response[String(status)] = errorResponse(status, byStatus.get(status) ?? []);
  }

  const auth = route.config?.auth ?? 'public';
  const security: Record<string, string[]>[] =
    auth === 'public'
      ? []
      : SAFE_METHODS.has(method)
        ? [{ bearer: [] }, { session: [] }]
        : [{ bearer: [] }, { session: [], csrf: [] }];
  route.schema = { ...route.schema, operationId: operation.id, security, response };
}

/** The OpenAPI document (GET /docs/json) and its UI (/docs), built from the routes themselves. */
export async function registerOpenApi(app: FastifyInstance, config: Readonly<Config>): Promise<void> {
  app.addSchema({ ...ErrorBody, $id: 'Error' });
  const cookies = cookieNames(config);
  // Reported once the routes are in, so auth.ts's own refusals (no or wrong auth rule) come first
  // and every undocumented route is named in one startup error.
  const problems: string[] = [];
  app.addHook('onRoute', (route) => documentRoute(route, problems));
  app.addHook('onReady', async () => {
    if (problems.length > 0) throw new Error(`the OpenAPI document is incomplete:\n${problems.join('\n')}`);
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Karina',
        version: '0.1.0',
        summary: 'Course registration (수강신청) that stays up at the opening second',
        description:
          `Course registration (수강신청). This process serves the ${config.service === 'all' ? 'student and registration services' : `${config.service} service`}. ` +
          'Errors are always `{"error":{"code","message"}}`; `code` is stable, `message` is Korean / English.',
        license: { name: 'Proprietary: all rights reserved', identifier: 'LicenseRef-Proprietary' },
        contact: { name: 'Karina maintainers' },
      },
      servers: [{ url: '/', description: 'This server' }],
      tags: TAGS,
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'The `token` from POST /student/api/auth/login, as `Authorization: Bearer <token>`.',
          },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: cookies.session,
            description:
              'The httpOnly session cookie that login sets, for the web app. State-changing requests ' +
              `authenticated by it also need the \`${CSRF_HEADER}\` header (the csrf scheme).`,
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description:
              `Double submit: echo the value of the readable \`${cookies.csrf}\` cookie (set at login) on every ` +
              'POST, PATCH, PUT and DELETE sent with the session cookie; a missing or wrong value is 403 CSRF_FAILED. ' +
              'Not needed with a bearer token.',
          },
        },
      },
      security: [{ bearer: [] }, { session: [], csrf: [] }],
    },
    refResolver: {
      // Shared schemas are named by their $id (Error), not def-0, so clients get stable type names.
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
