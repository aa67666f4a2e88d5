import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { makePeriod } from '../support/fixtures.js';
import { countRows, expectError } from './fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ROUNDS = 12;

describe.each(testDatabaseKinds())('overlapping registration periods on $label', ({ name }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(name);
  });
  afterAll(async () => t?.close());
  beforeEach(async () => {
    await t.karina.db.deleteFrom('periods').execute();
  });

  const iso = (offsetMs: number) => new Date(t.clock.now() + offsetMs).toISOString();
  const post = (body: Record<string, unknown>) =>
    t.call('POST', '/admin/api/periods', {
      token: t.adminToken,
      body: { name: '수강신청', kind: 'registration', maxCredits: 18, ...body },
    });
  const create = async (body: Record<string, unknown>) => {
    const res = await post(body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: number }>().id;
  };
  const patch = (id: number, body: Record<string, unknown>) =>
    t.call('PATCH', `/admin/api/periods/${id}`, { token: t.adminToken, body });
  const windowOf = (id: number) =>
    t.karina.db
      .selectFrom('periods')
      .select(['kind', 'opens_at', 'closes_at', 'years_mask'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('when a new period of the same kind overlaps one for a shared year, it is 409 PERIOD_OVERLAP naming that period, and nothing is written', async () => {
    const first = await create({
      name: '1학기 수강신청',
      opensAt: iso(DAY),
      closesAt: iso(3 * DAY),
      years: [1, 2],
    });
    const cases = [
      { opensAt: iso(2 * DAY), closesAt: iso(4 * DAY) },
      { opensAt: iso(0), closesAt: iso(2 * DAY) },
      { opensAt: iso(0), closesAt: iso(4 * DAY) },
      { opensAt: iso(DAY + HOUR), closesAt: iso(DAY + 2 * HOUR) },
      { opensAt: iso(DAY), closesAt: iso(3 * DAY) },
    ];
    for (const window of cases) {
      for (const years of [[2, 3], undefined]) {
        const res = await post({ ...window, ...(years ? { years } : {}) });
        expectError(res, 409, 'PERIOD_OVERLAP');
        expect(res.json()).toMatchObject({
          error: { details: { periodId: first, years: years ? [2] : [1, 2] } },
        });
        expect(res.json<{ error: { message: string } }>().error.message).toContain('1학기 수강신청');
      }
    }
    expect(await countRows(t, 'periods')).toBe(1);
  });

  it('when windows only touch, the kind differs or the years are disjoint, periods may coexist', async () => {
    await create({ opensAt: iso(DAY), closesAt: iso(3 * DAY), years: [1, 2] });
    await create({ opensAt: iso(3 * DAY), closesAt: iso(4 * DAY), years: [1, 2] });
    await create({ opensAt: iso(0), closesAt: iso(DAY), years: [1, 2] });
    await create({ opensAt: iso(DAY), closesAt: iso(3 * DAY), years: [3, 4] });
    await create({ kind: 'cart', opensAt: iso(DAY), closesAt: iso(3 * DAY) });
    await create({ kind: 'add_drop', opensAt: iso(DAY), closesAt: iso(3 * DAY) });
    expect(await countRows(t, 'periods')).toBe(6);
  });

  it('when an edit would move a period onto another (window, years or kind), it is 409 and the period is unchanged; moving within its own window is fine', async () => {
    const fixed = await create({ opensAt: iso(DAY), closesAt: iso(2 * DAY), years: [1] });
    const moving = await create({ opensAt: iso(3 * DAY), closesAt: iso(4 * DAY), years: [1] });
    const seniors = await create({ opensAt: iso(DAY), closesAt: iso(2 * DAY), years: [4] });
    const cart = await create({ kind: 'cart', opensAt: iso(DAY), closesAt: iso(2 * DAY), years: [1] });
    const before = await windowOf(moving);

    for (const body of [
      { opensAt: iso(DAY + HOUR) },
      { opensAt: iso(0), closesAt: iso(5 * DAY) },
      { opensAt: iso(DAY), closesAt: iso(2 * DAY) },
    ]) {
      const res = await patch(moving, body);
      expectError(res, 409, 'PERIOD_OVERLAP');
      expect(res.json()).toMatchObject({ error: { details: { periodId: fixed } } });
    }
    expect(await windowOf(moving)).toEqual(before);

    const seniorsBefore = await windowOf(seniors);
    const widened = await patch(seniors, { years: [1, 4] });
    expectError(widened, 409, 'PERIOD_OVERLAP');
    expect(widened.json()).toMatchObject({ error: { details: { periodId: fixed, years: [1] } } });
    expect(await windowOf(seniors)).toEqual(seniorsBefore);

    const cartBefore = await windowOf(cart);
    expectError(await patch(cart, { kind: 'registration' }), 409, 'PERIOD_OVERLAP');
    expect(await windowOf(cart)).toEqual(cartBefore);

    expect((await patch(fixed, { opensAt: iso(DAY - HOUR), closesAt: iso(2 * DAY + HOUR) })).statusCode).toBe(
      200,
    );
    expect((await patch(moving, { opensAt: iso(2 * DAY + HOUR) })).statusCode).toBe(200);
    expect((await patch(fixed, { name: '이름만 변경' })).statusCode).toBe(200);
  });

  it('when two overlapping periods are created at the same moment, exactly one is stored', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const start = (10 + i) * DAY;
      const [a, b] = await Promise.all([
        post({ name: `A${i}`, opensAt: iso(start), closesAt: iso(start + 2 * HOUR), years: [2] }),
        post({ name: `B${i}`, opensAt: iso(start + HOUR), closesAt: iso(start + 3 * HOUR), years: [2, 3] }),
      ]);
      expect([a.statusCode, b.statusCode].sort(), `${a.body} ${b.body}`).toEqual([201, 409]);
      expectError(a.statusCode === 409 ? a : b, 409, 'PERIOD_OVERLAP');
    }
    expect(await countRows(t, 'periods')).toBe(ROUNDS);
  });

  it('when two periods are moved onto the same free window at the same moment, only one gets it', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const start = (100 + 10 * i) * DAY;
      const a = await create({ name: `A${i}`, opensAt: iso(start), closesAt: iso(start + HOUR) });
      const b = await create({
        name: `B${i}`,
        opensAt: iso(start + 2 * DAY),
        closesAt: iso(start + 2 * DAY + HOUR),
      });
      const target = { opensAt: iso(start + 5 * DAY), closesAt: iso(start + 6 * DAY) };
      const [ra, rb] = await Promise.all([patch(a, target), patch(b, target)]);
      expect([ra.statusCode, rb.statusCode].sort(), `${ra.body} ${rb.body}`).toEqual([200, 409]);
      const windows = await Promise.all([windowOf(a), windowOf(b)]);
      expect(windows.filter((w) => Number(w.opens_at) === t.clock.now() + start + 5 * DAY)).toHaveLength(1);
    }
  });

  it('when only closesAt is moved onto the next period, it is 409; a rename of periods that overlapped before the rule is allowed', async () => {
    const first = await create({ opensAt: iso(DAY), closesAt: iso(2 * DAY) });
    const next = await create({ opensAt: iso(3 * DAY), closesAt: iso(4 * DAY) });
    const extended = await patch(first, { closesAt: iso(3 * DAY + HOUR) });
    expectError(extended, 409, 'PERIOD_OVERLAP');
    expect(extended.json()).toMatchObject({ error: { details: { periodId: next } } });
    expect(Number((await windowOf(first)).closes_at)).toBe(t.clock.now() + 2 * DAY);

    const legacy = await makePeriod(t.karina.db, {
      opensAt: t.clock.now() + DAY,
      closesAt: t.clock.now() + 2 * DAY,
    });
    const renamed = await patch(legacy, { name: '옛 기간', maxCredits: 12 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '옛 기간', maxCredits: 12 });
  });

  it('when periods are created, edited and deleted, the audit rows carry what changed', async () => {
    const id = await create({ name: '감사 기간', opensAt: iso(DAY), closesAt: iso(2 * DAY), years: [3] });
    expect((await patch(id, { maxCredits: 15 })).statusCode).toBe(200);
    expect((await t.call('DELETE', `/admin/api/periods/${id}`, { token: t.adminToken })).statusCode).toBe(
      204,
    );
    const rows = await t.karina.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target', '=', `period:${id}`)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.action, JSON.parse(r.detail ?? 'null') as unknown])).toEqual([
      [
        'period.create',
        { name: '감사 기간', kind: 'registration', opensAt: iso(DAY), closesAt: iso(2 * DAY), years: [3] },
      ],
      ['period.update', { maxCredits: 15 }],
      ['period.delete', { name: '감사 기간', kind: 'registration' }],
    ]);
  });
});
