import { connectDatabase, migrateToLatest } from '@karina/db';
import { generatePassword } from '../platform/passwords.js';
import { DEFAULT_SEED_OPTIONS, MAX_DEPARTMENTS } from '../seed/generate.js';
import { createStudentSessions, seedUniversity, writeTokensCsv } from '../seed/seed.js';
import type { CliContext } from './io.js';
import { CliError, loadConfigOrFail, printBox, progressBar, say } from './io.js';

export const SEED_HELP = `Usage: karina seed [options]

Seeds a generated Korean university into KARINA_DB_URL in one transaction: departments with their
professors, subjects and sections (meetings on 30-minute steps, 09:00-18:00), notice-board posts,
a closed cart period, a registration period open for 14 days from now and an add/drop period
after it, and students. Every seeded student shares one random password, printed once.

Options:
  --students N       students to create (default ${DEFAULT_SEED_OPTIONS.students})
  --sections M       sections (분반) to create (default ${DEFAULT_SEED_OPTIONS.sections})
  --departments D    major departments, 1-${MAX_DEPARTMENTS}, plus 교양학부 (default ${DEFAULT_SEED_OPTIONS.departments})
  --seed S           random seed; the same seed gives the same names and timetables (default ${DEFAULT_SEED_OPTIONS.seed})
  --tokens-out FILE  also log every seeded student in and write studentNo,token lines to FILE
                     (mode 0600; tokens last KARINA_SESSION_TTL_HOURS) for rehearsals and load tests
  --reset            delete all domain data first (admins, the audit log and the registry of
                     issued codes stay, so no 학번 or code is ever reused)
  -h, --help         show this help`;

export interface SeedArgs {
  students?: string | undefined;
  sections?: string | undefined;
  departments?: string | undefined;
  seed?: string | undefined;
  'tokens-out'?: string | undefined;
  reset?: boolean | undefined;
}

function wholeNumber(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^[0-9]+$/.test(raw)) throw new CliError(`--${flag} must be a whole number, got "${raw}"`, 2);
  return Number(raw);
}

export async function seed(args: SeedArgs, ctx: CliContext): Promise<number> {
  const config = loadConfigOrFail(ctx.env);
  const options = {
    students: wholeNumber('students', args.students, DEFAULT_SEED_OPTIONS.students),
    sections: wholeNumber('sections', args.sections, DEFAULT_SEED_OPTIONS.sections),
    departments: wholeNumber('departments', args.departments, DEFAULT_SEED_OPTIONS.departments),
    seed: wholeNumber('seed', args.seed, DEFAULT_SEED_OPTIONS.seed),
  };
  const karina = connectDatabase(config.dbUrl, { poolSize: 2 });
  try {
    const applied = await migrateToLatest(karina.db, karina.dialect);
    if (applied.length > 0) say(ctx.stdout, `applied migrations ${applied.join(', ')}`);
    const studentPassword = generatePassword(16);
    const now = Date.now();
    const started = performance.now();
    const bar = progressBar(ctx.stderr);
    let result: Awaited<ReturnType<typeof seedUniversity>>;
    try {
      result = await seedUniversity(
        karina.db,
        karina.dialect,
        { ...options, now, studentPassword, ifNotEmpty: args.reset ? 'reset' : 'fail' },
        bar.update,
      );
    } finally {
      bar.stop();
    }
    if (!result.seeded) throw new CliError('nothing was seeded');
    const { counts } = result;
    say(
      ctx.stdout,
      `seeded ${karina.describe} in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
        `${counts.departments} departments, ${counts.professors} professors, ${counts.subjects} subjects, ` +
        `${counts.sections} sections (${counts.meetings} meetings), ${counts.periods} periods, ` +
        `${counts.posts} posts, ${counts.students} students (seed ${options.seed})`,
    );
    if (counts.students > 0) {
      printBox(ctx.stdout, [
        `every seeded student: <학번> / ${studentPassword} — shown once`,
        `e.g. ${result.students[0]?.studentNo ?? ''} / ${studentPassword}`,
      ]);
    }
    const tokensOut = args['tokens-out'];
    if (tokensOut !== undefined) {
      const tokenBar = progressBar(ctx.stderr);
      try {
        const tokens = await createStudentSessions(
          karina.db,
          result.students,
          { now, ttlMs: config.sessionTtlMs },
          tokenBar.update,
        );
        writeTokensCsv(tokensOut, tokens);
      } finally {
        tokenBar.stop();
      }
      say(
        ctx.stdout,
        `wrote ${result.students.length} student tokens to ${tokensOut} (mode 0600), ` +
          `valid for ${config.sessionTtlMs / 3_600_000} h`,
      );
    }
    return 0;
  } finally {
    await karina.close();
  }
}
