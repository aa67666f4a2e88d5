import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  makeDepartment,
  makePeriod,
  makeSection,
  makeStudents,
  makeSubject,
  seatState,
} from '../support/fixtures.js';

const HOUR = 3_600_000;

describe.each(testDatabaseKinds())('cart on $label', ({ name }) => {
  let t: TestApp;
  let dept: number;
  beforeAll(async () => {
    t = await createTestApp(name);
    dept = (await makeDepartment(t.karina.db)).id;
    await makePeriod(t.karina.db, {
      opensAt: t.clock.now() - HOUR,
      closesAt: t.clock.now() + HOUR,
      maxCredits: 6,
    });
  });
  afterAll(async () => t?.close());

  async function student() {
    const [id] = await makeStudents(t.karina.db, dept, 1);
    return { id: id!, token: await t.tokenFor('student', id!) };
  }

  it('when two cart items overlap in time, both carry a TIME_CONFLICT warning naming the other', async () => {
    const s = await student();
    const a = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { name: '미적분' }), {
      meetings: [['MON', '09:00', '12:00']],
    });
    const b = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { name: '선형대수' }), {
      meetings: [['MON', '10:00', '11:00']],
    });
    const addA = await t.call('POST', '/sugang/api/cart', { token: s.token, body: { sectionId: a } });
    expect(addA.statusCode).toBe(201);
    expect(addA.json()).toMatchObject({ sectionId: a, warnings: [] });
    const addB = await t.call('POST', '/sugang/api/cart', { token: s.token, body: { sectionId: b } });
    expect(addB.json()).toMatchObject({ sectionId: b, warnings: [{ code: 'TIME_CONFLICT', sectionId: a }] });
    const cart = await t.call('GET', '/sugang/api/cart', { token: s.token });
    expect(cart.json()).toMatchObject({
      items: [
        { sectionId: a, warnings: [{ code: 'TIME_CONFLICT', sectionId: b }] },
        { sectionId: b, warnings: [{ code: 'TIME_CONFLICT', sectionId: a }] },
      ],
      totalCredits: 6,
    });
    const again = await t.call('POST', '/sugang/api/cart', { token: s.token, body: { sectionId: a } });
    expect(again.json()).toMatchObject({ error: { code: 'ALREADY_IN_CART' } });
  });

  it('when a student removes a section from the cart, only their own row goes (the original removed it for everyone)', async () => {
    const [s1, s2] = [await student(), await student()];
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      meetings: [['TUE', '09:00', '10:00']],
    });
    await t.call('POST', '/sugang/api/cart', { token: s1.token, body: { sectionId: section } });
    await t.call('POST', '/sugang/api/cart', { token: s2.token, body: { sectionId: section } });
    expect((await t.call('DELETE', `/sugang/api/cart/${section}`, { token: s1.token })).statusCode).toBe(204);
    const rows = await t.karina.db
      .selectFrom('cart_items')
      .select('student_id')
      .where('section_id', '=', section)
      .execute();
    expect(rows.map((r) => r.student_id)).toEqual([s2.id]);
    const missing = await t.call('DELETE', `/sugang/api/cart/${section}`, { token: s1.token });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_IN_CART' } });
  });

  it('when the cart is checked out, each item gets its own result and registered items leave the cart', async () => {
    const s = await student();
    const ok = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 5,
      meetings: [['WED', '09:00', '10:30']],
    });
    const clash = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 5,
      meetings: [['WED', '10:00', '11:00']],
    });
    const full = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 0,
      meetings: [['FRI', '09:00', '10:00']],
    });
    for (const sectionId of [ok, clash, full])
      await t.call('POST', '/sugang/api/cart', { token: s.token, body: { sectionId } });
    const res = await t.call('POST', '/sugang/api/cart/checkout', { token: s.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      results: [
        { sectionId: ok, ok: true, enrollment: { sectionId: ok } },
        { sectionId: clash, ok: false, error: { code: 'TIME_CONFLICT' } },
        { sectionId: full, ok: false, error: { code: 'SECTION_FULL' } },
      ],
      enrolled: 1,
      failed: 2,
    });
    expect(await seatState(t.karina.db, ok)).toMatchObject({ taken: 1, rows: 1 });
    const left = await t.karina.db
      .selectFrom('cart_items')
      .select('section_id')
      .where('student_id', '=', s.id)
      .orderBy('section_id')
      .execute();
    expect(left.map((r) => r.section_id)).toEqual([clash, full].sort((x, y) => x - y));
  });

  it('when no period is open, the cart cannot be changed; unknown sections are 404', async () => {
    const s = await student();
    expect(
      (await t.call('POST', '/sugang/api/cart', { token: s.token, body: { sectionId: 999999 } })).statusCode,
    ).toBe(404);
    t.clock.advance(2 * HOUR);
    try {
      const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept));
      const res = await t.call('POST', '/sugang/api/cart', { token: s.token, body: { sectionId: section } });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'REGISTRATION_CLOSED' } });
    } finally {
      t.clock.advance(-2 * HOUR);
    }
  });

  it('when a checkout is repeated with the same Idempotency-Key, the first result is replayed and nothing registers twice', async () => {
    const s = await student();
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 5,
      meetings: [['SAT', '13:00', '14:00']],
    });
    await t.call('POST', '/sugang/api/cart', { token: s.token, body: { sectionId: section } });
    const first = await t.call('POST', '/sugang/api/cart/checkout', {
      token: s.token,
      headers: { 'idempotency-key': 'checkout-1' },
    });
    const second = await t.call('POST', '/sugang/api/cart/checkout', {
      token: s.token,
      headers: { 'idempotency-key': 'checkout-1' },
    });
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await seatState(t.karina.db, section)).toMatchObject({ taken: 1, rows: 1 });
  });
});
