import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import {
  insertCartItem,
  insertEnrollment,
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

  it('when an item would pass the credit limit of the open registration period, it carries a CREDIT_LIMIT warning', async () => {
    const s = await student();
    const held = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 4 }), {
      meetings: [['THU', '09:00', '10:00']],
    });
    await insertEnrollment(t.karina.db, s.id, held);
    const tooMany = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 3 }), {
      meetings: [['THU', '11:00', '12:00']],
    });
    const fits = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 2 }), {
      meetings: [['THU', '13:00', '14:00']],
    });
    await insertCartItem(t.karina.db, s.id, tooMany, 1);
    await insertCartItem(t.karina.db, s.id, fits, 2);

    const cart = await t.call('GET', '/sugang/api/cart', { token: s.token });

    expect(cart.statusCode).toBe(200);
    const [first, second] = cart.json<{ items: { sectionId: number; warnings: { code: string }[] }[] }>()
      .items;
    expect(first).toMatchObject({ sectionId: tooMany, warnings: [{ code: 'CREDIT_LIMIT' }] });
    expect(second).toMatchObject({ sectionId: fits, warnings: [] });
    const checkout = await t.call('POST', '/sugang/api/cart/checkout', { token: s.token });
    expect(checkout.json()).toMatchObject({
      results: [
        { sectionId: tooMany, ok: false, error: { code: 'CREDIT_LIMIT' } },
        { sectionId: fits, ok: true },
      ],
    });
  });

  it('when only a cart period is open, CREDIT_LIMIT warnings use the next registration period for the student year', async () => {
    const base = t.clock.now() + 10 * HOUR;
    await makePeriod(t.karina.db, {
      kind: 'cart',
      opensAt: base - HOUR,
      closesAt: base + HOUR,
      maxCredits: 21,
    });
    await makePeriod(t.karina.db, {
      opensAt: base + HOUR / 2,
      closesAt: base + 6 * HOUR,
      years: [2],
      maxCredits: 21,
    });
    await makePeriod(t.karina.db, { opensAt: base + 2 * HOUR, closesAt: base + 3 * HOUR, maxCredits: 3 });
    const s = await student();
    const four = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept, { credits: 4 }), {
      meetings: [['FRI', '15:00', '16:00']],
    });
    t.clock.set(base);
    try {
      const add = await t.call('POST', '/sugang/api/cart', { token: s.token, body: { sectionId: four } });
      expect(add.statusCode).toBe(201);
      expect(add.json()).toMatchObject({
        warnings: [{ code: 'CREDIT_LIMIT', message: expect.stringContaining('최대 3학점') as string }],
      });
    } finally {
      t.clock.set(base - 10 * HOUR);
    }
  });

  it('when the checkout body has an unknown field, it is 400 and nothing is registered', async () => {
    const s = await student();
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), {
      capacity: 5,
      meetings: [['SAT', '15:00', '16:00']],
    });
    await insertCartItem(t.karina.db, s.id, section);

    const res = await t.call('POST', '/sugang/api/cart/checkout', { token: s.token, body: { x: 1 } });

    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await seatState(t.karina.db, section)).toMatchObject({ taken: 0, rows: 0 });
    const empty = await t.call('POST', '/sugang/api/cart/checkout', { token: s.token, body: {} });
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ enrolled: 1, failed: 0 });
  });

  it('when the cart already holds 40 sections, adding another is 409 CART_FULL and nothing is added', async () => {
    const s = await student();
    const subject = await makeSubject(t.karina.db, dept);
    const sections: number[] = [];
    for (let i = 0; i < 41; i++) sections.push(await makeSection(t.karina.db, subject));
    for (const id of sections.slice(0, 40)) await insertCartItem(t.karina.db, s.id, id);

    const res = await t.call('POST', '/sugang/api/cart', {
      token: s.token,
      body: { sectionId: sections[40] },
    });

    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'CART_FULL' } });
    const rows = await t.karina.db
      .selectFrom('cart_items')
      .select('section_id')
      .where('student_id', '=', s.id)
      .execute();
    expect(rows).toHaveLength(40);
  });
});
