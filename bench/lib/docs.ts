/**
 * Everything written from a run's JSON: the results under bench/results/ (JSON, Markdown table,
 * SVG chart) and docs/performance.md, whose targets are computed here from the figures, never
 * typed by hand.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDatabaseReport, formatRatio } from './report.js';
import type { BenchReport, DatabaseReport, ScenarioReport } from './report.js';

const DOCS = fileURLToPath(new URL('../../docs/performance.md', import.meta.url));
const QUEUE_RESULT = fileURLToPath(new URL('../results/waiting-room.json', import.meta.url));
/**
 * A 30,000-student opening takes minutes per database, so it is a run of its own
 * (`npm run bench -- --scenarios opening --students 30000`), which records itself here; the 30,000
 * target rows of docs/performance.md are read from it.
 */
export const LARGE_OPENING_STUDENTS = 30_000;
export const LARGE_OPENING_NAME = 'opening-30000';
const LARGE_OPENING_RESULT = fileURLToPath(new URL(`../results/${LARGE_OPENING_NAME}.json`, import.meta.url));

function largeOpening(): BenchReport | undefined {
  if (!existsSync(LARGE_OPENING_RESULT)) return undefined;
  return JSON.parse(readFileSync(LARGE_OPENING_RESULT, 'utf8')) as BenchReport;
}

/** The waiting room's own cost, from the last `npm run bench:queue` (its own run, its own command). */
function waitingRoomCost(): string {
  const missing =
    "The waiting room's own cost (10,000 waiting clients ≤ 25% of one core) is measured by\n" +
    '`npm run bench:queue`; no result is recorded in bench/results/waiting-room.json yet.';
  if (!existsSync(QUEUE_RESULT)) return missing;
  const r = JSON.parse(readFileSync(QUEUE_RESULT, 'utf8')) as {
    command?: string;
    students?: number;
    pollsPerSecond?: number;
    serverCpuPercentOfOneCore?: number;
    pollLatencyMs?: { p50?: number; p99?: number };
  };
  if (r.serverCpuPercentOfOneCore === undefined) return missing;
  const met = r.serverCpuPercentOfOneCore <= 25;
  return (
    `The waiting room's own cost, measured apart by \`${r.command ?? 'npm run bench:queue'}\` ` +
    `([bench/results/waiting-room.json](../bench/results/waiting-room.json)): ${fmt(r.students ?? 0)} ` +
    `waiting clients polling as told (${fmt(r.pollsPerSecond ?? 0)} polls/s, p50 ` +
    `${fmt(r.pollLatencyMs?.p50 ?? 0, 1)} ms, p99 ${fmt(r.pollLatencyMs?.p99 ?? 0, 1)} ms) cost the server ` +
    `**${fmt(r.serverCpuPercentOfOneCore, 1)}% of one core** — target ≤ 25%: **${met ? 'met' : 'not met'}**.`
  );
}
const LABELS = { sqlite: 'SQLite', mariadb: 'MariaDB' } as const;

export type Verdict = 'met' | 'not met' | 'not measured';

