// @ts-check
/**
 * Mutation testing of the registration rules: `npm run mutation` (not part of CI; see
 * docs/mutation-testing.md for the score and how long a run takes).
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: [
    'apps/server/src/modules/enrollment/**/*.ts',
    'apps/server/src/modules/meetings/meetings.ts',
    'apps/server/src/modules/cart/**/*.ts',
    'apps/server/src/modules/periods/**/*.ts',
    'apps/server/src/platform/idempotency.ts',
    '!**/*.test.ts',
  ],
  coverageAnalysis: 'perTest',
  // A static mutant (a module-level value such as a TypeBox schema) needs every test file reloaded
  // for each mutant; skipping them makes a run fit a shared two-core machine. The report counts them.
  ignoreStatic: true,
  // Two cores shared with other work: more runners only queue on the CPU.
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
export default config;
