interface DriverError {
  code?: unknown;
  errno?: unknown;
}

function codeOf(error: unknown): { code: string; errno: number } {
  const e = (error ?? {}) as DriverError;
  return { code: typeof e.code === 'string' ? e.code : '', errno: typeof e.errno === 'number' ? e.errno : 0 };
}

/** A unique or primary key was violated (MariaDB ER_DUP_ENTRY, SQLite CONSTRAINT_UNIQUE/PRIMARYKEY). */
export function isUniqueViolation(error: unknown): boolean {
  const { code, errno } = codeOf(error);
  return errno === 1062 || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** A foreign key was violated: a parent is missing, or a RESTRICT parent still has children. */
export function isForeignKeyViolation(error: unknown): boolean {
  const { code, errno } = codeOf(error);
  return errno === 1451 || errno === 1452 || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * Worth running the whole transaction again: a deadlock victim, a lock wait timeout, a busy SQLite
 * file. 1467 (ER_AUTOINC_READ_FAILED) is how InnoDB reports a deadlock or timeout while waiting for
 * a table's AUTO-INC lock, which an INSERT ... SELECT holds for the whole statement.
 */
export function isRetryableTransactionError(error: unknown): boolean {
  const { code, errno } = codeOf(error);
  return (
    errno === 1213 ||
    errno === 1205 ||
    errno === 1467 ||
    code === 'SQLITE_BUSY' ||
    code === 'SQLITE_BUSY_SNAPSHOT'
  );
}
