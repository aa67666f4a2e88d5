/**
 * A spreadsheet runs a cell that starts with = + - @ (and, in some, tab or carriage return) as a
 * formula: a student named =HYPERLINK(...) would run in the registrar's Excel. OWASP's advice is
 * to prefix such cells with a single quote, which spreadsheets show as text; the name is stored as
 * given and neutralised only here, on the way out.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One RFC 4180 cell: quoted when it holds a comma, quote or line break, quotes doubled. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF as RFC 4180 says, with a final line break. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
