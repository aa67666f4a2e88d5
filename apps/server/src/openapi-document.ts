import { connectDatabase } from '@karina/db';
import { buildApp } from './app.js';
import { testConfig } from './config.js';
import { ERROR_CATALOG } from './platform/errors.js';
import type { ErrorCode } from './platform/errors.js';

/**
 * The OpenAPI document of a process serving every route, built from the routes themselves
 * without a database file or a listening socket: the web app generates its typed client from it.
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const karina = connectDatabase('sqlite::memory:');
  const app = await buildApp(testConfig({ dbUrl: 'sqlite::memory:', service: 'all' }), {
    db: karina.db,
    dialect: karina.dialect,
  });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await karina.close();
  }
}

/** Every error code the server can answer, in its catalog order. */
export function errorCodes(): ErrorCode[] {
  return Object.keys(ERROR_CATALOG) as ErrorCode[];
}
