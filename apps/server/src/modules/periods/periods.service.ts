import type { Updateable } from 'kysely';
import type { PeriodKind, PeriodsTable } from '@karina/db';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/errors.js';
import { inTransaction } from '../../platform/transactions.js';
import type { Trx } from '../../platform/transactions.js';
import type { CreatePeriodBody, Period, UpdatePeriodBody } from './periods.schema.js';
import type { PeriodRow } from './periods.repository.js';
import {
  ALL_YEARS_MASK,
  deletePeriod,
  findOverlappingPeriod,
  findPeriod,
  lockPeriod,
  lockPeriodWindows,
  insertPeriod,
  listPeriods,
  listUpcomingPeriods,
  maskToYears,
  updatePeriod,
  yearsToMask,
} from './periods.repository.js';

const PERIOD = '신청 기간 / period';

export function periodRowToPeriod(row: PeriodRow, now: number): Period {
  const opensAt = Number(row.opens_at);
  const closesAt = Number(row.closes_at);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    opensAt: new Date(opensAt).toISOString(),
    closesAt: new Date(closesAt).toISOString(),
    years: maskToYears(row.years_mask),
    maxCredits: row.max_credits,
    open: opensAt <= now && now < closesAt,
  };
}

function instant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new AppError('VALIDATION_FAILED', `${field}: 날짜·시각 형식이 아닙니다 / not an ISO date-time`);
  }
  return ms;
}

function assertWindow(opensAt: number, closesAt: number): void {
  if (closesAt <= opensAt) {
    throw new AppError(
      'VALIDATION_FAILED',
      '마감 시각이 시작 시각보다 늦어야 합니다 / closesAt must be after opensAt',
    );
  }
}

function cleanName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw new AppError('VALIDATION_FAILED', '기간 이름이 비어 있습니다 / name is blank');
  return name;
}

/**
 * Two periods of one kind open at once for the same student year would leave the credit limit to
 * whichever opened last (findOpenPeriod's tie-break), silently; the registrar is told instead.
 * Runs under lockPeriodWindows.
 */
async function assertNoOverlap(
  trx: Trx,
  window: { kind: PeriodKind; opensAt: number; closesAt: number; yearsMask: number; exceptId?: number },
): Promise<void> {
  const other = await findOverlappingPeriod(trx, window);
  if (!other) return;
  throw new AppError(
    'PERIOD_OVERLAP',
    `같은 종류·학년의 신청 기간 "${other.name}"(${other.id})과 겹칩니다 / Overlaps period "${other.name}" (${other.id}) of the same kind for the same year`,
    {
      periodId: other.id,
      opensAt: new Date(Number(other.opens_at)).toISOString(),
      closesAt: new Date(Number(other.closes_at)).toISOString(),
      years: maskToYears(other.years_mask & window.yearsMask),
    },
  );
}

export function createPeriodsService(deps: AppDeps) {
  const { db, clock, dialect } = deps;

  async function list(): Promise<Period[]> {
    const now = clock.now();
    return (await listPeriods(db)).map((r) => periodRowToPeriod(r, now));
  }

  async function listForStudents(): Promise<Period[]> {
    const now = clock.now();
    return (await listUpcomingPeriods(db, now)).map((r) => periodRowToPeriod(r, now));
  }

  async function get(id: number): Promise<Period> {
    const row = await findPeriod(db, id);
    if (!row) throw notFound(PERIOD);
    return periodRowToPeriod(row, clock.now());
  }

  async function create(input: CreatePeriodBody, actor: Actor): Promise<{ id: number }> {
    const name = cleanName(input.name);
    const opensAt = instant(input.opensAt, 'opensAt');
    const closesAt = instant(input.closesAt, 'closesAt');
    assertWindow(opensAt, closesAt);
    const yearsMask = input.years ? yearsToMask(input.years) : ALL_YEARS_MASK;
    return inTransaction(db, async (trx) => {
      await lockPeriodWindows(trx, dialect);
      await assertNoOverlap(trx, { kind: input.kind, opensAt, closesAt, yearsMask });
      const id = await insertPeriod(trx, {
        name,
        kind: input.kind,
        opens_at: opensAt,
        closes_at: closesAt,
        years_mask: yearsMask,
        max_credits: input.maxCredits,
        created_at: clock.now(),
      });
      await writeAudit(
        trx,
        actor,
        {
          action: 'period.create',
          target: `period:${id}`,
          detail: {
            name,
            kind: input.kind,
            opensAt: input.opensAt,
            closesAt: input.closesAt,
            years: maskToYears(yearsMask),
          },
        },
        clock.now(),
      );
      return { id };
    }).then((created) => {
      // Registration keeps open periods in memory; every process rereads them.
      deps.bus.publish('periods');
      return created;
    });
  }

  async function update(id: number, input: UpdatePeriodBody, actor: Actor): Promise<Period> {
    const patch: Updateable<PeriodsTable> = {};
    if (input.name !== undefined) patch.name = cleanName(input.name);
    if (input.kind !== undefined) patch.kind = input.kind;
    if (input.opensAt !== undefined) patch.opens_at = instant(input.opensAt, 'opensAt');
    if (input.closesAt !== undefined) patch.closes_at = instant(input.closesAt, 'closesAt');
    if (input.years !== undefined) patch.years_mask = yearsToMask(input.years);
    if (input.maxCredits !== undefined) patch.max_credits = input.maxCredits;
    const movesWindow =
      input.kind !== undefined ||
      input.opensAt !== undefined ||
      input.closesAt !== undefined ||
      input.years !== undefined;
    await inTransaction(db, async (trx) => {
      if (movesWindow) await lockPeriodWindows(trx, dialect);
      const period = await lockPeriod(trx, dialect, id);
      if (!period) throw notFound(PERIOD);
      const opensAt = patch.opens_at ?? Number(period.opens_at);
      const closesAt = patch.closes_at ?? Number(period.closes_at);
      assertWindow(opensAt, closesAt);
      if (movesWindow) {
        await assertNoOverlap(trx, {
          kind: patch.kind ?? period.kind,
          opensAt,
          closesAt,
          yearsMask: patch.years_mask ?? period.years_mask,
          exceptId: id,
        });
      }
      await updatePeriod(trx, id, patch);
      await writeAudit(
        trx,
        actor,
        { action: 'period.update', target: `period:${id}`, detail: { ...input } },
        clock.now(),
      );
    });
    deps.bus.publish('periods');
    return get(id);
  }

  async function remove(id: number, actor: Actor): Promise<void> {
    await inTransaction(db, async (trx) => {
      const period = await lockPeriod(trx, dialect, id);
      if (!period) throw notFound(PERIOD);
      await deletePeriod(trx, id);
      await writeAudit(
        trx,
        actor,
        { action: 'period.delete', target: `period:${id}`, detail: { name: period.name, kind: period.kind } },
        clock.now(),
      );
    });
    deps.bus.publish('periods');
  }

  return { list, listForStudents, get, create, update, remove };
}
