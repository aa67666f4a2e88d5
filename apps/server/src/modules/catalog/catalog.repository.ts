import { sql } from 'kysely';
import type { Expression, SqlBool } from 'kysely';
import type { SubjectType, Weekday } from '@karina/db';
import type { Db } from '../../platform/transactions.js';

export interface SectionFilter {
  sectionId?: number;
  departmentId?: number;
  departmentCode?: string;
  /** Already lower-cased; matched as a substring. */
  q?: string;
  day?: Weekday;
  year?: number;
  type?: SubjectType;
  credits?: number;
  /** Already lower-cased; matched as a substring of the professor's name. */
  professor?: string;
  /** Minutes since midnight: every meeting of a listed section lies within [fromMin, untilMin). */
  fromMin?: number;
  untilMin?: number;
}

export type SectionOrderKey = 'code' | 'name' | 'credits' | 'professor' | 'available' | 'enrolled';
export interface SectionOrder {
  key: SectionOrderKey;
  direction: 'asc' | 'desc';
}

/** `!` escapes LIKE's wildcards: the same ESCAPE clause reads alike on SQLite and MariaDB. */
export function likeContains(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

function lowerLike(column: string, pattern: string) {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '!'`;
}

function filteredSections(db: Db, f: SectionFilter) {
  return db
    .selectFrom('sections as s')
    .innerJoin('subjects as sub', 'sub.id', 's.subject_id')
    .innerJoin('departments as d', 'd.id', 'sub.department_id')
    .leftJoin('professors as p', 'p.id', 's.professor_id')
    .where((eb) => {
      const conditions: Expression<SqlBool>[] = [];
      if (f.sectionId !== undefined) conditions.push(eb('s.id', '=', f.sectionId));
      if (f.departmentId !== undefined) conditions.push(eb('sub.department_id', '=', f.departmentId));
      if (f.departmentCode !== undefined) conditions.push(eb('d.code', '=', f.departmentCode));
      if (f.q !== undefined) {
        const pattern = likeContains(f.q);
        conditions.push(
          eb.or([
            lowerLike('sub.name', pattern),
            lowerLike('sub.code', pattern),
            lowerLike('p.name', pattern),
          ]),
        );
      }
      if (f.day !== undefined) {
        const day = f.day;
        conditions.push(
          eb.exists(
            eb
              .selectFrom('section_meetings as m')
              .select('m.id')
              .whereRef('m.section_id', '=', 's.id')
              .where('m.day', '=', day),
          ),
        );
      }
      if (f.year !== undefined) conditions.push(eb('sub.target_year', '=', f.year));
      if (f.type !== undefined) conditions.push(eb('sub.type', '=', f.type));
      if (f.credits !== undefined) conditions.push(eb('sub.credits', '=', f.credits));
      if (f.professor !== undefined) conditions.push(lowerLike('p.name', likeContains(f.professor)));
      if (f.fromMin !== undefined || f.untilMin !== undefined) {
        const from = f.fromMin ?? 0;
        const until = f.untilMin ?? 24 * 60;
        // A section without meetings has no time to lie in the range, so it is not listed.
        conditions.push(
          eb.exists(
            eb.selectFrom('section_meetings as m').select('m.id').whereRef('m.section_id', '=', 's.id'),
          ),
          eb.not(
            eb.exists(
              eb
                .selectFrom('section_meetings as m')
                .select('m.id')
                .whereRef('m.section_id', '=', 's.id')
                .where((mb) => mb.or([mb('m.start_min', '<', from), mb('m.end_min', '>', until)])),
            ),
          ),
        );
      }
      return eb.and(conditions);
    });
}

/** Sections with everything but meetings; wait-list sizes come from one grouped subquery. */
function sectionRows(db: Db, f: SectionFilter) {
  return filteredSections(db, f)
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('waitlist_entries')
          .select(['section_id', (e) => e.fn.countAll<number>().as('n')])
          .groupBy('section_id')
          .as('w'),
      (join) => join.onRef('w.section_id', '=', 's.id'),
    )
    .select([
      's.id',
      's.number',
      's.capacity',
      's.taken',
      'sub.id as subject_id',
      'sub.code as subject_code',
      'sub.name as subject_name',
      'sub.credits',
      'sub.type',
      'sub.target_year',
      'd.id as department_id',
      'd.code as department_code',
      'd.name as department_name',
      'p.id as professor_id',
      'p.name as professor_name',
      'w.n as waitlisted',
    ]);
}

const DEFAULT_ORDER: SectionOrder = { key: 'code', direction: 'asc' };

/** One page in the asked order; code, 분반 number and id always break ties, so pages never overlap. */
export function findSectionRows(
  db: Db,
  f: SectionFilter,
  page: { limit: number; offset: number },
  order: SectionOrder = DEFAULT_ORDER,
) {
  let query = sectionRows(db, f);
  const dir = order.direction;
  switch (order.key) {
    case 'code':
      break;
    case 'name':
      query = query.orderBy('sub.name', dir);
      break;
    case 'credits':
      query = query.orderBy('sub.credits', dir);
      break;
    case 'professor':
      // 교수 미정 is not a name: it sorts after every name in either direction.
      query = query.orderBy(sql`case when p.name is null then 1 else 0 end`).orderBy('p.name', dir);
      break;
    case 'available':
      query = query.orderBy(sql`s.capacity - s.taken`, dir);
      break;
    case 'enrolled':
      query = query.orderBy('s.taken', dir);
      break;
  }
  const codeDir = order.key === 'code' ? dir : 'asc';
  return query
    .orderBy('sub.code', codeDir)
    .orderBy('s.number', codeDir)
    .orderBy('s.id', codeDir)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
export type SectionRow = Awaited<ReturnType<typeof findSectionRows>>[number];

export function findSectionDetailRow(db: Db, id: number) {
  return sectionRows(db, { sectionId: id }).select('sub.description').executeTakeFirst();
}

export async function countSections(db: Db, f: SectionFilter): Promise<number> {
  const row = await filteredSections(db, f)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
