import { describe, expect, it } from 'vitest';
import { isRetryableTransactionError } from './db-errors.js';

const mysqlError = (errno: number) => Object.assign(new Error(`errno ${errno}`), { errno, code: 'X' });

describe('which database errors run the transaction again', () => {
  it('deadlocks, lock wait timeouts, an AUTO-INC lock deadlock (1467) and a busy SQLite file', () => {
    for (const errno of [1213, 1205, 1467])
      expect(isRetryableTransactionError(mysqlError(errno)), String(errno)).toBe(true);
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT']) {
      expect(isRetryableTransactionError(Object.assign(new Error(code), { code })), code).toBe(true);
    }
  });

  it('not a constraint, a syntax error or anything else', () => {
    for (const errno of [1062, 1452, 1064])
      expect(isRetryableTransactionError(mysqlError(errno)), String(errno)).toBe(false);
    expect(isRetryableTransactionError(new Error('boom'))).toBe(false);
    expect(isRetryableTransactionError(undefined)).toBe(false);
  });
});
