import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { parse } from 'yaml';
import { findBinary, freePort, servicesRequired, waitForExit } from '../support/services.js';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const MONITORING = join(ROOT, 'deploy/monitoring');
export const RULES_FILE = join(MONITORING, 'prometheus/karina-rules.yaml');
export const RULES_TEST_FILE = join(MONITORING, 'prometheus/karina-rules.test.yaml');
export const PROMETHEUS_RULE_FILE = join(MONITORING, 'prometheus/karina-rules.prometheusrule.yaml');
export const DASHBOARD_FILE = join(MONITORING, 'grafana/karina-dashboard.json');
export const RUNBOOK_FILE = join(MONITORING, 'RUNBOOK.md');
export const RUNBOOK_URL = 'https://github.com/karina-sugang/karina/blob/main/deploy/monitoring/RUNBOOK.md';

export function readYaml<T>(path: string): T {
  return parse(readFileSync(path, 'utf8')) as T;
}

export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
export interface RecordingRule {
  record: string;
  expr: string;
}
export type Rule = AlertingRule | RecordingRule;
export interface RuleGroup {
  name: string;
  rules: Rule[];
}

export function loadRuleGroups(): RuleGroup[] {
  return readYaml<{ groups: RuleGroup[] }>(RULES_FILE).groups;
}
export function alertingRules(groups: RuleGroup[]): AlertingRule[] {
  return groups.flatMap((g) => g.rules).filter((r): r is AlertingRule => 'alert' in r);
}
export function recordingRules(groups: RuleGroup[]): RecordingRule[] {
  return groups.flatMap((g) => g.rules).filter((r): r is RecordingRule => 'record' in r);
}

const COMPARISONS = ['>=', '<=', '==', '!=', '>', '<'] as const;

export interface AlertClause {
  operand: string;
  op: (typeof COMPARISONS)[number];
  threshold: number;
}

/**
 * The convention every alert expression follows, so a test can evaluate each part against a real
 * Prometheus: comparisons `<operand> <op> <number>` joined by `and` at the top level (outside
 * parentheses, brackets, braces and strings). Throws on anything else: `bool`, `or`, `unless`, a
 * comparison of two vectors, a threshold that is not a number.
 */
export function alertClauses(expr: string): AlertClause[] {
  return splitTopLevel(expr, /^and\b/).map((clause) => {
    const at = lastTopLevelComparison(clause);
    if (!at) throw new Error(`"${clause}" is not <operand> <op> <number>`);
    const operand = clause.slice(0, at.index).trim();
    const right = clause.slice(at.index + at.op.length).trim();
    if (!/^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/.test(right)) {
      throw new Error(`the threshold of "${clause}" is not a number: "${right}"`);
    }
    if (/\b(or|unless|bool)\b/.test(stripQuoted(operand)) || lastTopLevelComparison(operand)) {
      throw new Error(
        `the operand of "${clause}" must be one expression without or/unless/bool or another comparison`,
      );
    }
    return { operand, op: at.op, threshold: Number(right) };
  });
}

function stripQuoted(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
}

/** Calls visit(index, depth) for every character outside quotes. */
function scan(text: string, visit: (index: number, depth: number) => boolean | void): void {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (visit(i, depth) === false) return;
  }
}

function splitTopLevel(text: string, keyword: RegExp): string[] {
  const parts: string[] = [];
  let start = 0;
  scan(text, (i, depth) => {
    const before = i === 0 ? ' ' : text[i - 1]!;
    if (depth === 0 && /\s/.test(before) && keyword.test(text.slice(i))) {
      parts.push(text.slice(start, i));
      start = i + (keyword.exec(text.slice(i))?.[0].length ?? 0);
    }
  });
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

function lastTopLevelComparison(text: string): { index: number; op: AlertClause['op'] } | undefined {
  let found: { index: number; op: AlertClause['op'] } | undefined;
  let skipUntil = -1;
  scan(text, (i, depth) => {
    if (depth !== 0 || i < skipUntil) return;
    const op = COMPARISONS.find((candidate) => text.startsWith(candidate, i));
    // `=~` and `!~` only appear inside braces; a lone `=` is not PromQL at the top level.
    if (op) {
      found = { index: i, op };
      skipUntil = i + op.length;
    }
  });
  return found;
}

/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
export function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function markdownAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const line of markdown.split('\n')) {
    const m = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) anchors.add(githubAnchor(m[1]!));
  }
  return anchors;
}

