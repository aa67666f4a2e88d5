import { connectDatabase, migrateToLatest } from '@karina/db';
import type { DialectName, KarinaDb } from '@karina/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { ensureBootstrapAdmin } from '../platform/bootstrap.js';
import { isUniqueViolation } from '../platform/db-errors.js';
import type { Db } from '../platform/transactions.js';
import { DEFAULT_SEED_OPTIONS } from '../seed/generate.js';
import { DEMO_STUDENT_PASSWORD, seedUniversity } from '../seed/seed.js';
import type { CliContext } from './io.js';
import { loadConfigOrFail, printBox, progressBar, say } from './io.js';

export const SERVE_HELP = `Usage: karina serve

Runs the HTTP server for KARINA_SERVICE (all | student | sugang) on PORT. On start it applies
pending migrations, creates the bootstrap admin "admin" (printing a generated password once when
KARINA_ADMIN_PASSWORD is unset) and, with KARINA_DEMO on, seeds a demo university into an empty
database. SIGTERM or SIGINT closes it gracefully; a second signal exits at once.`;

/** Creates the bootstrap admin; a generated password goes to stdout once, never to the logger. */
export async function bootstrapAdmin(
  db: Db,
  config: Readonly<Config>,
  ctx: CliContext,
  now: number,
): Promise<void> {
  let result: Awaited<ReturnType<typeof ensureBootstrapAdmin>>;
  try {
    result = await ensureBootstrapAdmin(db, config.adminPassword, now);
  } catch (error) {
    // Another process started at the same moment and created it first.
    if (isUniqueViolation(error)) return;
    throw error;
  }
  if (result.generatedPassword) {
    printBox(ctx.stdout, [
      `bootstrap admin: admin / ${result.generatedPassword} — shown once, change it`,
      'set KARINA_ADMIN_PASSWORD to choose it yourself',
    ]);
  }
}

/** Seeds the demo university when the database is empty; returns without a word otherwise. */
export async function seedDemo(db: Db, dialect: DialectName, ctx: CliContext, now: number): Promise<void> {
  const bar = progressBar(ctx.stderr);
  let result: Awaited<ReturnType<typeof seedUniversity>>;
  try {
    result = await seedUniversity(
      db,
      dialect,
      { ...DEFAULT_SEED_OPTIONS, now, studentPassword: DEMO_STUDENT_PASSWORD, ifNotEmpty: 'skip' },
      bar.update,
    );
  } catch (error) {
    if (isUniqueViolation(error)) return; // another process seeded it at the same moment
    throw error;
  } finally {
    bar.stop();
  }
  if (!result.seeded) return;
  const { counts } = result;
  const sample = result.students[0]?.studentNo ?? '(none)';
  say(
    ctx.stdout,
    `demo university seeded: ${counts.departments} departments, ${counts.students} students, ` +
      `${counts.sections} sections; 수강신청 is open for 14 days from now`,
  );
  say(
    ctx.stdout,
    `demo student login: any 학번, e.g. ${sample} / ${DEMO_STUDENT_PASSWORD} (shared by every demo student)`,
  );
}

function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? 'localhost' : host;
}

/** Resolves with the exit code once a signal has closed the server and the database. */
function untilShutdown(app: FastifyInstance, karina: KarinaDb, ctx: CliContext): Promise<number> {
  return new Promise((resolve) => {
    let closing = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) {
        say(ctx.stderr, `karina: ${signal} again, exiting without waiting`);
        process.exit(130);
      }
      closing = true;
      app.log.info({ signal }, 'shutting down: finishing in-flight requests');
      app
        .close()
        .then(() => karina.close())
        .then(
          () => resolve(0),
          (error: unknown) => {
            say(ctx.stderr, `karina: shutdown failed: ${String(error)}`);
            resolve(1);
          },
        )
        .finally(() => {
          process.off('SIGTERM', onSignal);
          process.off('SIGINT', onSignal);
        });
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

export async function serve(ctx: CliContext): Promise<number> {
  const config = loadConfigOrFail(ctx.env);
  const karina = connectDatabase(config.dbUrl, { poolSize: config.dbPoolSize });
  let app: FastifyInstance | undefined;
  try {
    const applied = await migrateToLatest(karina.db, karina.dialect);
    if (applied.length > 0)
      say(ctx.stdout, `karina: applied migrations ${applied.join(', ')} to ${karina.describe}`);
    await bootstrapAdmin(karina.db, config, ctx, Date.now());
    if (config.demo) await seedDemo(karina.db, karina.dialect, ctx, Date.now());
    app = await buildApp(config, { db: karina.db, dialect: karina.dialect });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app?.close();
    await karina.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  say(
    ctx.stdout,
    `karina: ${config.service} service on http://${displayHost(config.host)}:${port} ` +
      `(OpenAPI UI at /docs, database ${karina.describe})`,
  );
  return untilShutdown(app, karina, ctx);
}
