import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { claimCode, issueDepartmentCode } from '../../platform/codes.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db-errors.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/errors.js';
import { inTransaction } from '../../platform/transactions.js';
import type { Trx } from '../../platform/transactions.js';
import type {
  CreateDepartmentBody,
  Department,
  DepartmentImpact,
  UpdateDepartmentBody,
} from './departments.schema.js';
import {
  countDepartmentImpact,
  countStudentsInDepartment,
  deleteDepartment,
  findDepartment,
  findDepartmentByName,
  insertDepartment,
  listDepartments,
  updateDepartmentName,
} from './departments.repository.js';

const DEPARTMENT = '학과 / department';

function duplicateName(name: string): AppError {
  return new AppError(
    'DUPLICATE',
    `이미 있는 학과 이름입니다: ${name} / A department named "${name}" exists`,
  );
}

function duplicateRace(): AppError {
  return new AppError(
    'DUPLICATE',
    '같은 이름이나 코드의 학과가 이미 있습니다 / A department with that name or code exists',
  );
}

function cleanName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw new AppError('VALIDATION_FAILED', '학과 이름이 비어 있습니다 / name is blank');
  return name;
}

export function createDepartmentsService(deps: AppDeps) {
  const { db, dialect, clock } = deps;

  async function assertNameFree(trx: Trx, name: string, exceptId?: number): Promise<void> {
    const existing = await findDepartmentByName(trx, name);
    if (existing && existing.id !== exceptId) throw duplicateName(name);
  }

  async function list(): Promise<Department[]> {
    return listDepartments(db);
  }

  async function create(input: CreateDepartmentBody, actor: Actor): Promise<Department> {
    const name = cleanName(input.name);
    try {
      return await inTransaction(db, async (trx) => {
        await assertNameFree(trx, name);
        let code: string;
        if (input.code !== undefined) {
          if (!(await claimCode(trx, 'department', input.code))) {
            throw new AppError(
              'DUPLICATE',
              `학과 코드 ${input.code}은(는) 이미 발급된 적이 있습니다 / Department code ${input.code} was issued before and is never reused`,
            );
          }
          code = input.code;
        } else {
          code = await issueDepartmentCode(trx, dialect);
        }
        const id = await insertDepartment(trx, { code, name, createdAt: clock.now() });
        await writeAudit(
          trx,
          actor,
          { action: 'department.create', target: `department:${id}`, detail: { code, name } },
          clock.now(),
        );
        return { id, code, name };
      });
    } catch (error) {
      // Two creates with one name at once: the unique index decides.
      if (isUniqueViolation(error)) throw duplicateRace();
      throw error;
    }
  }

  async function rename(id: number, input: UpdateDepartmentBody, actor: Actor): Promise<Department> {
    const name = cleanName(input.name);
    try {
      return await inTransaction(db, async (trx) => {
        const department = await findDepartment(trx, id);
        if (!department) throw notFound(DEPARTMENT);
        await assertNameFree(trx, name, id);
        await updateDepartmentName(trx, id, name);
        await writeAudit(
          trx,
          actor,
          {
            action: 'department.update',
            target: `department:${id}`,
            detail: { from: department.name, name },
          },
          clock.now(),
        );
        return { ...department, name };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateRace();
      throw error;
    }
  }

  async function remove(id: number, actor: Actor): Promise<void> {
    const notEmpty = () =>
      new AppError(
        'DEPARTMENT_NOT_EMPTY',
        '소속 학생이 있는 학과는 삭제할 수 없습니다. 학생을 먼저 다른 학과로 옮기세요 / The department still has students: move them first',
      );
    try {
      await inTransaction(db, async (trx) => {
        const department = await findDepartment(trx, id);
        if (!department) throw notFound(DEPARTMENT);
        if ((await countStudentsInDepartment(trx, id)) > 0) throw notEmpty();
        await deleteDepartment(trx, id);
        await writeAudit(
          trx,
          actor,
          {
            action: 'department.delete',
            target: `department:${id}`,
            detail: { code: department.code, name: department.name },
          },
          clock.now(),
        );
      });
      // Its subjects and sections went with it; registration's copies in memory must go too.
      deps.bus.publish('sections');
    } catch (error) {
      // A student added between the check and the delete: the RESTRICT key refuses it.
      if (isForeignKeyViolation(error)) throw notEmpty();
      throw error;
    }
  }

  /** The delete preview: what a delete now would remove, and whether students still block it. */
  async function impact(id: number): Promise<DepartmentImpact> {
    const department = await findDepartment(db, id);
    if (!department) throw notFound(DEPARTMENT);
    const counts = await countDepartmentImpact(db, id);
    return { department, ...counts, deletable: counts.students === 0 };
  }

  return { list, create, rename, remove, impact };
}
