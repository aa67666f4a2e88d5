import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBinary, freePort, servicesRequired } from '../support/services.js';
import {
  CONTAINER_BASE_SCRIPT,
  DOCKERFILE,
  REPO_ROOT,
  containerBase,
  http,
  mustRun,
  runCommand,
  sleep,
  waitFor200,
} from './image-support.js';
import type { HttpAnswer, ImageFacts, PodmanFlags } from './image-support.js';

/**
 * deploy/docker/Dockerfile built for real with podman (on a local stand-in for node:24-slim, as no
 * image registry is reachable here) and run the way Kubernetes runs it: read-only root filesystem,
 * no capabilities, writes only to a mounted /data and a tmpfs /tmp, once as each role.
 */

const IMAGE = 'localhost/karina:test';
const MINUTE = 60_000;
// A build without cache downloads every dependency and compiles better-sqlite3: 4 min here on 2
// quiet cores, 7 with other work running; the margin is for a CI machine running other suites.
const BUILD_TIMEOUT_MS = 25 * MINUTE;
const BASE_IMAGE = 'docker.io/library/node:24-slim';
/**
 * What the Dockerfile adds on top of node:24-slim: the production node_modules (~45 MB, better-sqlite3
 * reduced to its .node file) and the built server and web app (~3 MB). 100 MB leaves room to grow
 * while catching the build stage leaking into the runtime one: all dependencies with the dev ones
 * are ~600 MB, g++ and make ~200 MB, the addon's sources and object files ~25 MB more.
 */
const MAX_ADDED_BYTES = 100 * 1024 * 1024;
const ROLES = ['student', 'sugang'] as const;
type Role = (typeof ROLES)[number];

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

