import type { AppDeps } from '../../platform/deps.js';
import { professorOrTba } from '../catalog/catalog.professor.js';
import { WEEKDAYS, groupMeetings } from '../meetings/meetings.js';
import { findMeetingRows } from '../meetings/meetings.repository.js';
import { timetableToIcs } from './timetable.ics.js';
import { findEnrolledSections } from './timetable.repository.js';
import type { Grid, Timetable, TimetableItem } from './timetable.schema.js';

function itemsToGrid(items: readonly TimetableItem[]): Grid {
  const grid: Grid = { MON: [], TUE: [], WED: [], THU: [], FRI: [], SAT: [] };
  for (const item of items) {
    for (const m of item.meetings) {
      grid[m.day].push({
        sectionId: item.sectionId,
        subjectCode: item.subjectCode,
        subjectName: item.subjectName,
        professor: item.professor,
        start: m.start,
        end: m.end,
      });
    }
  }
  for (const day of WEEKDAYS) grid[day].sort((a, b) => a.start.localeCompare(b.start));
  return grid;
}

export function createTimetableService(deps: AppDeps) {
  const { db, clock } = deps;

  async function getItems(studentId: number): Promise<TimetableItem[]> {
    const rows = await findEnrolledSections(db, studentId);
    const meetings = groupMeetings(
      await findMeetingRows(
        db,
        rows.map((r) => r.section_id),
      ),
    );
    return rows.map((row) => ({
      sectionId: row.section_id,
      sectionNumber: row.number,
      subjectCode: row.subject_code,
      subjectName: row.subject_name,
      credits: row.credits,
      professor: professorOrTba(row.professor_id, row.professor_name),
      meetings: meetings.get(row.section_id) ?? [],
    }));
  }

  async function getTimetable(studentId: number): Promise<Timetable> {
    const items = await getItems(studentId);
    return {
      items,
      totalCredits: items.reduce((sum, item) => sum + item.credits, 0),
      grid: itemsToGrid(items),
    };
  }

  async function exportIcs(studentId: number): Promise<string> {
    return timetableToIcs(await getItems(studentId), clock.now());
  }

  return { getTimetable, exportIcs };
}
