import type { Updateable } from 'kysely';
import type { SubjectsTable } from '@karina/db';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { claimCode, issueSubjectCode } from '../../platform/codes.js';
import { isUniqueViolation } from '../../platform/db-errors.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/errors.js';
import { inTransaction } from '../../platform/transactions.js';
import type { CreateSubjectBody, Subject, UpdateSubjectBody } from './subjects.schema.js';
import type { SubjectRow } from './subjects.repository.js';
import {
  deleteSubject,
  findSubject,
  insertSubject,
  listSubjects,
  lockDepartment,
  lockSubject,
  subjectHasEnrollments,
  updateSubject,
} from './subjects.repository.js';

const SUBJECT = '교과목 / subject';
const DEPARTMENT = '학과 / department';

function subjectRowToSubject(row: SubjectRow): Subject {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    department: { id: row.department_id, code: row.department_code, name: row.department_name },
    credits: row.credits,
    type: row.type,
    targetYear: row.target_year,
    description: row.description,
    sectionCount: Number(row.section_count ?? 0),
  };
}

function cleanName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw new AppError('VALIDATION_FAILED', '교과목 이름이 비어 있습니다 / name is blank');
  return name;
}

function codeTaken(code: string): AppError {
  return new AppError(
    'DUPLICATE',
    `교과목 코드 ${code}은(는) 이미 발급된 적이 있어 다시 쓸 수 없습니다 / Subject code ${code} was issued before and is never reused`,
  );
}

export function createSubjectsService(deps: AppDeps) {
  const { db, dialect, clock } = deps;

  async function list(departmentId?: number): Promise<Subject[]> {
    return (await listSubjects(db, departmentId)).map(subjectRowToSubject);
  }

  async function get(id: number): Promise<Subject> {
    const row = await findSubject(db, id);
    if (!row) throw notFound(SUBJECT);
    return subjectRowToSubject(row);
  }

  async function create(input: CreateSubjectBody, actor: Actor): Promise<{ id: number; code: string }> {
    const name = cleanName(input.name);
    try {
      return await inTransaction(db, async (trx) => {
        const department = await lockDepartment(trx, dialect, input.departmentId);
        if (!department) throw notFound(DEPARTMENT);
        let code: string;
        if (input.code !== undefined) {
          // Claimed forever: the code of a deleted subject is refused too.
          if (!(await claimCode(trx, 'subject', input.code))) throw codeTaken(input.code);
          code = input.code;
        } else {
          code = await issueSubjectCode(trx, dialect, department.code);
        }
        const id = await insertSubject(trx, {
          code,
          name,
          department_id: department.id,
          credits: input.credits,
          type: input.type,
          target_year: input.targetYear ?? null,
          description: input.description ?? null,
          created_at: clock.now(),
        });
        await writeAudit(
          trx,
          actor,
          {
            action: 'subject.create',
            target: `subject:${id}`,
            detail: { code, name, credits: input.credits },
          },
          clock.now(),
        );
        return { id, code };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken(input.code ?? '');
      throw error;
    }
  }

  async function update(id: number, input: UpdateSubjectBody, actor: Actor): Promise<Subject> {
    const patch: Updateable<SubjectsTable> = {};
    if (input.name !== undefined) patch.name = cleanName(input.name);
    if (input.description !== undefined) patch.description = input.description;
    if (input.targetYear !== undefined) patch.target_year = input.targetYear;
    if (input.type !== undefined) patch.type = input.type;
    if (input.credits !== undefined) patch.credits = input.credits;
    await inTransaction(db, async (trx) => {
      const subject = await lockSubject(trx, dialect, id);
      if (!subject) throw notFound(SUBJECT);
      // Enrollments copy the credits (the credit limit sums them), so credits are fixed once anyone enrolled.
      if (input.credits !== undefined && input.credits !== subject.credits) {
        if (await subjectHasEnrollments(trx, dialect, id)) {
          throw new AppError(
            'CREDITS_LOCKED',
            '수강신청한 학생이 있어 학점을 바꿀 수 없습니다 / Credits cannot change while students are enrolled',
          );
        }
      }
      await updateSubject(trx, id, patch);
      await writeAudit(
        trx,
        actor,
        { action: 'subject.update', target: `subject:${id}`, detail: { fields: Object.keys(patch) } },
        clock.now(),
      );
    });
    // Registration keeps sections with their subject's name, type and credits in memory.
    deps.bus.publish('sections');
    return get(id);
  }

  async function remove(id: number, actor: Actor): Promise<void> {
    await inTransaction(db, async (trx) => {
      const subject = await lockSubject(trx, dialect, id);
      if (!subject) throw notFound(SUBJECT);
      await deleteSubject(trx, id);
      await writeAudit(
        trx,
        actor,
        {
          action: 'subject.delete',
          target: `subject:${id}`,
          detail: { code: subject.code, name: subject.name },
        },
        clock.now(),
      );
    });
    deps.bus.publish('sections');
  }

  return { list, get, create, update, remove };
}
