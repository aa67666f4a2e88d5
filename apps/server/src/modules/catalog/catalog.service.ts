import type { AppDeps } from '../../platform/deps.js';
import { notFound } from '../../platform/errors.js';
import { groupMeetings } from '../meetings/meetings.js';
import { findMeetingRows } from '../meetings/meetings.repository.js';
import type { SectionFilter, SectionRow } from './catalog.repository.js';
import { countSections, findSectionRows } from './catalog.repository.js';
import type { SectionItem, SectionPage, SectionsQuery, ServerTime } from './catalog.schema.js';
import { professorOrTba } from './catalog.professor.js';

function sectionRowToItem(row: SectionRow, meetings: SectionItem['meetings']): SectionItem {
  const waitlisted = Number(row.waitlisted ?? 0);
  return {
    id: row.id,
    number: row.number,
    subject: {
      id: row.subject_id,
      code: row.subject_code,
      name: row.subject_name,
      credits: row.credits,
      type: row.type,
      targetYear: row.target_year,
      department: { id: row.department_id, code: row.department_code, name: row.department_name },
    },
    professor: professorOrTba(row.professor_id, row.professor_name),
    capacity: row.capacity,
    enrolled: row.taken,
    waitlisted,
    available: Math.max(0, row.capacity - row.taken),
    meetings,
  };
}

export function createCatalogService(deps: AppDeps) {
  const { db, clock } = deps;

  async function withMeetings(rows: SectionRow[]): Promise<SectionItem[]> {
    const meetings = groupMeetings(
      await findMeetingRows(
        db,
        rows.map((r) => r.id),
      ),
    );
    return rows.map((row) => sectionRowToItem(row, meetings.get(row.id) ?? []));
  }

  async function listSections(query: SectionsQuery): Promise<SectionPage> {
    const q = query.q?.trim().toLowerCase();
    const filter: SectionFilter = {
      ...(query.department !== undefined ? { departmentId: query.department } : {}),
      ...(query.departmentCode !== undefined ? { departmentCode: query.departmentCode } : {}),
      ...(q ? { q } : {}),
      ...(query.day !== undefined ? { day: query.day } : {}),
      ...(query.year !== undefined ? { year: query.year } : {}),
      ...(query.type !== undefined ? { type: query.type } : {}),
      ...(query.credits !== undefined ? { credits: query.credits } : {}),
    };
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [rows, total] = await Promise.all([
      findSectionRows(db, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
      countSections(db, filter),
    ]);
    return { items: await withMeetings(rows), total, page, pageSize };
  }

  async function getSection(id: number): Promise<SectionItem> {
    const rows = await findSectionRows(db, { sectionId: id }, { limit: 1, offset: 0 });
    const [item] = await withMeetings(rows);
    if (!item) throw notFound('분반 / section');
    return item;
  }

  function serverTime(): ServerTime {
    const epochMs = clock.now();
    return { now: new Date(epochMs).toISOString(), epochMs };
  }

  return { listSections, getSection, serverTime };
}
