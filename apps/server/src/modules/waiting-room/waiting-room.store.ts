/**
 * Where the waiting room keeps its line: in this process, or in Redis when several registration
 * processes share one line. Both implement the same few atomic steps, so one test suite runs
 * against both; nothing here reads the database.
 */

/** A period as the waiting room needs it: its window and the pre-opening shuffle's seed. */
export interface QueuePeriod {
  opensAt: number;
  closesAt: number;
  /** 64 hex digits; its sha256 is published before the opening, itself at the opening. */
  seed: string;
}

export interface PollInput {
  periodId: number;
  now: number;
  /** Admissions per second to grant from the head of the line since the last poll (0 holds it). */
  rate: number;
  /** Admissions are granted only from this instant (the opening). */
  opensAt: number;
  /** The measured drain rate the ETA is computed from (admissions per second; 0 = unknown). */
  drainRate: number;
}

export interface JoinInput extends PollInput {
  studentId: number;
  /** A fresh ticket, used when the student has none (or their admission window has passed). */
  ticket: string;
  /** In [0, 1) for a student who joins before the opening (the shuffle's key); null after it: FCFS. */
  shuffleScore: number | null;
  admissionTtlMs: number;
}

/** One ticket's standing, as answered: position and etaSeconds already never higher than before. */
export interface Standing {
  ticket: string;
  studentId: number;
  admitted: boolean;
  /** When this ticket was first answered as admitted (its admission window starts then). */
  admittedAt: number | null;
  /** 1-based place among those still waiting; 0 once admitted. */
  position: number;
  etaSeconds: number;
  /** Admissions granted in this period so far, for the drain-rate measurement. */
  drained: number;
}

export interface QueueStore {
  /** The period's record; created with `period.seed` unless it exists (the stored seed then wins). */
  ensurePeriod(periodId: number, period: QueuePeriod, now: number): Promise<QueuePeriod>;
  findPeriod(periodId: number): Promise<QueuePeriod | undefined>;
  /** Takes the student's place (or finds it again), admits whoever's turn has come, answers the standing. */
  join(input: JoinInput): Promise<Standing>;
  /** Admits whoever's turn has come and answers this ticket's standing; undefined for an unknown ticket. */
  poll(input: PollInput & { ticket: string }): Promise<Standing | undefined>;
  /** The secret every process signs admission tokens with: `candidate` unless one was stored first. */
  sharedSecret(candidate: string): Promise<string>;
  /** How many wait in the period's line and how many it admitted so far (for /metrics); undefined without a line. */
  depth(periodId: number): Promise<{ waiting: number; drained: number } | undefined>;
  close(): Promise<void>;
}

/** The longest ETA answered: a held queue (rate 0) has no honest finite estimate beyond "a day". */
export const MAX_ETA_SECONDS = 86_400;

export function etaSeconds(position: number, drainRate: number, now: number, opensAt: number): number {
  if (position <= 0) return 0;
  const untilOpening = Math.max(0, opensAt - now) / 1000;
  if (!(drainRate > 0)) return MAX_ETA_SECONDS;
  return Math.min(MAX_ETA_SECONDS, Math.ceil(untilOpening + position / drainRate));
}

interface Entry {
  studentId: number;
  score: number;
  ticket: string;
}

interface Answer {
  position: number;
  eta: number;
  admittedAt: number | null;
}

interface MemoryLine {
  period: QueuePeriod;
  /** Sorted by (score, studentId as text), the order Redis gives equal scores. */
  line: Entry[];
  byStudent: Map<number, Entry>;
  byTicket: Map<string, Entry>;
  answers: Map<string, Answer>;
  seq: number;
  admitted: number;
  drained: number;
  credit: number;
  last: number | null;
}

function before(a: Entry, b: { score: number; studentId: number }): boolean {
  if (a.score !== b.score) return a.score < b.score;
  return String(a.studentId) < String(b.studentId);
}

