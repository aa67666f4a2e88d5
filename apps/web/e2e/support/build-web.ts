import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Debian's chromium binary, or '' when it is not installed (the browser suites skip). */
    chromiumPath: string;
  }
}

const webRoot = fileURLToPath(new URL('../..', import.meta.url));

function findChromium(): string {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/**
 * Builds the web app the way `npm start` does (apps/web/dist, served by the real server in the
 * tests) and finds the browser. Without chromium the browser suites are skipped loudly, and
 * KARINA_REQUIRE_SERVICES=1 (CI) makes that a failure.
 */
export default async function setup(project: TestProject): Promise<void> {
  const chromium = findChromium();
  if (!chromium) {
    const message = 'chromium not found (Debian package `chromium`): the browser suites cannot run';
    if (process.env.KARINA_REQUIRE_SERVICES === '1') throw new Error(`${message}; KARINA_REQUIRE_SERVICES=1`);
    console.warn(
      `\n${'!'.repeat(80)}\n!! SKIPPING the browser (end-to-end) suites: ${message}\n${'!'.repeat(80)}\n`,
    );
    project.provide('chromiumPath', '');
    return;
  }
  if (process.env.KARINA_E2E_SKIP_BUILD !== '1') {
    // In a child process, as `npm run build` does: vitest's NODE_ENV=test would give a development React build.
    const vite = fileURLToPath(new URL('../../../../node_modules/vite/bin/vite.js', import.meta.url));
    execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: webRoot,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    });
  }
  project.provide('chromiumPath', chromium);
}