export interface DashboardTarget {
  refId: string;
  expr: string;
  datasource?: { type?: string; uid?: string };
  format?: string;
  instant?: boolean;
}
export interface DashboardPanel {
  id: number;
  type: string;
  title?: string;
  datasource?: { type?: string; uid?: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: DashboardTarget[];
  panels?: DashboardPanel[];
}
export interface DashboardVariable {
  name: string;
  type: string;
  query?: string | { query?: string };
  datasource?: { type?: string; uid?: string };
  allValue?: string;
  includeAll?: boolean;
}
export interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: DashboardPanel[];
  templating: { list: DashboardVariable[] };
}

export function loadDashboard(): Dashboard {
  return JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8')) as Dashboard;
}

/** Every panel, those inside collapsed rows included. */
export function allPanels(dashboard: Dashboard): DashboardPanel[] {
  return dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
}

export function dashboardQueries(dashboard: Dashboard): { panel: string; refId: string; expr: string }[] {
  return allPanels(dashboard).flatMap((p) =>
    (p.targets ?? []).map((t) => ({ panel: p.title ?? `panel ${p.id}`, refId: t.refId, expr: t.expr })),
  );
}

export function variableQuery(variable: DashboardVariable): string | undefined {
  return typeof variable.query === 'string' ? variable.query : variable.query?.query;
}

/**
 * What Grafana would send for an expression with every template variable at a given value. Throws on
 * a variable it was not given, so a new variable cannot slip past the tests that run every query.
 */
export function substituteVariables(expr: string, values: Record<string, string>): string {
  return expr.replace(
    /\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]|\$(\w+)/g,
    (whole, a?: string, b?: string, c?: string) => {
      const name = a ?? b ?? c ?? '';
      const value = values[name];
      if (value === undefined) throw new Error(`no value for ${whole} in ${expr}`);
      return value;
    },
  );
}

/** The values the scrape test gives the dashboard's variables: all services and pods, and Grafana's defaults. */
export const ALL_VALUES: Record<string, string> = {
  service: '.*',
  pod: '.*',
  __rate_interval: '1m',
  __interval: '15s',
  __range: '1h',
};

/**
 * The binaries a suite needs and lacks. When one is missing the suite should skip and this says so
 * loudly; with KARINA_REQUIRE_SERVICES=1 it registers a failing test instead, so CI cannot pass by
 * skipping.
 */
export function missingBinaries(suite: string, needed: { name: string; install: string }[]): string[] {
  const missing = needed.filter((n) => !findBinary(n.name)).map((n) => `${n.name} (${n.install})`);
  if (missing.length === 0) return missing;
  const message = `${suite} needs ${missing.join(', ')}`;
  if (servicesRequired()) {
    describe(suite, () => {
      it('has its binaries', () => {
        throw new Error(`KARINA_REQUIRE_SERVICES=1 but ${message}`);
      });
    });
  } else {
    warnSkipping(message);
  }
  return missing;
}

