import { createHash, randomBytes } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { createDrainMeter, createLoadRecorder, createRateController } from './waiting-room.load.js';
import type { LoadRecorder } from './waiting-room.load.js';
import { findFairnessPeriod, findQueuePeriodForStudent } from './waiting-room.repository.js';
import type { Fairness, QueueStatus } from './waiting-room.schema.js';
import type { WaitingRoomGauges } from '../../platform/metrics.js';
import { etaSeconds } from './waiting-room.store.js';
import type { QueuePeriod, QueueStore, Standing } from './waiting-room.store.js';
import { findAdmissionClaims, signAdmissionToken } from './waiting-room.token.js';
import type { AdmissionClaims } from './waiting-room.token.js';

/** The ticket of a student admitted at once because the waiting room was not active. */
const DIRECT = 'direct';
const MIN_POLL_MS = 1_000;
/**
 * 10,000 waiting clients at 30 s apiece are ~330 polls/s; at 15 s the session lookups alone would
 * take a third of a core (bench/waiting-room.ts), for answers that cannot have changed much.
 */
const MAX_POLL_MS = 30_000;
/** Period windows change rarely (an admin edit, published on the bus); polls read this copy. */
const PERIOD_CACHE_MS = 5_000;
/** Admission tokens remembered as verified (one per admitted student; least recently admitted go first). */
const VERIFIED_TOKENS = 100_000;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The pre-opening order, recomputable by anyone once the seed is revealed: ascending
 * sha256(seed + ':' + studentId) in hex. The store keeps its first 52 bits as a score in [0, 1).
 */
export function shuffleKey(seed: string, studentId: number): string {
  return sha256Hex(`${seed}:${studentId}`);
}

export function shuffleScore(seed: string, studentId: number): number {
  return parseInt(shuffleKey(seed, studentId).slice(0, 13), 16) / 2 ** 52;
}

/** Far back in line, ask rarely; near the front (or close to the ETA), ask often. */
export function nextPollMs(position: number, etaSeconds: number): number {
  if (position <= 0) return 0;
  const wanted = Math.min(MIN_POLL_MS + 10 * position, etaSeconds * 500);
  return Math.round(Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, wanted)));
}

export interface WaitingRoomOptions {
  store: QueueStore;
  recorder?: LoadRecorder;
}

export type WaitingRoomService = ReturnType<typeof createWaitingRoomService>;