export interface TargetRow {
  target: string;
  database: string;
  measured: string;
  verdict: Verdict;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const find = (r: DatabaseReport, name: string): ScenarioReport | undefined =>
  r.scenarios.find((s) => s.scenario === name);
const verdict = (ok: boolean): Verdict => (ok ? 'met' : 'not met');
const check = (r: DatabaseReport, prefix: string) =>
  r.checks.filter((c) => c.name.startsWith(prefix)).every((c) => c.ok);

/** Issue 7 §2, each target computed exactly as stated from this run's figures. */
export function evaluateTargets(report: BenchReport): TargetRow[] {
  const rows: TargetRow[] = [];
  const add = (target: string, database: string, measured: string, v: Verdict) =>
    rows.push({ target, database, measured, verdict: v });
  for (const r of report.results) {
    const db = LABELS[r.database];
    const missing = (target: string) => add(target, db, 'scenario not run', 'not measured');
    const uncontended = find(r, 'uncontended');
    const uTarget = r.database === 'sqlite' ? 0.25 : 0.15;
    const uName = `uncontended ≥ ${uTarget}× baseline`;
    if (uncontended) {
      add(
        uName,
        db,
        `${formatRatio(uncontended.ratioToBaseline)} (${fmt(uncontended.requestsPerSecond)} req/s)`,
        verdict(uncontended.ratioToBaseline >= uTarget),
      );
    } else missing(uName);

    const full = find(r, 'full');
    if (full) {
      add(
        'full ≥ 0.7× baseline',
        db,
        `${formatRatio(full.ratioToBaseline)} (${fmt(full.requestsPerSecond)} req/s)`,
        verdict(full.ratioToBaseline >= 0.7),
      );
    } else missing('full ≥ 0.7× baseline');

    const hot = find(r, 'hot');
    if (hot) {
      const winners = hot.finalOutcomes?.['201'] ?? 0;
      const serverErrors = r.checks.find((c) => c.name.startsWith('hot: 0 server errors'));
      add(
        `hot: exactly ${report.options.capacity} winners, 0 server errors`,
        db,
        `${winners} winners, ${serverErrors?.detail ?? '?'} server errors`,
        verdict(winners === report.options.capacity && (serverErrors?.ok ?? false) && check(r, 'hot:')),
      );
      const slowest = hot.studentLatencyMs?.max ?? Number.POSITIVE_INFINITY;
      add(
        'hot: every student answered within 5 s',
        db,
        `slowest ${fmt(slowest)} ms`,
        verdict(slowest <= 5000),
      );
      if (uncontended && uncontended.requestsPerSecond > 0) {
        const bound = 2 * (report.options.hotStudents / uncontended.requestsPerSecond) * 1000;
        add(
          `hot: last answered within 2 × (${fmt(report.options.hotStudents)} ÷ uncontended rate)`,
          db,
          `${fmt(hot.lastAnsweredMs ?? 0)} ms (bound ${fmt(bound)} ms)`,
          verdict((hot.lastAnsweredMs ?? Number.POSITIVE_INFINITY) <= bound),
        );
      }
    } else missing('hot');

    const openingTargets: [number, number][] = [
      [10_000, 30],
      [LARGE_OPENING_STUDENTS, 60],
    ];
    for (const [n, seconds] of openingTargets) {
      const name = `opening: ${fmt(n)} × 6 all answered within ${seconds} s, 0 5xx, no seat over capacity`;
      // This run if it had n students, else the recorded run of its own for the large one.
      const separate =
        n === LARGE_OPENING_STUDENTS && report.options.students !== n ? largeOpening() : undefined;
      const source = separate ?? report;
      const from = separate?.results.find((x) => x.database === r.database);
      const students = source.options.students;
      const opening = find(from ?? r, 'opening');
      if (!opening || students !== n) {
        add(name, db, opening ? `run had ${fmt(students)} students` : 'scenario not run', 'not measured');
        continue;
      }
      const last = (opening.lastAnsweredMs ?? 0) / 1000;
      const queue = opening.queue?.present ? 'through the waiting room' : 'no waiting room on this build';
      const where = separate
        ? ` (separate run of ${separate.date.slice(0, 10)}: [bench/results/${LARGE_OPENING_NAME}.json](../bench/results/${LARGE_OPENING_NAME}.json), peak RSS ${fmt(opening.server?.peakRssMiB ?? 0)} MiB)`
        : '';
      const checksOk = check(from ?? r, 'opening:');
      add(
        name,
        db,
        `last answer after ${fmt(last, 1)} s, ${queue}${where}`,
        verdict(last <= seconds && checksOk),
      );
    }
    const openings = [
      { students: report.options.students, s: find(r, 'opening') },
      ...(report.options.students === LARGE_OPENING_STUDENTS
        ? []
        : [
            {
              students: LARGE_OPENING_STUDENTS,
              s: ((): ScenarioReport | undefined => {
                const large = largeOpening()?.results.find((x) => x.database === r.database);
                return large ? find(large, 'opening') : undefined;
              })(),
            },
          ]),
    ].filter((o) => o.s?.server);
    if (openings.length > 0) {
      const peak = Math.max(...openings.map((o) => o.s?.server?.peakRssMiB ?? 0));
      add(
        'server RSS ≤ 512 MiB throughout opening',
        db,
        openings
          .map((o) => `${fmt(o.students)} students: peak ${fmt(o.s?.server?.peakRssMiB ?? 0)} MiB`)
          .join('; '),
        verdict(peak <= 512),
      );
    } else missing('server RSS ≤ 512 MiB throughout opening');

    const overload = find(r, 'overload');
    if (overload && uncontended) {
      const saturation = uncontended.requestsPerSecond;
      const goodput = overload.goodputPerSecond ?? 0;
      add(
        'overload: ≥ 90% of the saturation goodput completes',
        db,
        `${fmt(goodput)} 201/s at ${fmt(overload.rate ?? 0)} offered/s = ${fmt((goodput / saturation) * 100)}% of ${fmt(saturation)}`,
        verdict(goodput >= 0.9 * saturation),
      );
      const refused = overload.refused ?? 0;
      const p99 = overload.refusedLatencyMs?.p99 ?? 0;
      add(
        'overload: the excess answered (429/503 + Retry-After) within 50 ms',
        db,
        refused > 0
          ? `${fmt(refused)} refused, p99 ${fmt(p99)} ms, max ${fmt(overload.refusedLatencyMs?.max ?? 0)} ms`
          : `nothing refused: every request queued (p99 ${fmt(overload.latencyMs.p99)} ms, ${fmt(overload.errors)} without an answer)`,
        verdict(refused > 0 && p99 <= 50),
      );
    } else missing('overload');

    if (r.database === 'mariadb') {
      const pu = find(r, 'processes: uncontended');
      const ph = find(r, 'processes: hot');
      if (pu && uncontended) {
        const ratio = pu.requestsPerSecond / uncontended.requestsPerSecond;
        add(
          'processes: 2 processes ≥ 1.6× one process’s uncontended rate',
          db,
          `${fmt(pu.requestsPerSecond)} vs ${fmt(uncontended.requestsPerSecond)} req/s = ${ratio.toFixed(2)}×`,
          verdict(ratio >= 1.6),
        );
      } else missing('processes: 2 processes ≥ 1.6× one process’s uncontended rate');
      if (ph) {
        const winners = ph.finalOutcomes?.['201'] ?? 0;
        add(
          `processes: one hot race, exactly ${report.options.capacity} winners across both`,
          db,
          `${winners} winners; ${Object.entries(ph.served ?? {})
            .map(([k, v]) => `${k} served ${fmt(v)}`)
            .join(', ')}`,
          verdict(winners === report.options.capacity && check(r, 'processes:')),
        );
      } else missing('processes: one hot race across both');
    }
  }
  return rows;
}

function targetTable(rows: TargetRow[]): string {
  return [
    '| target | database | measured | verdict |',
    '| ------ | -------- | -------- | ------- |',
    ...rows.map((t) => `| ${t.target} | ${t.database} | ${t.measured} | **${t.verdict}** |`),
  ].join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Bars of req/s relative to the same run's baseline, one group per database; hand-written SVG. */
export function chartSvg(report: BenchReport): string {
  const rowHeight = 22;
  const left = 190;
  const width = 760;
  const barWidth = width - left - 120;
  const lines: string[] = [];
  let y = 40;
  const max = Math.max(1, ...report.results.flatMap((r) => r.scenarios.map((s) => s.ratioToBaseline)));
  for (const r of report.results) {
    lines.push(
      `<text x="10" y="${y}" font-weight="bold">${esc(`${LABELS[r.database]} (${r.engine})`)}</text>`,
    );
    y += 10;
    for (const s of r.scenarios) {
      const w = Math.max(1, (s.ratioToBaseline / max) * barWidth);
      const colour = s.scenario.includes('baseline')
        ? '#9e9e9e'
        : s.scenario.startsWith('processes')
          ? '#7b1fa2'
          : '#1565c0';
      lines.push(
        `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${esc(s.scenario)}</text>`,
        `<rect x="${left}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${colour}"/>`,
        `<text x="${(left + w + 6).toFixed(1)}" y="${y + 15}">${esc(`${formatRatio(s.ratioToBaseline)} · ${fmt(s.requestsPerSecond)}/s`)}</text>`,
      );
      y += rowHeight;
    }
    y += 24;
  }
  const height = y + 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="14">${esc(`Responses per second relative to the same run's baseline (GET /sugang/api/time), ${report.date.slice(0, 10)}`)}</text>`,
    ...lines,
    '</svg>',
    '',
  ].join('\n');
}

export function resultsMarkdown(report: BenchReport): string {
  return report.results
    .map((r) => `## ${LABELS[r.database]} (${r.engine})\n\n${formatDatabaseReport(r)}\n`)
    .join('\n');
}

/** name.json, name.md and name.svg in dir; returns their paths. */
export function writeResults(report: BenchReport, dir: string, name: string): string[] {
  const paths = [join(dir, `${name}.json`), join(dir, `${name}.md`), join(dir, `${name}.svg`)];
  writeFileSync(paths[0] ?? '', `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(paths[1] ?? '', resultsMarkdown(report));
  writeFileSync(paths[2] ?? '', chartSvg(report));
  return paths;
}

/** docs/performance.md from this run; returns its path. */
export function writeDocs(report: BenchReport): string {
  const targets = evaluateTargets(report);
  const m = report.machine;
  const flows = report.results
    .flatMap((r) =>
      r.scenarios
        .filter((s) => s.kind !== undefined)
        .map(
          (s) =>
            `| ${LABELS[r.database]} | ${s.scenario} | ${fmt(s.lastAnsweredMs ?? 0)} | ${fmt(s.studentLatencyMs?.p50 ?? 0)} | ${fmt(s.studentLatencyMs?.p99 ?? 0)} | ${fmt(s.studentLatencyMs?.max ?? 0)} | ${fmt(s.refused ?? 0)} | ${fmt(s.retries ?? 0)} | ${s.queue ? (s.queue.present ? `yes, ${fmt(s.queue.polls)} polls` : 'none (404)') : ''} |`,
        ),
    )
    .join('\n');
  const text = `# Performance: the opening second (issue 7)

Generated by \`npm run bench -- --write-docs\` from [bench/results/performance.json](../bench/results/performance.json)
on ${report.date}; do not edit by hand — run it again. How the benchmark works: [bench/README.md](../bench/README.md).

Reproduce: \`${report.command}\` (the whole run took ${(report.totalSeconds / 60).toFixed(1)} min).
${report.ok ? 'Every seat count and outcome check passed.' : '**Some seat count or outcome check FAILED: see the checks below.**'}

## Targets (issue 7 §2)

Ratios are to the \`baseline\` (\`GET /sugang/api/time\`) of the same run on the same database.

${targetTable(targets)}

${waitingRoomCost()}

![req/s relative to the baseline](../bench/results/performance.svg)

## Students' waits (flows)

Milliseconds from the instant the students were released until a student's last answer.

| database | scenario | last answered ms | p50 ms | p99 ms | max ms | 429/503 answers | retries | waiting room |
| -------- | -------- | ---------------: | -----: | -----: | -----: | --------------: | ------: | ------------ |
${flows}

## Every scenario

${resultsMarkdown(report)}

## Machine

${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GiB, ${m.platform}/${m.arch}, Node ${m.node}. ${report.note}
Options: ${JSON.stringify(report.options)}.
On a 2-core machine the load generators, the server, mariadbd (and haproxy and the second server in
\`processes\`) all share the same two cores, so absolute figures understate what the server would do
alone, and \`processes\` cannot show the gain of a second core the way a larger machine would.
`;
  writeFileSync(DOCS, text);
  return DOCS;
}