export function warnSkipping(message: string): void {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! SKIPPING: ${message}\n${bar}\n`);
}

export function requiredBinary(name: string): string {
  const path = findBinary(name);
  if (!path) throw new Error(`${name} not found`);
  return path;
}

export interface PrometheusResponse<T> {
  status: 'success' | 'error';
  data: T;
  error?: string;
  errorType?: string;
}
export interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}
export interface RulesData {
  groups: {
    name: string;
    lastEvaluation: string;
    rules: {
      name: string;
      type: 'recording' | 'alerting';
      health: string;
      lastError?: string;
      state?: string;
    }[];
  }[];
}
export interface TargetsData {
  activeTargets: { health: string; lastScrape: string; lastError: string; labels: Record<string, string> }[];
}

export interface RunningPrometheus {
  origin: string;
  api<T>(path: string, params?: Record<string, string | string[]>): Promise<PrometheusResponse<T>>;
  query(expr: string): Promise<PrometheusResponse<{ resultType: string; result: VectorSample[] }>>;
  /** Resolves once every active target has been scraped, healthy, at least `scrapes` times after `since`. */
  waitForScrapes(since: number, scrapes: number, intervalMs: number, timeoutMs: number): Promise<number>;
  /** Resolves once every rule group has been evaluated after `since` (epoch ms). */
  waitForRuleEvaluation(since: number, timeoutMs: number): Promise<void>;
  log(): string;
  stop(): Promise<void>;
}

/**
 * A private Prometheus: its own config and data directory under the temp dir, its own port on
 * 127.0.0.1, scraping the given targets every second and evaluating the rule files every second.
 * Never touches a system Prometheus.
 */
export async function startPrivatePrometheus(options: {
  job: string;
  targets: string[];
  /** Labels every target gets, as a ServiceMonitor's relabelings give them. */
  targetLabels?: Record<string, string>;
  ruleFiles: string[];
  honorLabels: boolean;
}): Promise<RunningPrometheus> {
  const binary = requiredBinary('prometheus');
  const dir = mkdtempSync(join(tmpdir(), 'karina-prometheus-'));
  const port = await freePort();
  const config = {
    global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
    rule_files: options.ruleFiles,
    scrape_configs: [
      {
        job_name: options.job,
        honor_labels: options.honorLabels,
        metrics_path: '/metrics',
        static_configs: [{ targets: options.targets, labels: options.targetLabels ?? {} }],
      },
    ],
  };
  // JSON is YAML, and needs no quoting rules of its own.
  writeFileSync(join(dir, 'prometheus.yml'), JSON.stringify(config, null, 2));
  let output = '';
  const child: ChildProcess = spawn(
    binary,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=1h',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (chunk: Buffer) => {
    if (output.length < 20_000) output += chunk.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill('SIGTERM');
    await waitForExit(child, 10_000);
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await fetch(`${origin}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`private prometheus did not start\n${output}`);
    }
    await sleep(100);
  }

  async function api<T>(
    path: string,
    params: Record<string, string | string[]> = {},
  ): Promise<PrometheusResponse<T>> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    const query = body.toString();
    const res = await fetch(`${origin}${path}${query ? `?${query}` : ''}`);
    return (await res.json()) as PrometheusResponse<T>;
  }

  return {
    origin,
    api,
    query: (expr) => api('/api/v1/query', { query: expr }),
    async waitForScrapes(since, scrapes, intervalMs, timeoutMs) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const targets = (await api<TargetsData>('/api/v1/targets')).data.activeTargets;
        const scraped = targets.map((t) => ({ at: Date.parse(t.lastScrape), healthy: t.health === 'up' }));
        const oldest = Math.min(...scraped.map((s) => s.at));
        if (
          targets.length > 0 &&
          scraped.every((s) => s.healthy) &&
          oldest > since + (scrapes - 1) * intervalMs
        ) {
          return oldest;
        }
        if (Date.now() > until) {
          throw new Error(
            `targets not scraped ${scrapes} times after ${since}: ${JSON.stringify(targets)}\n${output}`,
          );
        }
        await sleep(100);
      }
    },
    async waitForRuleEvaluation(since, timeoutMs) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const groups = (await api<RulesData>('/api/v1/rules')).data.groups;
        if (groups.length > 0 && groups.every((g) => Date.parse(g.lastEvaluation) > since)) return;
        if (Date.now() > until)
          throw new Error(`rules not evaluated after ${since}: ${JSON.stringify(groups)}`);
        await sleep(100);
      }
    },
    log: () => output,
    stop,
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
