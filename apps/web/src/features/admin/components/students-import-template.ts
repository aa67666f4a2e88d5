import { toCsvText } from './admin-csv';

/** The header POST /admin/api/students/import expects: the four required columns, then the optional ones. */
export const IMPORT_COLUMNS = [
  'name',
  'departmentCode',
  'entryYear',
  'year',
  'tel',
  'email',
  'birthDate',
] as const;

export function studentsImportTemplate(): string {
  return toCsvText([IMPORT_COLUMNS]);
}