export function createWaitingRoomService(deps: AppDeps, options: WaitingRoomOptions) {
  const { config, db, clock } = deps;
  const { store } = options;
  const recorder = options.recorder ?? createLoadRecorder();
  const controller = createRateController(recorder, {
    fixed: config.queueRate,
    budgetMs: config.queueP99BudgetMs,
  });
  const drain = createDrainMeter();
  const periods = new Map<number, { period: QueuePeriod; readAt: number }>();
  const unsubscribe = deps.bus.subscribe('periods', (key) => {
    if (key === undefined) periods.clear();
    else periods.delete(Number(key));
  });

  let secret: Promise<string> | undefined;
  function getSecret(): Promise<string> {
    secret ??= config.admissionSecret
      ? Promise.resolve(config.admissionSecret)
      : store.sharedSecret(randomBytes(32).toString('base64url')).catch((error: unknown) => {
          secret = undefined;
          throw error;
        });
    return secret;
  }

  /**
   * Tokens whose signature was checked, so a student's six registrations pay for one HMAC, not six
   * (it was a twentieth of the server's time at the opening). Only valid tokens are kept; expiry and
   * binding are still checked on every use.
   */
  const verified = new Map<string, AdmissionClaims>();
  async function verifiedClaims(token: string): Promise<AdmissionClaims | undefined> {
    const known = verified.get(token);
    if (known) return known;
    const claims = findAdmissionClaims(await getSecret(), token);
    if (!claims) return undefined;
    if (verified.size >= VERIFIED_TOKENS) {
      const oldest = verified.keys().next().value;
      if (oldest !== undefined) verified.delete(oldest);
    }
    verified.set(token, claims);
    return claims;
  }

  let lastOverloadAt: number | undefined;
  let p99Cache: { at: number; value: number | undefined } | undefined;
  function overloaded(now: number): boolean {
    if (!p99Cache || now - p99Cache.at >= 250 || now < p99Cache.at) {
      p99Cache = { at: now, value: recorder.p99(now) };
    }
    const p99 = p99Cache.value;
    return (
      recorder.inFlight >= config.queueEngageInFlight || (p99 !== undefined && p99 > config.queueP99BudgetMs)
    );
  }

  /** Whether students need a place in line (and a token) for this period right now. */
  function isActive(period: { opensAt: number; closesAt: number }, now: number): boolean {
    if (now >= period.closesAt || now < period.opensAt - config.queueLeadMs) return false;
    switch (config.queue) {
      case 'off':
        return false;
      case 'on':
        return true;
      case 'auto':
        return engaged(now);
    }
  }

  /** auto: engaged while overloaded, and for the release time after the last overloaded moment. */
  function engaged(now: number): boolean {
    if (overloaded(now)) lastOverloadAt = now;
    return lastOverloadAt !== undefined && now - lastOverloadAt < config.queueReleaseMs;
  }

  async function ensurePeriod(row: {
    id: number;
    opens_at: number;
    closes_at: number;
  }): Promise<QueuePeriod> {
    const period = await store.ensurePeriod(
      row.id,
      {
        opensAt: row.opens_at,
        closesAt: row.closes_at,
        seed: randomBytes(32).toString('hex'),
      },
      clock.now(),
    );
    periods.set(row.id, { period, readAt: clock.now() });
    return period;
  }

  async function findPeriod(periodId: number, now: number): Promise<QueuePeriod | undefined> {
    const cached = periods.get(periodId);
    if (cached && now - cached.readAt < PERIOD_CACHE_MS && now >= cached.readAt) return cached.period;
    const period = await store.findPeriod(periodId);
    if (period) periods.set(periodId, { period, readAt: now });
    return period;
  }

  async function directAdmission(studentId: number, periodId: number, now: number): Promise<QueueStatus> {
    return {
      ticket: `${periodId}.${DIRECT}`,
      position: 0,
      etaSeconds: 0,
      admitted: true,
      admissionToken: signAdmissionToken(await getSecret(), {
        studentId,
        periodId,
        expiresAt: now + config.admissionTtlMs,
      }),
      nextPollMs: 0,
    };
  }

  async function answer(standing: Standing, periodId: number, now: number): Promise<QueueStatus> {
    drain.record(periodId, now, standing.drained);
    if (!standing.admitted) {
      return {
        ticket: standing.ticket,
        position: standing.position,
        etaSeconds: standing.etaSeconds,
        admitted: false,
        nextPollMs: nextPollMs(standing.position, standing.etaSeconds),
      };
    }
    const expiresAt = (standing.admittedAt ?? now) + config.admissionTtlMs;
    return {
      ticket: standing.ticket,
      position: 0,
      etaSeconds: 0,
      admitted: true,
      admissionToken: signAdmissionToken(await getSecret(), {
        studentId: standing.studentId,
        periodId,
        expiresAt,
      }),
      nextPollMs: 0,
    };
  }

  function pollInput(periodId: number, period: QueuePeriod, now: number) {
    const rate = controller.rate(now);
    return { periodId, now, rate, opensAt: period.opensAt, drainRate: drain.rate(periodId, now) ?? rate };
  }

  return {
    recorder,
    isActive,

    /** Takes the student's place for the current period, or finds it again. */
    async enter(studentId: number): Promise<QueueStatus> {
      const now = clock.now();
      const row = await findQueuePeriodForStudent(db, studentId, now, config.queueLeadMs);
      if (!row) throw new AppError('REGISTRATION_CLOSED');
      const window = { opensAt: row.opens_at, closesAt: row.closes_at };
      if (!isActive(window, now)) {
        // Recorded so a poll of the direct ticket can tell, without the database, when the room engages.
        if (config.queue !== 'off') await ensurePeriod(row);
        return directAdmission(studentId, row.id, now);
      }
      const period = await ensurePeriod(row);
      const standing = await store.join({
        ...pollInput(row.id, period, now),
        studentId,
        ticket: `${row.id}.${randomBytes(12).toString('base64url')}`,
        shuffleScore: now < period.opensAt ? shuffleScore(period.seed, studentId) : null,
        admissionTtlMs: config.admissionTtlMs,
      });
      return answer(standing, row.id, now);
    },

    /** A poll: the store only, never the database. Another student's ticket is not found. */
    async status(studentId: number, ticket: string): Promise<QueueStatus> {
      const now = clock.now();
      const [periodText = '', rest = ''] = ticket.split('.');
      if (!/^[0-9]{1,10}$/.test(periodText)) throw new AppError('NOT_FOUND', 'no such ticket');
      const periodId = Number(periodText);
      const period = await findPeriod(periodId, now);
      if (rest === DIRECT) {
        // Admitted at once while the room was inactive; once it is active, only a place in line admits.
        if (config.queue !== 'off' && (!period || isActive(period, now)))
          throw new AppError('NOT_FOUND', 'ticket ended: join the queue again');
        return directAdmission(studentId, periodId, now);
      }
      if (!period) throw new AppError('NOT_FOUND', 'no such ticket');
      const standing = await store.poll({ ...pollInput(periodId, period, now), ticket });
      if (!standing || standing.studentId !== studentId) throw new AppError('NOT_FOUND', 'no such ticket');
      if (standing.admitted && (standing.admittedAt ?? now) + config.admissionTtlMs <= now) {
        throw new AppError('NOT_FOUND', 'admission ended: join the queue again');
      }
      if (!standing.admitted && !isActive(period, now)) return directAdmission(studentId, periodId, now);
      return answer(standing, periodId, now);
    },

    /** The seed's hash before the opening, the seed itself from the opening. */
    async fairness(periodId: number | undefined): Promise<Fairness> {
      const now = clock.now();
      const row = await findFairnessPeriod(db, now, periodId);
      if (!row) throw new AppError('NOT_FOUND', 'no registration period');
      const period = await ensurePeriod(row);
      const revealed = now >= period.opensAt;
      return {
        periodId: row.id,
        seedHash: sha256Hex(period.seed),
        seed: revealed ? period.seed : null,
        revealedAt: revealed ? new Date(period.opensAt).toISOString() : null,
      };
    },

    /**
     * While the room is active for the student's current period, a registration change needs a
     * valid, unexpired token for this student and that period.
     */
    async assertAdmitted(studentId: number, token: string | undefined): Promise<void> {
      if (config.queue === 'off') return;
      const now = clock.now();
      // The registration hot path pays for the period lookup only while the room could be active.
      if (config.queue === 'auto' && !engaged(now)) return;
      const claims = token === undefined ? undefined : await verifiedClaims(token);
      if (claims && claims.studentId !== studentId) throw new AppError('ADMISSION_REQUIRED');
      if (claims && claims.expiresAt > now) {
        // A token is only issued for the student's own period (enter() found it for their year):
        // while that period is still open, the token is proof enough, with no statement. The
        // period comes from the queue store, which every process shares.
        const period = await findPeriod(claims.periodId, now);
        if (period && now >= period.opensAt - config.queueLeadMs && now < period.closesAt) return;
      }
      const row = await findQueuePeriodForStudent(db, studentId, now, 0);
      // No open period: registration answers REGISTRATION_CLOSED itself.
      if (!row || !isActive({ opensAt: row.opens_at, closesAt: row.closes_at }, now)) return;
      if (!claims || claims.periodId !== row.id || claims.expiresAt <= now) {
        throw new AppError('ADMISSION_REQUIRED');
      }
    },

    /**
     * For /metrics: over the periods this process has served a place in, whether the room is active
     * now, who waits, the wait the last in line is told, the admission rate, and admissions so far.
     */
    async gauges(): Promise<WaitingRoomGauges> {
      const now = clock.now();
      let active = false;
      let waiting = 0;
      let eta = 0;
      const admitted = new Map<number, number>();
      for (const [periodId, { period }] of periods) {
        if (now >= period.closesAt) continue;
        const depth = await store.depth(periodId);
        if (!depth) continue;
        active ||= isActive(period, now);
        waiting += depth.waiting;
        admitted.set(periodId, depth.drained);
        const { drainRate, opensAt } = pollInput(periodId, period, now);
        eta = Math.max(eta, etaSeconds(depth.waiting, drainRate, now, opensAt));
      }
      return { active, waiting, etaSeconds: eta, admissionRate: controller.rate(now), admitted };
    },

    async close(): Promise<void> {
      unsubscribe();
      await store.close();
    },
  };
}
