import { spawnSync } from 'node:child_process';
import { kustomizeCommand } from '../support/kustomize.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IProbe } from 'kubernetes-models/v1/Probe';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const K8S = join(ROOT, 'deploy/k8s');
export const OVERLAYS = ['local', 'prod'] as const;
export type Overlay = (typeof OVERLAYS)[number];

/** The two roles, as the shared names of issue 9 give them. */
export const ROLES = ['student', 'sugang'] as const;
export type Role = (typeof ROLES)[number];

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: unknown;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

export interface Rendered {
  status: number | null;
  output: string;
  objects: K8sObject[];
}

/** How to render a kustomization: the pinned `kustomize` devDependency (test/support/kustomize.ts). */
export function findRenderer(): string[] | undefined {
  return kustomizeCommand();
}

/** The rendered kustomization in dir, parsed. */
export function kustomize(renderer: string[], dir: string): Rendered {
  const [binary = '', ...args] = renderer;
  const r = spawnSync(binary, [...args, dir], { encoding: 'utf8', timeout: 60_000 });
  const output = `${r.stdout}${r.stderr}`;
  const objects =
    r.status === 0
      ? parseAllDocuments(r.stdout)
          .map((d) => d.toJS() as K8sObject | null)
          .filter((o): o is K8sObject => o !== null)
      : [];
  return { status: r.status, output, objects };
}

interface Model {
  validate(): void;
}
type ModelClass = new (data: never) => Model;

/**
 * The offline API schemas each rendered kind is checked against: kubernetes-models (the
 * Kubernetes OpenAPI schemas as JSON Schema) and its prometheus-operator package for the CRDs.
 * A kind missing here fails the test, so nothing is rendered unchecked.
 */
export const MODELS: Record<string, ModelClass> = {
  'apps/v1 Deployment': Deployment,
  'apps/v1 StatefulSet': StatefulSet,
  'autoscaling/v2 HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1 Job': Job,
  'networking.k8s.io/v1 Ingress': Ingress,
  'networking.k8s.io/v1 NetworkPolicy': NetworkPolicy,
  'policy/v1 PodDisruptionBudget': PodDisruptionBudget,
  'v1 ConfigMap': ConfigMap,
  'v1 Namespace': Namespace,
  'v1 Secret': Secret,
  'v1 Service': Service,
  'monitoring.coreos.com/v1 ServiceMonitor': ServiceMonitor,
  'monitoring.coreos.com/v1 PrometheusRule': PrometheusRule,
};

/** Throws the schema's complaint, prefixed with the object, when it does not validate. */
export function validateObject(object: K8sObject): void {
  const key = `${object.apiVersion} ${object.kind}`;
  const model = MODELS[key];
  if (!model) throw new Error(`no API schema for ${key} (${object.metadata.name})`);
  try {
    new model(object as never).validate();
  } catch (error) {
    throw new Error(`${key} ${object.metadata.name}: ${String(error)}`, { cause: error });
  }
}

export function byKind(objects: K8sObject[], kind: string): K8sObject[] {
  return objects.filter((o) => o.kind === kind);
}

export function named(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0] as K8sObject;
}

export interface PodTemplateOwner {
  object: K8sObject;
  pod: IPodSpec;
  podLabels: Record<string, string>;
}

/** Deployments, StatefulSets and Jobs with their pod templates. */
export function workloads(objects: K8sObject[]): PodTemplateOwner[] {
  return objects
    .filter((o) => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind))
    .map((object) => {
      const spec = object.spec as {
        template: { metadata?: { labels?: Record<string, string> }; spec: IPodSpec };
      };
      return { object, pod: spec.template.spec, podLabels: spec.template.metadata?.labels ?? {} };
    });
}

export function allContainers(pod: IPodSpec): IContainer[] {
  return [...(pod.initContainers ?? []), ...pod.containers];
}

/** Karina's own pods: the image's two roles and the migration Job. */
export function isKarina(owner: PodTemplateOwner): boolean {
  return owner.podLabels['app.kubernetes.io/name'] === 'karina';
}

export interface ImageRef {
  name: string;
  tag: string | undefined;
  digest: string | undefined;
}

export function parseImage(image: string): ImageRef {
  const [withoutDigest = '', digest] = image.split('@');
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  if (colon > slash) {
    return { name: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1), digest };
  }
  return { name: withoutDigest, tag: undefined, digest };
}

/** How long a preStop hook pauses, in seconds: the sleep action or `exec: sleep N`. */
export function preStopSeconds(container: IContainer): number | undefined {
  const preStop = container.lifecycle?.preStop;
  if (preStop?.sleep) return preStop.sleep.seconds;
  const command = preStop?.exec?.command ?? [];
  if (command.length === 2 && /(^|\/)sleep$/.test(command[0] ?? '')) return Number(command[1]);
  return undefined;
}

export function httpGet(probe: IProbe | undefined): { path?: string; port?: string | number } | undefined {
  return probe?.httpGet ? { path: probe.httpGet.path, port: probe.httpGet.port } : undefined;
}

/** The ConfigMap data a container sees through envFrom (kustomize renames it with a hash). */
export function configFor(objects: K8sObject[], container: IContainer): Record<string, string> {
  const data: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const name = source.configMapRef?.name;
    if (!name) continue;
    Object.assign(data, named(objects, 'ConfigMap', name).data ?? {});
  }
  return data;
}

/** The environment variables a container takes from Secrets: name -> "secret/key". */
export function secretEnv(container: IContainer): Record<string, string> {
  return Object.fromEntries(
    (container.env ?? [])
      .filter((e) => e.valueFrom?.secretKeyRef)
      .map((e) => [e.name, `${e.valueFrom?.secretKeyRef?.name}/${e.valueFrom?.secretKeyRef?.key}`]),
  );
}

/** The default of Terraform's vpc_cidr variable (deploy/terraform/variables.tf), if that file has one. */
export function terraformVpcCidr(): string | undefined {
  const file = join(ROOT, 'deploy/terraform/variables.tf');
  if (!existsSync(file)) return undefined;
  const block = /variable\s+"vpc_cidr"\s*\{([\s\S]*?)\n\}/.exec(readFileSync(file, 'utf8'))?.[1];
  return block ? /default\s*=\s*"([^"]+)"/.exec(block)?.[1] : undefined;
}

export function warnSkipping(message: string): void {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! SKIPPING: ${message}\n${bar}\n`);
}
