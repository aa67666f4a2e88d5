import type { FlowResult, LoadResult } from './protocol.js';
import type { BenchDatabase } from './options.js';
import type { ServerUsage } from './server-process.js';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ScenarioReport extends LoadResult, Partial<Omit<FlowResult, keyof LoadResult>> {
  method: 'GET' | 'POST';
  path: string;
  /** Whether requests carried a student's bearer token (one student per request). */
  authenticated: boolean;
  /** requestsPerSecond / the baseline's requestsPerSecond in the same run. */
  ratioToBaseline: number;
  /** The server process(es) during this scenario: peak RSS (the largest one) and CPU (summed). */
  server?: ServerUsage & { processes: number };
  /** processes only: requests each backend answered, from haproxy's stats. */
  served?: Record<string, number>;
}

export interface DatabaseReport {
  database: BenchDatabase;
  engine: string;
  setupSeconds: number;
  sections: number;
  /** "baseline again" / "baseline" - 1: how much the machine's speed moved during this run. */
  baselineDrift: number;
  scenarios: ScenarioReport[];
  checks: Check[];
}

export interface BenchReport {
  benchmark: 'opening-second';
  date: string;
  command: string;
  /** Wall-clock seconds of the whole run, seeding included. */
  totalSeconds: number;
  options: {
    students: number;
    hotStudents: number;
    requests: number;
    capacity: number;
    connections: number;
    overloadSeconds: number;
    scenarios: string[];
    databases: BenchDatabase[];
  };
  machine: { cpus: number; cpuModel: string; node: string; platform: string; arch: string; memoryGb: number };
  note: string;
  ok: boolean;
  results: DatabaseReport[];
}

/** Beyond this, the two baselines of one run disagree enough to say so. */
export const DRIFT_WARNING = 0.2;

/** Two significant digits below 1 (0.044×), two decimals above: ratios here span 0.01× to 1×. */
export function formatRatio(ratio: number): string {
  return `${ratio >= 1 || ratio === 0 ? ratio.toFixed(2) : ratio.toPrecision(2)}×`;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatOutcomes(outcomes: Record<string, number>): string {
  return Object.entries(outcomes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k} ×${v}`)
    .join(', ');
}

/** A Markdown table (pastes straight into docs/benchmarks.md) and a bar per scenario. */
export function formatDatabaseReport(report: DatabaseReport): string {
  const header = [
    'scenario',
    'requests',
    'req/s',
    'p50 ms',
    'p99 ms',
    'max ms',
    'vs baseline',
    'RSS MiB',
    'CPU s',
    'outcomes',
  ];
  const rows = report.scenarios.map((s) => [
    s.scenario,
    fmt(s.requests),
    fmt(s.requestsPerSecond),
    fmt(s.latencyMs.p50),
    fmt(s.latencyMs.p99),
    fmt(s.latencyMs.max),
    formatRatio(s.ratioToBaseline),
    s.server ? fmt(s.server.peakRssMiB) : '',
    s.server ? fmt(s.server.cpuSeconds, 1) : '',
    formatOutcomes(s.outcomes) + (s.errors > 0 ? `, errors ×${s.errors}` : ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6, 7, 8]);
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (numeric.has(i) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  const table = [line(header), rule, ...rows.map(line)].join('\n');

  const maxRatio = Math.max(1, ...report.scenarios.map((s) => s.ratioToBaseline));
  const nameWidth = Math.max(...report.scenarios.map((s) => s.scenario.length));
  const bars = report.scenarios
    .map((s) => {
      const cells = Math.max(1, Math.round((s.ratioToBaseline / maxRatio) * 40));
      return `  ${s.scenario.padEnd(nameWidth)} ${'█'.repeat(cells)} ${formatRatio(s.ratioToBaseline)} (${fmt(s.requestsPerSecond)} req/s)`;
    })
    .join('\n');
  const drift = `${report.baselineDrift >= 0 ? '+' : ''}${(report.baselineDrift * 100).toFixed(0)}%`;
  const steadiness =
    Math.abs(report.baselineDrift) > DRIFT_WARNING
      ? `WARNING: the baseline moved ${drift} during this run (something else used the CPUs); ` +
        'treat ratios within that margin as equal, or run again on a quiet machine.'
      : `The baseline moved ${drift} between the start and the end of this run.`;
  const checks = report.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`).join('\n');
  return (
    `${table}\n\nreq/s relative to the baseline (GET /sugang/api/time) of this run:\n${bars}\n` +
    `${steadiness}\n\nchecks:\n${checks}`
  );
}