function indexOf(line: Entry[], key: { score: number; studentId: number }): number {
  let lo = 0;
  let hi = line.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(line[mid] as Entry, key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One registration process: the line lives in this process's memory. */
export function createMemoryQueueStore(): QueueStore {
  const periods = new Map<number, MemoryLine>();
  let secret: string | undefined;

  function admit(q: MemoryLine, input: PollInput): void {
    if (input.now < input.opensAt) return;
    const last = Math.max(q.last ?? input.opensAt, input.opensAt);
    const elapsed = Math.max(0, input.now - last);
    // A one-second burst at most, so a quiet spell does not let a crowd in at once.
    q.credit = Math.min(q.credit + (elapsed / 1000) * input.rate, Math.max(1, input.rate));
    const waiting = q.line.length - q.admitted;
    const n = Math.min(Math.floor(q.credit), waiting);
    q.admitted += n;
    q.drained += n;
    q.credit -= n;
    q.last = Math.max(last, input.now);
  }

  function standing(q: MemoryLine, entry: Entry, input: PollInput): Standing {
    const rank = indexOf(q.line, entry);
    const admitted = rank < q.admitted;
    const previous = q.answers.get(entry.ticket);
    const rawPosition = admitted ? 0 : rank - q.admitted + 1;
    const rawEta = etaSeconds(rawPosition, input.drainRate, input.now, input.opensAt);
    const answer: Answer = {
      position: previous ? Math.min(previous.position, rawPosition) : rawPosition,
      eta: previous ? Math.min(previous.eta, rawEta) : rawEta,
      admittedAt: previous?.admittedAt ?? (admitted ? input.now : null),
    };
    q.answers.set(entry.ticket, answer);
    return {
      ticket: entry.ticket,
      studentId: entry.studentId,
      admitted,
      admittedAt: answer.admittedAt,
      position: answer.position,
      etaSeconds: answer.eta,
      drained: q.drained,
    };
  }

  function remove(q: MemoryLine, entry: Entry): void {
    const rank = indexOf(q.line, entry);
    q.line.splice(rank, 1);
    if (rank < q.admitted) q.admitted -= 1;
    q.byStudent.delete(entry.studentId);
    q.byTicket.delete(entry.ticket);
    q.answers.delete(entry.ticket);
  }

  function getLine(periodId: number): MemoryLine {
    const q = periods.get(periodId);
    if (!q) throw new Error(`waiting room: period ${periodId} has no line (ensurePeriod first)`);
    return q;
  }

  return {
    async ensurePeriod(periodId, period) {
      const q = periods.get(periodId);
      if (q) {
        q.period = { ...q.period, opensAt: period.opensAt, closesAt: period.closesAt };
        return q.period;
      }
      periods.set(periodId, {
        period: { ...period },
        line: [],
        byStudent: new Map(),
        byTicket: new Map(),
        answers: new Map(),
        seq: 0,
        admitted: 0,
        drained: 0,
        credit: 0,
        last: null,
      });
      return { ...period };
    },
    async findPeriod(periodId) {
      const q = periods.get(periodId);
      return q ? { ...q.period } : undefined;
    },
    async join(input) {
      const q = getLine(input.periodId);
      admit(q, input);
      let entry = q.byStudent.get(input.studentId);
      if (entry) {
        const answer = q.answers.get(entry.ticket);
        if (answer?.admittedAt != null && answer.admittedAt + input.admissionTtlMs <= input.now) {
          remove(q, entry);
          entry = undefined;
        }
      }
      if (!entry) {
        q.seq += 1;
        entry = {
          studentId: input.studentId,
          score: input.shuffleScore ?? 1 + q.seq,
          ticket: input.ticket,
        };
        q.line.splice(indexOf(q.line, entry), 0, entry);
        q.byStudent.set(entry.studentId, entry);
        q.byTicket.set(entry.ticket, entry);
      }
      return standing(q, entry, input);
    },
    async poll(input) {
      const q = periods.get(input.periodId);
      const entry = q?.byTicket.get(input.ticket);
      if (!q || !entry) return undefined;
      admit(q, input);
      return standing(q, entry, input);
    },
    async sharedSecret(candidate) {
      secret ??= candidate;
      return secret;
    },
    async depth(periodId) {
      const q = periods.get(periodId);
      return q ? { waiting: q.line.length - q.admitted, drained: q.drained } : undefined;
    },
    async close() {
      periods.clear();
    },
  };
}
