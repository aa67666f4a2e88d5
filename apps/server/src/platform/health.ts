import { allMigrations } from '@karina/db';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from './deps.js';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Shutdown has begun: /readyz answers 503 from now on, every answer asks its client to close
     * the connection, and requests are still served until the drain period ends.
     */
    startDraining(): void;
    readonly draining: boolean;
    /** What GET /readyz would answer right now, true for 200 (karina_ready in /metrics). */
    isReady(): Promise<boolean>;
  }
}

/**
 * What this build's schema needs, all applied (the database may be ahead: during a rolling deploy
 * a newer build migrates first, and its migrations only add). Once true it stays true.
 */
async function migrationsCurrent(deps: AppDeps): Promise<boolean> {
  const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(deps.db);
  const applied = new Set(rows.rows.map((r) => r.name));
  return Object.keys(allMigrations(deps.dialect)).every((name) => applied.has(name));
}

const notReady = (message: string) => ({ error: { code: 'NOT_READY', message } });

/**
 * GET /healthz: the process is alive and its event loop turns (nothing else, so a slow database
 * never gets a pod restarted). GET /readyz: ready for traffic: not shutting down, the database
 * answers, its migrations are this build's, and Redis answers when it is configured.
 */
export function installHealthRoutes(app: FastifyInstance, deps: AppDeps, service: string): void {
  let draining = false;
  let schemaCurrent = false;
  app.decorate('startDraining', () => {
    draining = true;
  });
  app.decorate('draining', {
    getter: () => draining,
  });
  // While draining, clients (the load balancer included) reconnect elsewhere after this answer.
  app.addHook('onSend', async (_request, reply) => {
    if (draining) void reply.header('connection', 'close');
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  /** Why this process is not ready right now (the failure, when one caused it), or undefined when it is. */
  async function unreadiness(): Promise<{ message: string; check?: string; error?: unknown } | undefined> {
    if (draining) return { message: 'shutting down' };
    try {
      await sql`select 1`.execute(deps.db);
    } catch (error) {
      return { message: 'database unreachable', check: 'database', error };
    }
    try {
      schemaCurrent ||= await migrationsCurrent(deps);
    } catch (error) {
      return { message: 'migrations unreadable', check: 'migrations', error };
    }
    if (!schemaCurrent) return { message: 'database migrations are behind this build (run karina migrate)' };
    try {
      await deps.bus.ping();
    } catch (error) {
      return { message: 'Redis unreachable', check: 'Redis', error };
    }
    return undefined;
  }
  app.decorate('isReady', async () => (await unreadiness()) === undefined);

  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const problem = await unreadiness();
    if (!problem) return { status: 'ready', service };
    if (problem.check) app.log.warn({ err: problem.error }, `readiness check failed: ${problem.check}`);
    return reply.status(503).header('retry-after', '1').send(notReady(problem.message));
  });
}
