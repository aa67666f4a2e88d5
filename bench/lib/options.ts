import { parseArgs } from 'node:util';
import { findBinary } from '../../apps/server/test/support/services.js';

export type BenchDatabase = 'sqlite' | 'mariadb';

export const SCENARIOS = [
  'catalog',
  'uncontended',
  'hot',
  'full',
  'overload',
  'opening',
  'processes',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface BenchOptions {
  databases: BenchDatabase[];
  /** Students in `opening` (and the number of students seeded, at least). */
  students: number;
  /** Students released at once on the hot section. */
  hotStudents: number;
  /** Requests per `uncontended` and `full` run. */
  requests: number;
  /** Seats in the hot section. */
  capacity: number;
  connections: number;
  /** Seconds of `overload`. */
  overloadSeconds: number;
  scenarios: Set<ScenarioName>;
  json: string | undefined;
  /** Write docs/performance.md and bench/results/performance.{json,svg} from this run. */
  writeDocs: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

The opening second (수강신청 오픈), issue 7: registrations over real HTTP on 127.0.0.1 against
\`karina serve\` in a child process, every figure next to the server's floor (GET /sugang/api/time)
measured in the same run. Prints one table per database; exits 1 if any seat count or outcome is wrong.

Scenarios: catalog, uncontended, hot, full, overload, opening, processes (MariaDB only).

Options:
  --db sqlite|mariadb|both  databases to run (default: both when mariadbd is installed, else sqlite)
  --scenarios a,b,c         run only these (baseline always runs; full needs hot, overload and
                            processes need uncontended, which are added)
  --students N              students in the opening, each with a 6-section cart (default 10000)
  --hot-students H          students released at once on the hot section (default 5000)
  --requests R              registrations per uncontended run, students in full (default 20000)
  --capacity C              seats in the hot section (default 40)
  --connections K           concurrent HTTP connections (default 100)
  --overload-seconds S      length of the overload run (default 20)
  --json FILE               also write the results, machine and command as JSON to FILE
  --write-docs              write docs/performance.md and bench/results/performance.{json,svg,md}
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
        'hot-students': { type: 'string' },
        requests: { type: 'string' },
        'overload-seconds': { type: 'string' },
        scenarios: { type: 'string' },
        'write-docs': { type: 'boolean' },
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
  const students = wholeNumber('students', values.students, 10_000, 1, 200_000);
  const scenarios = new Set<ScenarioName>();
  for (const raw of (values.scenarios ?? SCENARIOS.join(',')).split(',')) {
    const name = raw.trim();
    if (name === '' || name === 'baseline') continue;
    if (!(SCENARIOS as readonly string[]).includes(name)) {
      throw new UsageError(`--scenarios: unknown scenario "${name}" (known: ${SCENARIOS.join(', ')})`);
    }
    scenarios.add(name as ScenarioName);
  }
  if (scenarios.has('full')) scenarios.add('hot');
  if (scenarios.has('overload') || scenarios.has('processes')) scenarios.add('uncontended');
  return {
    databases,
    students,
    hotStudents: wholeNumber('hot-students', values['hot-students'], 5000, 1, 200_000),
    requests: wholeNumber('requests', values.requests, 20_000, 1, 200_000),
    capacity: wholeNumber('capacity', values.capacity, 40, 1, 1_000_000),
    connections: wholeNumber('connections', values.connections, 100, 1, 1000),
    overloadSeconds: wholeNumber('overload-seconds', values['overload-seconds'], 20, 1, 600),
    scenarios,
    json: values.json,
    writeDocs: values['write-docs'] ?? false,
  };
}

/** The command that reproduces this run. */
export function reproduceCommand(argv: string[]): string {
  const quoted = argv.map((a) => (/^[A-Za-z0-9_./:=-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`));
  return quoted.length > 0 ? `npm run bench -- ${quoted.join(' ')}` : 'npm run bench';
}
