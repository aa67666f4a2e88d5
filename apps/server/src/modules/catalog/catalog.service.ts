import type { AppDeps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/errors.js';
import { clockToMinutes, groupMeetings } from '../meetings/meetings.js';
import { findMeetingRows } from '../meetings/meetings.repository.js';
import type { SectionFilter, SectionRow } from './catalog.repository.js';
import { countSections, findSectionDetailRow, findSectionRows } from './catalog.repository.js';
import type { SectionDetail, SectionItem, SectionPage, SectionsQuery, ServerTime } from './catalog.schema.js';
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

  function timeRange(query: SectionsQuery): Pick<SectionFilter, 'fromMin' | 'untilMin'> {
    const fromMin = query.from === undefined ? undefined : clockToMinutes(query.from);
    const untilMin = query.until === undefined ? undefined : clockToMinutes(query.until);
    if (fromMin !== undefined && untilMin !== undefined && fromMin >= untilMin) {
      throw new AppError(
        'VALIDATION_FAILED',
        `시작 시각(from)이 종료 시각(until)보다 앞서야 합니다 / from (${query.from}) must be before until (${query.until})`,
      );
    }
    return {
      ...(fromMin !== undefined ? { fromMin } : {}),
      ...(untilMin !== undefined ? { untilMin } : {}),
    };
  }

  async function listSections(query: SectionsQuery): Promise<SectionPage> {
    const q = query.q?.trim().toLowerCase();
    const professor = query.professor?.trim().toLowerCase();
    const filter: SectionFilter = {
      ...(query.department !== undefined ? { departmentId: query.department } : {}),
      ...(query.departmentCode !== undefined ? { departmentCode: query.departmentCode } : {}),
      ...(q ? { q } : {}),
      ...(query.day !== undefined ? { day: query.day } : {}),
      ...(query.year !== undefined ? { year: query.year } : {}),
      ...(query.type !== undefined ? { type: query.type } : {}),
      ...(query.credits !== undefined ? { credits: query.credits } : {}),
      ...(professor ? { professor } : {}),
      ...timeRange(query),
    };
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const order = { key: query.sort ?? 'code', direction: query.order ?? 'asc' } as const;
    const [rows, total] = await Promise.all([
      findSectionRows(db, filter, { limit: pageSize, offset: (page - 1) * pageSize }, order),
      countSections(db, filter),
    ]);
    return { items: await withMeetings(rows), total, page, pageSize };
  }

  async function getSection(id: number): Promise<SectionDetail> {
    const row = await findSectionDetailRow(db, id);
    if (!row) throw notFound('분반 / section');
    const [item] = await withMeetings([row]);
    if (!item) throw notFound('분반 / section');
    return { ...item, subject: { ...item.subject, description: row.description } };
  }

  function serverTime(): ServerTime {
    const epochMs = clock.now();
    return { now: new Date(epochMs).toISOString(), epochMs };
  }

  return { listSections, getSection, serverTime };
}
