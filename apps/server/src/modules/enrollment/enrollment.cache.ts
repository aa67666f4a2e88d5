import { performance } from 'node:perf_hooks';
import type { PeriodRow } from '../periods/periods.repository.js';
import type { InvalidationBus } from '../../platform/invalidation.js';
import type { MeetingTimes } from '../meetings/meetings.js';

/** What registration needs about a section that only an admin changes (seats excluded). */
export interface SectionStatic {
  id: number;
  number: number;
  capacity: number;
  subject_id: number;
  credits: number;
  subject_name: string;
  subject_code: string;
  subject_type: string;
  professor_id: number | null;
  professor_name: string | null;
  meetings: MeetingTimes[];
}

/** A section seen full, with who held it then: refusals from memory until a seat is freed. */
export interface FullSection {
  capacity: number;
  roster: ReadonlySet<number>;
}

export interface RegistrationCacheOptions {
  /** How long an entry may live without an invalidation: the backstop for a lost bus message. */
  ttlMs: number;
  /** The same for "section is full" marks, which refuse students and so are kept shorter. */
  fullTtlMs: number;
}

/**
 * Without Redis every change is published in this process, synchronously after its commit, so a
 * long TTL is safe; with Redis a lost message must not keep a cache wrong for more than a moment.
 */
export function registrationCacheOptions(bus: InvalidationBus): RegistrationCacheOptions {
  return bus.shared ? { ttlMs: 3_000, fullTtlMs: 1_000 } : { ttlMs: 60_000, fullTtlMs: 30_000 };
}

interface Timed<T> {
  value: T;
  expiresAt: number;
}

/**
 * Read-mostly data for registration, kept per process and dropped when the bus says it changed.
 * Entries are only ever hints: the transaction re-checks what could make them wrong (credits in
 * the enrollment insert, seats in the seat update), and the full-section marks may only refuse.
 */
export function createRegistrationCache(
  bus: InvalidationBus,
  options: RegistrationCacheOptions = registrationCacheOptions(bus),
  now: () => number = () => performance.now(),
) {
  let periods: Timed<readonly PeriodRow[]> | undefined;
  let periodsGeneration = 0;
  const sections = new Map<number, Timed<SectionStatic>>();
  const full = new Map<number, Timed<FullSection>>();
  // Bumped by every invalidation of a section, so a value read before it is never stored after it.
  const generations = new Map<number, number>();
  let allGeneration = 0;

  bus.subscribe('periods', () => {
    periods = undefined;
    periodsGeneration++;
  });
  bus.subscribe('sections', (key) => {
    if (key === undefined) {
      sections.clear();
      full.clear();
      generations.clear();
      allGeneration++;
      return;
    }
    const id = Number(key);
    sections.delete(id);
    full.delete(id);
    generations.set(id, (generations.get(id) ?? 0) + 1);
  });

  function fresh<T>(entry: Timed<T> | undefined): T | undefined {
    return entry && entry.expiresAt > now() ? entry.value : undefined;
  }

  /** An opaque stamp: pass it back to a store call so a value read before an invalidation is dropped. */
  function sectionStamp(id: number): string {
    return `${allGeneration}:${generations.get(id) ?? 0}`;
  }

  return {
    /** Periods of the registration kinds, as one list; undefined when it must be read. */
    findPeriods(): readonly PeriodRow[] | undefined {
      return fresh(periods);
    },
    periodsStamp(): number {
      return periodsGeneration;
    },
    storePeriods(rows: readonly PeriodRow[], stamp: number): void {
      if (stamp !== periodsGeneration) return;
      periods = { value: rows, expiresAt: now() + options.ttlMs };
    },
    findSection(id: number): SectionStatic | undefined {
      return fresh(sections.get(id));
    },
    sectionStamp,
    storeSection(section: SectionStatic, stamp: string): void {
      if (stamp !== sectionStamp(section.id)) return;
      sections.set(section.id, { value: section, expiresAt: now() + options.ttlMs });
    },
    forgetSection(id: number): void {
      sections.delete(id);
    },
    findFull(id: number): FullSection | undefined {
      const entry = full.get(id);
      if (entry && entry.expiresAt <= now()) full.delete(id);
      return fresh(entry);
    },
    storeFull(id: number, value: FullSection, stamp: string): void {
      if (stamp !== sectionStamp(id)) return;
      full.set(id, { value, expiresAt: now() + options.fullTtlMs });
    },
  };
}

export type RegistrationCache = ReturnType<typeof createRegistrationCache>;

const caches = new WeakMap<InvalidationBus, RegistrationCache>();

/** One cache per app (per bus): the registration and cart routes each build a service over it. */
export function getRegistrationCache(bus: InvalidationBus): RegistrationCache {
  let cache = caches.get(bus);
  if (!cache) {
    cache = createRegistrationCache(bus);
    caches.set(bus, cache);
  }
  return cache;
}
