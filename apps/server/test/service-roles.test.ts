import { connectDatabase, migrateToLatest } from '@karina/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import type { ServiceRole } from '../src/config.js';

describe('one build, three roles (KARINA_SERVICE)', () => {
  const karina = connectDatabase('sqlite::memory:');
  beforeAll(async () => {
    await migrateToLatest(karina.db, karina.dialect);
  });
  afterAll(async () => karina.close());

  async function statusOf(service: ServiceRole, url: string): Promise<number> {
    const app = await buildApp(testConfig({ service }), { db: karina.db, dialect: karina.dialect });
    try {
      return (await app.inject({ method: 'GET', url })).statusCode;
    } finally {
      await app.close();
    }
  }

  it('when the role is student, the registration routes are not mounted', async () => {
    expect(await statusOf('student', '/student/api/departments')).toBe(200);
    expect(await statusOf('student', '/sugang/api/time')).toBe(404);
  });

  it('when the role is sugang, the student and admin routes are not mounted', async () => {
    expect(await statusOf('sugang', '/sugang/api/time')).toBe(200);
    expect(await statusOf('sugang', '/admin/api/departments')).toBe(404);
    expect(await statusOf('sugang', '/student/api/me')).toBe(404);
  });

  it('when the role is all, both are mounted, and every role answers health, readiness, metrics and the OpenAPI document', async () => {
    expect(await statusOf('all', '/sugang/api/time')).toBe(200);
    expect(await statusOf('all', '/student/api/departments')).toBe(200);
    for (const role of ['all', 'student', 'sugang'] as const) {
      for (const url of ['/healthz', '/readyz', '/metrics', '/docs/json']) {
        expect(await statusOf(role, url), `${role} ${url}`).toBe(200);
      }
    }
  });

  it('documents every contract route in the OpenAPI document', async () => {
    const app = await buildApp(testConfig(), { db: karina.db, dialect: karina.dialect });
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    await app.close();
    const expected: [string, string][] = [
      ['post', '/student/api/auth/login'],
      ['post', '/student/api/auth/logout'],
      ['get', '/student/api/me'],
      ['patch', '/student/api/me'],
      ['post', '/student/api/me/password'],
      ['post', '/admin/api/departments'],
      ['delete', '/admin/api/departments/{id}'],
      ['post', '/admin/api/professors'],
      ['post', '/admin/api/students'],
      ['delete', '/admin/api/students/{id}'],
      ['post', '/admin/api/subjects'],
      ['post', '/admin/api/sections'],
      ['post', '/admin/api/periods'],
      ['post', '/admin/api/departments/{id}/posts'],
      ['get', '/student/api/departments/{id}/posts'],
      ['get', '/sugang/api/sections'],
      ['get', '/sugang/api/sections/{id}'],
      ['get', '/sugang/api/cart'],
      ['post', '/sugang/api/cart'],
      ['delete', '/sugang/api/cart/{sectionId}'],
      ['post', '/sugang/api/cart/checkout'],
      ['post', '/sugang/api/enrollments'],
      ['get', '/sugang/api/enrollments'],
      ['delete', '/sugang/api/enrollments/{sectionId}'],
      ['post', '/sugang/api/waitlist'],
      ['delete', '/sugang/api/waitlist/{sectionId}'],
      ['get', '/sugang/api/timetable'],
      ['get', '/sugang/api/time'],
    ];
    for (const [method, path] of expected) {
      expect(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
    }
  });
});
