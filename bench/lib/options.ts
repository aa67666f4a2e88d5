import { parseArgs } from 'node:util';
import { findBinary } from '../../apps/server/test/support/services.js';

export type BenchDatabase = 'sqlite' | 'mariadb';

export interface BenchOptions {
  databases: BenchDatabase[];
  students: number;
  capacity: number;
  connections: number;
  json: string | undefined;
}

export const USAGE = `Usage: npm run bench -- [options]

The opening second (수강신청 오픈): N students, one session each, all register for one hot section
of capacity C at once, over real HTTP on 127.0.0.1, compared with the server's floor (GET /sugang/api/time)
measured in the same run. Prints one table per database; exits 1 if any seat count is wrong.

Options:
  --db sqlite|mariadb|both  databases to run (default: both when mariadbd is installed, else sqlite)
  --students N              students, sessions and requests per scenario (default 3000)
  --capacity C              seats in the hot section (default 200)
  --connections K           concurrent HTTP connections (default 100)
  --json FILE               also write the results, machine and command as JSON to FILE
  -h, --help                show this help`;

export class UsageError extends Error {}

function wholeNumber(
  flag: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^[0-9]+$/.test(raw) || n < min || n > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

export function mariadbInstalled(): boolean {
  return findBinary('mariadbd') !== undefined && findBinary('mariadb-install-db') !== undefined;
}

/** undefined means --help was asked for. */
export function parseBenchOptions(argv: string[]): BenchOptions | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string' },
        students: { type: 'string' },
        capacity: { type: 'string' },
        connections: { type: 'string' },
        json: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) return undefined;
  const hasMariaDb = mariadbInstalled();
  let databases: BenchDatabase[];
  switch (values.db ?? (hasMariaDb ? 'both' : 'sqlite')) {
    case 'sqlite':
      databases = ['sqlite'];
      break;
    case 'mariadb':
      databases = ['mariadb'];
      break;
    case 'both':
      databases = ['sqlite', 'mariadb'];
      break;
    default:
      throw new UsageError(`--db must be sqlite, mariadb or both, got "${values.db}"`);
  }
  if (databases.includes('mariadb') && !hasMariaDb) {
    throw new UsageError(
      '--db mariadb needs mariadbd and mariadb-install-db (apt-get install mariadb-server)',
    );
  }
  const students = wholeNumber('students', values.students, 3000, 1, 200_000);
  return {
    databases,
    students,
    capacity: wholeNumber('capacity', values.capacity, 200, 1, 1_000_000),
    connections: wholeNumber('connections', values.connections, 100, 1, 1000),
    json: values.json,
  };
}

/** The command that reproduces this run. */
export function reproduceCommand(argv: string[]): string {
  const quoted = argv.map((a) => (/^[A-Za-z0-9_./:=-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`));
  return quoted.length > 0 ? `npm run bench -- ${quoted.join(' ')}` : 'npm run bench';
}
