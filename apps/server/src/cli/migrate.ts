import { allMigrations, connectDatabase, migrateToLatest } from '@karina/db';
import type { CliContext } from './io.js';
import { loadConfigOrFail, say } from './io.js';

export const MIGRATE_HELP = `Usage: karina migrate

Applies every pending migration to KARINA_DB_URL and prints which ran. Safe to run again: applied
migrations are skipped, and concurrent runs wait on Kysely's migration lock.`;

export async function migrate(ctx: CliContext): Promise<number> {
  const config = loadConfigOrFail(ctx.env);
  const karina = connectDatabase(config.dbUrl, { poolSize: 2 });
  try {
    const applied = await migrateToLatest(karina.db, karina.dialect);
    const known = Object.keys(allMigrations(karina.dialect)).length;
    if (applied.length === 0) {
      say(ctx.stdout, `${karina.describe}: already up to date (${known} migrations)`);
    } else {
      for (const name of applied) say(ctx.stdout, `applied ${name}`);
      say(ctx.stdout, `${karina.describe}: up to date (${known} migrations)`);
    }
    return 0;
  } finally {
    await karina.close();
  }
}
