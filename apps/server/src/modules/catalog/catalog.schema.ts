import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { ClockTime, Page, Weekday } from '../../platform/schema.js';
import { Meeting } from '../meetings/meetings.schema.js';

export const SubjectTypeSchema = Type.Union([
  Type.Literal('major_required'),
  Type.Literal('major_elective'),
  Type.Literal('general'),
]);

export const ProfessorRef = Type.Union(
  [Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()],
  {
    description: 'null = 교수 미정 (to be announced)',
  },
);

export const SectionItem = Type.Object(
  {
    id: Type.Integer(),
    number: Type.Integer({ description: '분반 number within the subject' }),
    subject: Type.Object({
      id: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      credits: Type.Integer(),
      type: SubjectTypeSchema,
      targetYear: Type.Union([Type.Integer(), Type.Null()]),
      department: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
    }),
    professor: ProfessorRef,
    capacity: Type.Integer(),
    enrolled: Type.Integer({ description: 'seats taken now' }),
    waitlisted: Type.Integer({ description: 'students on the wait-list now' }),
    available: Type.Integer({ description: 'capacity - enrolled, never below 0' }),
    meetings: Type.Array(Meeting),
  },
  { title: 'Section' },
);
export type SectionItem = Static<typeof SectionItem>;

/** The detail adds the subject's description, which the list leaves out to keep pages small. */
export const SectionDetail = Type.Object(
  {
    ...SectionItem.properties,
    subject: Type.Object({
      ...SectionItem.properties.subject.properties,
      description: Type.Union([Type.String(), Type.Null()], { description: '교과목 설명; null when none' }),
    }),
  },
  { title: 'SectionDetail' },
);
export type SectionDetail = Static<typeof SectionDetail>;

export const SectionSort = Type.Union(
  [
    Type.Literal('code'),
    Type.Literal('name'),
    Type.Literal('credits'),
    Type.Literal('professor'),
    Type.Literal('available'),
    Type.Literal('enrolled'),
  ],
  {
    description:
      'code (default: subject code, then 분반 number), subject name, credits, professor name (교수 미정 last), seats available or seats taken; ties fall back to code then 분반',
  },
);
export type SectionSort = Static<typeof SectionSort>;

/**
 * Closed: an unknown parameter is a 400. Blank parameters (`?day=&q=`, as an empty search form
 * sends them) are removed before validation and mean "no filter".
 */
export const SectionsQuery = Type.Object(
  {
    department: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'department id' }),
    ),
    departmentCode: Type.Optional(
      Type.String({ pattern: '^[0-9]{2}$', description: 'two-digit department code, e.g. "07"' }),
    ),
    q: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'case-insensitive substring of subject name, subject code or professor name',
      }),
    ),
    day: Type.Optional(Weekday),
    year: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: 'subject target year' })),
    type: Type.Optional(SubjectTypeSchema),
    credits: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })),
    professor: Type.Optional(
      Type.String({ maxLength: 100, description: "case-insensitive substring of the professor's name" }),
    ),
    from: Type.Optional(
      Type.String({
        pattern: ClockTime.pattern,
        description:
          'time range [from, until), "HH:MM" in 30-minute steps: only sections that have meetings, every one starting at or after from',
      }),
    ),
    until: Type.Optional(
      Type.String({
        pattern: ClockTime.pattern,
        description: 'time range end: every meeting ends by until; with from, until must be later',
      }),
    ),
    sort: Type.Optional(SectionSort),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' })),
    page: Type.Optional(Page),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type SectionsQuery = Static<typeof SectionsQuery>;

export const SectionPage = Type.Object({
  items: Type.Array(SectionItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type SectionPage = Static<typeof SectionPage>;

export const ServerTime = Type.Object({
  now: Type.String({ format: 'date-time' }),
  epochMs: Type.Integer(),
});
export type ServerTime = Static<typeof ServerTime>;