function commitOfThisCheckout(): string {
  const git = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const sha = git.status === 0 ? git.stdout.trim() : '';
  return /^[0-9a-f]{40}$/.test(sha) ? sha : 'c0ffee0000000000000000000000000000000009';
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function loud(message: string): void {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! SKIPPING: ${message}\n${bar}\n`);
}

const missing = findBinary('podman') ? [] : ['podman (apt-get install podman runc debootstrap)'];
// The stand-in for node:24-slim comes from the machine's shared tools beside the checkout, not
// from a package .ci/run could install: without it the suite is skipped, loudly, in CI too.
const noBaseScript = !existsSync(CONTAINER_BASE_SCRIPT);
const SUITE = 'the container image (deploy/docker/Dockerfile) built and run with podman';
if (missing.length > 0) {
  if (servicesRequired()) {
    describe(SUITE, () => {
      it('has podman', () => {
        throw new Error(`KARINA_REQUIRE_SERVICES=1 but the image test needs ${missing.join(', ')}`);
      });
    });
  } else {
    loud(`the image test needs ${missing.join(', ')}`);
  }
}
if (noBaseScript) loud(`the image test needs ${CONTAINER_BASE_SCRIPT} (makes the node:24-slim stand-in)`);

interface Running {
  role: Role;
  name: string;
  dataDir: string;
  origin: string;
  metricsOrigin: string;
  commit: string;
}

describe.skipIf(missing.length > 0 || noBaseScript)(SUITE, () => {
  const commit = commitOfThisCheckout();
  const containers: string[] = [];
  const dirs: string[] = [];
  const running = new Map<Role, Running>();
  let flags: PodmanFlags = { global: [], build: [], run: [] };
  let facts: ImageFacts | undefined;
  let baseSize = 0;

  const podman = (args: readonly string[], timeoutMs = 2 * MINUTE) =>
    runCommand('podman', [...flags.global, ...args], { timeoutMs });
  const mustPodman = (args: readonly string[], timeoutMs = 2 * MINUTE) =>
    mustRun('podman', [...flags.global, ...args], { timeoutMs });

  /** A host folder for /data, owned as the image's user would need it (what an operator does). */
  function dataDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'karina-image-data-'));
    dirs.push(dir);
    const [uid = NaN, gid = uid] = (facts?.Config.User ?? '').split(':').map(Number);
    if (process.getuid?.() === 0 && uid > 0) chownSync(dir, uid, gid);
    else chmodSync(dir, 0o777);
    return dir;
  }

  /** The options Kubernetes' securityContext gives the pods, plus this machine's flags. */
  function lockedDown(dir: string): string[] {
    return [
      '--read-only',
      '--read-only-tmpfs=false',
      '--tmpfs',
      '/tmp:rw,mode=1777,size=64m',
      '--cap-drop=ALL',
      '--security-opt=no-new-privileges',
      ...flags.run,
      '--volume',
      `${dir}:/data`,
    ];
  }

  async function start(role: Role, dir: string): Promise<Running> {
    const [port, metricsPort] = [await freePort(), await freePort()];
    const name = `karina-image-test-${role}-${process.pid}`;
    await podman(['rm', '--force', name]);
    containers.push(name);
    // Host networking (this machine's flags), so each container gets ports of its own.
    await mustPodman([
      'run',
      '--detach',
      '--name',
      name,
      ...lockedDown(dir),
      '--env',
      `KARINA_SERVICE=${role}`,
      '--env',
      'KARINA_DEMO=off',
      '--env',
      `PORT=${port}`,
      '--env',
      `KARINA_METRICS_PORT=${metricsPort}`,
      IMAGE,
    ]);
    const origin = `http://127.0.0.1:${port}`;
    await waitFor200(
      `${origin}/readyz`,
      2 * MINUTE,
      async () =>
        (await podman(['inspect', '--format', '{{.State.Running}}', name])).stdout.trim() === 'true',
      async () => {
        const logs = await podman(['logs', name]);
        return `--- podman logs ${name}\n${logs.stdout}${logs.stderr}`;
      },
    );
    return { role, name, dataDir: dir, origin, metricsOrigin: `http://127.0.0.1:${metricsPort}`, commit };
  }

  function get(role: Role): Running {
    const r = running.get(role);
    if (!r) throw new Error(`the ${role} container did not start`);
    return r;
  }

  const login = (origin: string, username: string, password: string): Promise<HttpAnswer> =>
    http(`${origin}/student/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

  /** The role's page is the built web app (not the "not built" page), and its script loads. */
  async function expectWebApp(origin: string, page: string, assets: string): Promise<void> {
    const html = await http(`${origin}${page}`);
    expect(html.status).toBe(200);
    const script = html.body.match(new RegExp(`src="(${assets}[^"]+\\.js)"`))?.[1];
    expect(script, `a script under ${assets} in ${html.body.slice(0, 400)}`).toBeDefined();
    expect((await http(`${origin}${script ?? ''}`)).status).toBe(200);
  }

  /** A shell inside a fresh container of the image (not the entrypoint), for looking at its files. */
  const inImage = (script: string) =>
    mustPodman(['run', '--rm', ...flags.run, '--entrypoint', 'sh', IMAGE, '-c', script]);

  beforeAll(
    async () => {
      const started = Date.now();
      flags = await containerBase(15 * MINUTE);
      const baseMs = Date.now() - started;
      const built = await mustPodman(
        [
          'build',
          '--pull=never',
          ...flags.build,
          '--build-arg',
          `KARINA_BUILD_COMMIT=${commit}`,
          '--tag',
          IMAGE,
          '--file',
          DOCKERFILE,
          REPO_ROOT,
        ],
        BUILD_TIMEOUT_MS,
      );
      console.log(
        `image test: base image ready in ${Math.round(baseMs / 1000)} s, podman build in ${Math.round(built.ms / 1000)} s`,
      );
      const inspected = await mustPodman(['image', 'inspect', IMAGE]);
      facts = (JSON.parse(inspected.stdout) as ImageFacts[])[0];
      const base = await mustPodman(['image', 'inspect', BASE_IMAGE]);
      baseSize = (JSON.parse(base.stdout) as ImageFacts[])[0]?.Size ?? 0;
    },
    BUILD_TIMEOUT_MS + 16 * MINUTE,
  );

  afterAll(async () => {
    // The image stays: the next run (CI runs the suite twice) builds from its cached layers.
    for (const name of containers) await podman(['rm', '--force', '--time', '2', name]);
    for (const dir of dirs) {
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // Rootless podman leaves files owned by a sub-uid; the temp dir's cleanup takes them.
      }
    }
  }, 2 * MINUTE);

  it('is small, runs as a numeric non-root user and carries its version and commit (OCI labels)', () => {
    if (!facts) throw new Error('podman image inspect gave nothing');
    const { Config: config, Size: size } = facts;
    const added = size - baseSize;
    console.log(
      `image test: ${IMAGE} is ${mb(size)} MB: ${mb(baseSize)} MB of ${BASE_IMAGE} (here a local stand-in) + ${mb(added)} MB of Karina`,
    );
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThan(MAX_ADDED_BYTES);
    expect(config.User).toMatch(/^[0-9]+(:[0-9]+)?$/);
    expect(Number(config.User?.split(':')[0])).toBeGreaterThan(0);
    expect(config.Labels).toMatchObject({
      'org.opencontainers.image.title': 'karina',
      'org.opencontainers.image.version': VERSION,
      'org.opencontainers.image.revision': commit,
    });
    expect(config.Labels?.['org.opencontainers.image.source']).toMatch(/^https:\/\//);
    expect(config.Env).toEqual(
      expect.arrayContaining([
        `KARINA_BUILD_COMMIT=${commit}`,
        'KARINA_SERVICE=all',
        'KARINA_DB_URL=sqlite:/data/karina.db',
        'PORT=3000',
        'KARINA_METRICS_PORT=9464',
      ]),
    );
    expect(Object.keys(config.ExposedPorts ?? {}).sort()).toEqual(['3000/tcp', '9464/tcp']);
    expect(config.Entrypoint).toEqual(['node', 'apps/server/dist/main.js']);
    expect(config.Cmd).toEqual(['serve']);
    expect(config.StopSignal).toBe('SIGTERM');
  });

  it('holds the built server and web app, and no sources, tests, git history, dev dependencies or compilers', async () => {
    const mustExist = [
      'apps/server/dist/main.js',
      'apps/server/package.json',
      'packages/db/dist/index.js',
      'apps/web/dist/index.html',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/fastify/package.json',
    ];
    const mustNotExist = [
      'apps/server/src',
      'apps/server/test',
      'packages/db/src',
      'apps/web/src',
      'apps/web/e2e',
      'bench',
      'docs',
      'deploy',
      '.git',
      '.env',
      'reports',
      'data',
      'node_modules/vitest',
      'node_modules/typescript',
      'node_modules/vite',
      'node_modules/eslint',
      'node_modules/tsx',
      'node_modules/react',
      'node_modules/better-sqlite3/deps',
      '/usr/bin/g++',
      '/usr/bin/make',
    ];
    const { stdout } = await inImage(
      `cd /app; for p in ${mustExist.join(' ')}; do test -e "$p" || echo "missing $p"; done; ` +
        `for p in ${mustNotExist.join(' ')}; do test ! -e "$p" || echo "present $p"; done; ` +
        // TypeScript sources and declarations outside the dependencies, and tsc build info.
        `find /app -name node_modules -prune -o \\( -name '*.ts' -o -name '*.tsx' -o -name '*.tsbuildinfo' \\) -print`,
    );
    expect(stdout.trim().split('\n').filter(Boolean)).toEqual([]);
  });

  it('runs `migrate` as its arguments (a Kubernetes Job), against the mounted /data', async () => {
    const dir = dataDir();
    const { stdout } = await mustPodman([
      'run',
      '--rm',
      ...lockedDown(dir),
      '--env',
      'KARINA_DEMO=off',
      IMAGE,
      'migrate',
    ]);
    expect(stdout).toMatch(/applied 0001/);
    expect(stdout).toMatch(/up to date/);
    expect(existsSync(join(dir, 'karina.db'))).toBe(true);
    // Served next as the student role, which then finds nothing to apply.
    running.set('student', await start('student', dir));
  });

  it('refuses by default to serve demo students (shared password) beyond loopback, naming the choice', async () => {
    const port = await freePort();
    const refused = await podman([
      'run',
      '--rm',
      ...lockedDown(dataDir()),
      '--env',
      `PORT=${port}`,
      '--env',
      `KARINA_METRICS_PORT=${await freePort()}`,
      IMAGE,
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/KARINA_DEMO=off.*KARINA_DEMO_PUBLIC=on/s);
  });

  it('serves the sugang role read-only on SQLite: /readyz, the server time, no student routes', async () => {
    const sugang = await start('sugang', dataDir());
    running.set('sugang', sugang);
    const ready = JSON.parse((await http(`${sugang.origin}/readyz`)).body) as { service: string };
    expect(ready.service).toBe('sugang');
    expect((await http(`${sugang.origin}/sugang/api/time`)).status).toBe(200);
    await expectWebApp(sugang.origin, '/sugang/', '/sugang/assets/');
    expect((await login(sugang.origin, 'admin', 'wrong-password-1')).status).toBe(404);
  });

  it('serves the student role: logs in the bootstrap admin from the password file in /data, no sugang routes', async () => {
    const student = get('student');
    const ready = JSON.parse((await http(`${student.origin}/readyz`)).body) as { service: string };
    expect(ready.service).toBe('student');
    const file = join(student.dataDir, 'bootstrap-admin-password.txt');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const [user, password] = readFileSync(file, 'utf8').trim().split('\n');
    expect(user).toBe('admin');
    expect((await login(student.origin, 'admin', `${password ?? ''}x`)).status).toBe(401);
    expect((await login(student.origin, 'admin', password ?? '')).status).toBe(200);
    expect((await http(`${student.origin}/sugang/api/time`)).status).toBe(404);
    await expectWebApp(student.origin, '/', '/assets/');
  });

  it.each(ROLES)('%s: /metrics on the metrics port only, with the build commit', async (role) => {
    const r = get(role);
    const metrics = await http(`${r.metricsOrigin}/metrics`);
    expect(metrics.status).toBe(200);
    const info = metrics.body.split('\n').find((line) => line.startsWith('karina_build_info{'));
    expect(info).toContain(`commit="${r.commit}"`);
    expect(info).toContain(`version="${VERSION}"`);
    expect((await http(`${r.origin}/metrics`)).status).toBe(404);
  });

  it.each(ROLES)(
    '%s: runs as a non-root user and writes only to /data and /tmp (read-only root)',
    async (role) => {
      const r = get(role);
      const { stdout } = await mustPodman([
        'exec',
        r.name,
        'sh',
        '-c',
        'echo "uid $(id -u) pid1 $(stat -c %u /proc/1)"; ' +
          `echo "root $(awk '$2 == "/" { split($4, o, ","); print o[1] }' /proc/mounts)"; ` +
          'for d in / /app /var/tmp /tmp /data; do ' +
          '  if err=$(touch "$d/.probe" 2>&1); then rm -f "$d/.probe"; echo "$d writable"; ' +
          '  else case "$err" in *Read-only*) echo "$d read-only";; *) echo "$d $err";; esac; fi; ' +
          'done',
      ]);
      const lines = stdout.trim().split('\n');
      const [uid, pid1] = (lines[0] ?? '').match(/uid (\d+) pid1 (\d+)/)?.slice(1) ?? [];
      expect(Number(uid)).toBeGreaterThan(0);
      expect(pid1).toBe(uid);
      expect(lines.slice(1)).toEqual([
        'root ro',
        '/ read-only',
        '/app read-only',
        '/var/tmp read-only',
        '/tmp writable',
        '/data writable',
      ]);
    },
  );

  it('stops on `podman stop` (STOPSIGNAL SIGTERM): /readyz 503 while draining, then exit code 0', async () => {
    const r = get('sugang');
    const stopping = podman(['stop', '--time', '40', r.name], 2 * MINUTE);
    let drained: HttpAnswer | undefined;
    for (let i = 0; i < 40 && drained?.status !== 503; i++) {
      drained = await http(`${r.origin}/readyz`).catch(() => undefined);
      await sleep(100);
    }
    expect(drained?.status).toBe(503);
    expect((await stopping).code).toBe(0);
    const exit = await mustPodman(['inspect', '--format', '{{.State.ExitCode}}', r.name]);
    expect(exit.stdout.trim()).toBe('0');
  });
});
