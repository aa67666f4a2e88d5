import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { ProfessorRef } from '../catalog/catalog.schema.js';
import { Meeting } from '../meetings/meetings.schema.js';
import { ClockTime } from '../../platform/schema.js';

export const TimetableQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Union([Type.Literal('json'), Type.Literal('ics')], {
        default: 'json',
        description: 'ics = an iCalendar file (RFC 5545) to import into a calendar app',
      }),
    ),
  },
  { additionalProperties: false },
);
export type TimetableQuery = Static<typeof TimetableQuery>;

export const TimetableItem = Type.Object({
  sectionId: Type.Integer(),
  sectionNumber: Type.Integer(),
  subjectCode: Type.String(),
  subjectName: Type.String(),
  credits: Type.Integer(),
  professor: ProfessorRef,
  meetings: Type.Array(Meeting),
});
export type TimetableItem = Static<typeof TimetableItem>;

export const GridCell = Type.Object({
  sectionId: Type.Integer(),
  subjectCode: Type.String(),
  subjectName: Type.String(),
  professor: ProfessorRef,
  start: ClockTime,
  end: ClockTime,
});
export type GridCell = Static<typeof GridCell>;

const Day = Type.Array(GridCell);
export const Grid = Type.Object({ MON: Day, TUE: Day, WED: Day, THU: Day, FRI: Day, SAT: Day });
export type Grid = Static<typeof Grid>;

export const Timetable = Type.Object(
  {
    items: Type.Array(TimetableItem),
    totalCredits: Type.Integer(),
    grid: Grid,
  },
  { title: 'Timetable' },
);
export type Timetable = Static<typeof Timetable>;
