import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The suites that exercise the mutated modules (enrollment, cart, periods, idempotency), on SQLite
 * only: no global setup, so no private mariadbd, and `mariadbUrl` is provided as null, which makes
 * testDatabaseKinds() return SQLite alone. Used by `npm run mutation` (stryker.config.mjs); the
 * normal suite (vitest.config.ts) still runs everything on both databases.
 */
export default defineConfig({
  resolve: {
    alias: {
      '@karina/db': fileURLToPath(new URL('./packages/db/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: [
      'apps/server/src/modules/enrollment/**/*.test.ts',
      'apps/server/src/modules/meetings/**/*.test.ts',
      'apps/server/test/registration/*.test.ts',
      'apps/server/test/admin/periods.test.ts',
      'apps/server/test/admin/period-overlap.test.ts',
      'apps/server/test/admin/sections.test.ts',
      'apps/server/test/cascades.test.ts',
    ],
    provide: { mariadbUrl: null },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
