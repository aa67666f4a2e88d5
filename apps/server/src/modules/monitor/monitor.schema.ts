import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

export const MonitorSection = Type.Object(
  {
    id: Type.Integer(),
    number: Type.Integer({ description: '분반 number within the subject' }),
    subject: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
    capacity: Type.Integer(),
    enrolled: Type.Integer(),
    waitlisted: Type.Integer(),
    rejections: Type.Integer({ description: 'SECTION_FULL answers so far (see rejectionsSource)' }),
    fillRate: Type.Number({ minimum: 0, description: 'enrolled / capacity (0 when capacity is 0)' }),
  },
  { title: 'MonitorSection' },
);
export type MonitorSection = Static<typeof MonitorSection>;

export const MonitorSnapshot = Type.Object(
  {
    generatedAt: Type.String({
      format: 'date-time',
      description: 'when this snapshot was computed; every admin polling within refreshMs gets the same one',
    }),
    refreshMs: Type.Integer({ description: 'a new snapshot is computed at most this often; poll no faster' }),
    openPeriods: Type.Array(
      Type.Object({
        id: Type.Integer(),
        name: Type.String(),
        kind: Type.Union([Type.Literal('registration'), Type.Literal('cart'), Type.Literal('add_drop')]),
        closesAt: Type.String({ format: 'date-time' }),
      }),
      { description: 'periods open now (server clock), every kind' },
    ),
    totals: Type.Object({
      sections: Type.Integer(),
      capacity: Type.Integer(),
      enrolled: Type.Integer(),
      waitlisted: Type.Integer(),
      rejections: Type.Integer(),
    }),
    registrationsPerSecond: Type.Object(
      { last10s: Type.Number(), last60s: Type.Number() },
      {
        description: 'registrations (enrollment rows made, promotions included) per second over each window',
      },
    ),
    sections: Type.Array(MonitorSection, {
      description:
        'the busiest sections (enrolled + waitlisted + rejections, then fill rate), at most sectionsLimit of them',
    }),
    sectionsLimit: Type.Integer(),
    sectionsTruncated: Type.Boolean({ description: 'true when more sections exist than the list holds' }),
    contested: Type.Array(MonitorSection, {
      description:
        'up to 10 sections with a wait-list or rejections: longest wait-list first, then most rejections',
    }),
    rejectionsSource: Type.Union([Type.Literal('shared'), Type.Literal('process')], {
      description:
        'shared: counted by every process through Redis (KARINA_REDIS_URL); process: only what this process refused, since it started',
    }),
  },
  { title: 'MonitorSnapshot' },
);
export type MonitorSnapshot = Static<typeof MonitorSnapshot>;
