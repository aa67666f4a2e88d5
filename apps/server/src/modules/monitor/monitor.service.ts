import type { AppDeps } from '../../platform/deps.js';
import { createSharedSnapshot } from './monitor.cache.js';
import type { SectionFillRow } from './monitor.repository.js';
import { countRecentEnrollments, listOpenPeriods, listSectionFill } from './monitor.repository.js';
import type { MonitorSection, MonitorSnapshot } from './monitor.schema.js';

/** However many admins poll, the database sees one snapshot's queries per this interval at most. */
export const MONITOR_REFRESH_MS = 2_000;
/** The response stays small with thousands of sections: only the busiest are listed. */
export const MONITOR_SECTIONS_LIMIT = 200;
const CONTESTED_LIMIT = 10;

function toSection(row: SectionFillRow, rejections: number): MonitorSection {
  return {
    id: row.id,
    number: row.number,
    subject: { id: row.subject_id, code: row.subject_code, name: row.subject_name },
    capacity: row.capacity,
    enrolled: row.taken,
    waitlisted: Number(row.waitlisted ?? 0),
    rejections,
    fillRate: row.capacity > 0 ? row.taken / row.capacity : 0,
  };
}

const demand = (s: MonitorSection) => s.enrolled + s.waitlisted + s.rejections;

export function createMonitorService(deps: Pick<AppDeps, 'db' | 'clock' | 'rejections'>) {
  const { db, clock, rejections } = deps;

  async function compute(): Promise<MonitorSnapshot> {
    const now = clock.now();
    const [periods, rows, recent, refused] = await Promise.all([
      listOpenPeriods(db, now),
      listSectionFill(db),
      countRecentEnrollments(db, now),
      rejections.read(),
    ]);
    const sections = rows.map((row) => toSection(row, refused.counts.get(row.id) ?? 0));
    const busiest = [...sections].sort(
      (a, b) => demand(b) - demand(a) || b.fillRate - a.fillRate || a.id - b.id,
    );
    const contested = sections
      .filter((s) => s.waitlisted > 0 || s.rejections > 0)
      .sort((a, b) => b.waitlisted - a.waitlisted || b.rejections - a.rejections || a.id - b.id)
      .slice(0, CONTESTED_LIMIT);
    const sum = (pick: (s: MonitorSection) => number) => sections.reduce((n, s) => n + pick(s), 0);
    return {
      generatedAt: new Date(now).toISOString(),
      refreshMs: MONITOR_REFRESH_MS,
      openPeriods: periods.map((p) => ({
        id: p.id,
        name: p.name,
        kind: p.kind,
        closesAt: new Date(Number(p.closes_at)).toISOString(),
      })),
      totals: {
        sections: sections.length,
        capacity: sum((s) => s.capacity),
        enrolled: sum((s) => s.enrolled),
        waitlisted: sum((s) => s.waitlisted),
        rejections: sum((s) => s.rejections),
      },
      registrationsPerSecond: { last10s: recent.last10s / 10, last60s: recent.last60s / 60 },
      sections: busiest.slice(0, MONITOR_SECTIONS_LIMIT),
      sectionsLimit: MONITOR_SECTIONS_LIMIT,
      sectionsTruncated: sections.length > MONITOR_SECTIONS_LIMIT,
      contested,
      rejectionsSource: refused.source,
    };
  }

  return { snapshot: createSharedSnapshot(compute, () => clock.now(), MONITOR_REFRESH_MS) };
}
