import type { Updateable } from 'kysely';
import type { ProfessorsTable } from '@karina/db';
import type { Actor } from '../../platform/actor.js';
import { writeAudit } from '../../platform/audit.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/errors.js';
import { inTransaction } from '../../platform/transactions.js';
import type { Trx } from '../../platform/transactions.js';
import type { CreateProfessorBody, Professor, UpdateProfessorBody } from './professors.schema.js';
import type { ProfessorRow } from './professors.repository.js';
import {
  deleteProfessor,
  departmentExists,
  findProfessor,
  insertProfessor,
  listProfessors,
  updateProfessor,
} from './professors.repository.js';

const PROFESSOR = '교수 / professor';
const DEPARTMENT = '학과 / department';

function professorRowToProfessor(row: ProfessorRow): Professor {
  return {
    id: row.id,
    name: row.name,
    department: { id: row.department_id, code: row.department_code, name: row.department_name },
    sectionCount: Number(row.section_count ?? 0),
  };
}

function cleanName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw new AppError('VALIDATION_FAILED', '교수 이름이 비어 있습니다 / name is blank');
  return name;
}

export function createProfessorsService(deps: AppDeps) {
  const { db, clock } = deps;

  async function assertDepartment(trx: Trx, id: number): Promise<void> {
    if (!(await departmentExists(trx, id))) throw notFound(DEPARTMENT);
  }

  async function list(departmentId?: number): Promise<Professor[]> {
    return (await listProfessors(db, departmentId)).map(professorRowToProfessor);
  }

  async function get(id: number): Promise<Professor> {
    const row = await findProfessor(db, id);
    if (!row) throw notFound(PROFESSOR);
    return professorRowToProfessor(row);
  }

  async function create(input: CreateProfessorBody, actor: Actor): Promise<{ id: number }> {
    const name = cleanName(input.name);
    return inTransaction(db, async (trx) => {
      await assertDepartment(trx, input.departmentId);
      const id = await insertProfessor(trx, {
        departmentId: input.departmentId,
        name,
        createdAt: clock.now(),
      });
      await writeAudit(
        trx,
        actor,
        {
          action: 'professor.create',
          target: `professor:${id}`,
          detail: { departmentId: input.departmentId, name },
        },
        clock.now(),
      );
      return { id };
    });
  }

  async function update(id: number, input: UpdateProfessorBody, actor: Actor): Promise<Professor> {
    const patch: Updateable<ProfessorsTable> = {};
    if (input.name !== undefined) patch.name = cleanName(input.name);
    if (input.departmentId !== undefined) patch.department_id = input.departmentId;
    await inTransaction(db, async (trx) => {
      if (!(await findProfessor(trx, id))) throw notFound(PROFESSOR);
      if (input.departmentId !== undefined) await assertDepartment(trx, input.departmentId);
      await updateProfessor(trx, id, patch);
      await writeAudit(
        trx,
        actor,
        { action: 'professor.update', target: `professor:${id}`, detail: { ...input } },
        clock.now(),
      );
    });
    // Registration keeps sections with their professor's name in memory.
    deps.bus.publish('sections');
    return get(id);
  }

  async function remove(id: number, actor: Actor): Promise<void> {
    await inTransaction(db, async (trx) => {
      const professor = await findProfessor(trx, id);
      if (!professor) throw notFound(PROFESSOR);
      await deleteProfessor(trx, id);
      await writeAudit(
        trx,
        actor,
        {
          action: 'professor.delete',
          target: `professor:${id}`,
          detail: { name: professor.name, sectionsNowTba: Number(professor.section_count ?? 0) },
        },
        clock.now(),
      );
    });
    deps.bus.publish('sections');
  }

  return { list, get, create, update, remove };
}
