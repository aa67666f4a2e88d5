import type { Db } from '../../platform/transactions.js';

export function findEnrolledSections(db: Db, studentId: number) {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('sections as s', 's.id', 'e.section_id')
    .innerJoin('subjects as sub', 'sub.id', 's.subject_id')
    .leftJoin('professors as p', 'p.id', 's.professor_id')
    .select([
      's.id as section_id',
      's.number',
      'sub.code as subject_code',
      'sub.name as subject_name',
      'e.credits',
      'p.id as professor_id',
      'p.name as professor_name',
    ])
    .where('e.student_id', '=', studentId)
    .orderBy('sub.code')
    .orderBy('s.number')
    .execute();
}
export type EnrolledSectionRow = Awaited<ReturnType<typeof findEnrolledSections>>[number];
