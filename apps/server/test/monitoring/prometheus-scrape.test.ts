import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONITOR_REFRESH_MS } from '../../src/modules/monitor/monitor.service.js';
import { createTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { makeDepartment, makePeriod, makeSection, makeStudents, makeSubject } from '../support/fixtures.js';
import {
  ALL_VALUES,
  RULES_FILE,
  alertClauses,
  alertingRules,
  dashboardQueries,
  loadDashboard,
  loadRuleGroups,
  missingBinaries,
  recordingRules,
  sleep,
  startPrivatePrometheus,
  substituteVariables,
} from './monitoring-files.js';
import type { RulesData, RunningPrometheus, VectorSample } from './monitoring-files.js';

/**
 * A real Prometheus scraping a real Karina and evaluating deploy/monitoring's rules, so every query
 * the dashboard and the rules make is known to find Karina's series by their real names and labels.
 *
 * Alert expressions are `<operand> <op> <number>` clauses joined by `and` (alertClauses in
 * monitoring-files.ts refuses anything else). A healthy server must not fire them, so the test
 * evaluates each operand on its own, where a missing series (a renamed metric, a label that is not
 * there) shows as an empty answer.
 */

const HOUR = 3_600_000;
const POD = 'karina-all-0';
const missing = missingBinaries('Prometheus scraping Karina (deploy/monitoring)', [
  { name: 'prometheus', install: 'apt-get install prometheus' },
]);

describe.skipIf(missing.length > 0)(
  'a private Prometheus scraping a Karina server with the rules loaded',
  () => {
    let t: TestApp | undefined;
    let prometheus: RunningPrometheus | undefined;
    let origin = '';
    const sent = { time: 0, sectionFull: 0 };
    let smallLabel = '';

    beforeAll(async () => {
      // KARINA_METRICS_PORT 0: a port of the system's choosing, read back from listenMetrics().
      t = await createTestApp('sqlite', { metricsPort: 0 });
      const db = t.karina.db;
      const dept = (await makeDepartment(db)).id;
      await makePeriod(db, { opensAt: t.clock.now() - HOUR, closesAt: t.clock.now() + HOUR });
      const students = await makeStudents(db, dept, 4);
      const tokens = await Promise.all(students.map((id) => t!.tokenFor('student', id)));
      const big = await makeSection(db, await makeSubject(db, dept), {
        capacity: 30,
        meetings: [['MON', '09:00', '10:30']],
      });
      const small = await makeSection(db, await makeSubject(db, dept), {
        capacity: 1,
        meetings: [['TUE', '09:00', '10:30']],
      });
      const subject = await db
        .selectFrom('sections')
        .innerJoin('subjects', 'subjects.id', 'sections.subject_id')
        .select(['subjects.code', 'sections.number'])
        .where('sections.id', '=', small)
        .executeTakeFirstOrThrow();
      smallLabel = `${subject.code}-${String(subject.number).padStart(2, '0')}`;
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      origin = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
      const metrics = await t.app.listenMetrics();
      if (!metrics) throw new Error('KARINA_METRICS_PORT was set, but no metrics listener opened');

      prometheus = await startPrivatePrometheus({
        job: 'karina',
        targets: [`127.0.0.1:${metrics.port}`],
        // What servicemonitors/*.yaml give every target: job, service, pod; and the series' own labels kept.
        targetLabels: { service: 'all', pod: POD },
        ruleFiles: [RULES_FILE],
        honorLabels: true,
      });
      await prometheus.waitForScrapes(Date.now(), 1, 1_000, 20_000);

      const call = async (method: string, path: string, token?: string, body?: unknown, key?: string) => {
        const res = await fetch(`${origin}${path}`, {
          method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(key ? { 'idempotency-key': key } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
        await res.arrayBuffer();
        return res.status;
      };
      const register = (student: number, sectionId: number, key?: string) =>
        call('POST', '/sugang/api/enrollments', tokens[student], { sectionId }, key);
      const time = async (times: number) => {
        for (let i = 0; i < times; i++) expect(await call('GET', '/sugang/api/time')).toBe(200);
        sent.time += times;
      };

      // Two bursts a scrape and a half apart, so every counter has moved between two scrapes and
      // every rate has something to say.
      expect(await register(0, big)).toBe(201);
      expect(await register(1, big)).toBe(201);
      expect(await register(0, small)).toBe(201);
      expect(await register(1, small)).toBe(409);
      sent.sectionFull++;
      expect(await call('POST', '/sugang/api/waitlist', tokens[1], { sectionId: small })).toBe(201);
      expect(await register(0, big)).toBe(409);
      expect(await call('POST', '/sugang/api/enrollments', tokens[0], { sectionId: big, extra: 1 })).toBe(
        400,
      );
      expect(await call('POST', '/sugang/api/enrollments', undefined, { sectionId: big })).toBe(401);
      expect(await call('GET', '/sugang/api/no-such-thing')).toBe(404);
      await time(5);
      await sleep(1_500);
      expect(await call('DELETE', `/sugang/api/enrollments/${big}`, tokens[1])).toBe(204);
      expect(await register(2, big, 'k-2')).toBe(201);
      expect(await register(2, big, 'k-2')).toBe(201);
      expect(await register(3, small)).toBe(409);
      sent.sectionFull++;
      expect(await call('GET', '/sugang/api/no-such-thing')).toBe(404);
      await time(5);
      // The seat gauges read the admin monitor's snapshot, shared for MONITOR_REFRESH_MS of the
      // app's clock: move the test's clock past it, as time passes on a real server.
      t.clock.advance(MONITOR_REFRESH_MS);

      const scraped = await prometheus.waitForScrapes(Date.now(), 2, 1_000, 15_000);
      await prometheus.waitForRuleEvaluation(scraped, 10_000);
    }, 60_000);

    afterAll(async () => {
      await prometheus?.stop();
      await t?.close();
    });

    /** Runs each expression; answers with those that failed or found no series, and why. */
    async function emptyOrFailing(exprs: { what: string; expr: string }[]): Promise<string[]> {
      const failures: string[] = [];
      for (const { what, expr } of exprs) {
        const r = await prometheus!.query(expr);
        if (r.status !== 'success')
          failures.push(`${what}: ${r.errorType ?? ''} ${r.error ?? ''}\n  ${expr}`);
        else if (r.data.result.length === 0) failures.push(`${what}: no series\n  ${expr}`);
      }
      return failures;
    }

    async function value(expr: string): Promise<VectorSample[]> {
      const r = await prometheus!.query(expr);
      expect(r.status, `${expr}: ${r.error ?? ''}`).toBe('success');
      return r.data.result;
    }

    it('has loaded every rule group of karina-rules.yaml and evaluates every rule without error', async () => {
      const groups = loadRuleGroups();
      const loaded = (await prometheus!.api<RulesData>('/api/v1/rules')).data.groups;
      expect(loaded.map((g) => g.name).sort()).toEqual(groups.map((g) => g.name).sort());
      for (const group of groups) {
        const rules = loaded.find((g) => g.name === group.name)?.rules ?? [];
        expect(rules.map((r) => r.name)).toEqual(group.rules.map((r) => ('alert' in r ? r.alert : r.record)));
        for (const r of rules)
          expect({ rule: r.name, health: r.health, lastError: r.lastError ?? '' }).toEqual({
            rule: r.name,
            health: 'ok',
            lastError: '',
          });
      }
    });

    it.each([
      ['every service and pod', ALL_VALUES],
      ['the service the server runs as', { ...ALL_VALUES, service: 'all' }],
      ['its one pod', { ...ALL_VALUES, service: 'all', pod: POD }],
    ])('answers every dashboard query with series, for %s', async (_case, values) => {
      const queries = dashboardQueries(loadDashboard()).map((q) => ({
        what: `${q.panel} ${q.refId}`,
        expr: substituteVariables(q.expr, values),
      }));
      expect(queries.length).toBeGreaterThan(20);
      expect(await emptyOrFailing(queries)).toEqual([]);
    });

    it('lists the service and the pod in the dashboard variables', async () => {
      const labels = async (label: string, match: string) =>
        (await prometheus!.api<string[]>(`/api/v1/label/${label}/values`, { 'match[]': match })).data;
      // label_values(karina_build_info, service) and label_values(karina_build_info{service=~"$service"}, pod)
      expect(await labels('service', 'karina_build_info')).toEqual(['all']);
      expect(await labels('pod', 'karina_build_info{service=~"all"}')).toEqual([POD]);
    });

    it('answers every recording rule, both its expression and the series it records', async () => {
      const records = recordingRules(loadRuleGroups());
      expect(records.length).toBeGreaterThan(5);
      expect(
        await emptyOrFailing(
          records.flatMap((r) => [
            { what: `${r.record} (expr)`, expr: r.expr },
            { what: r.record, expr: r.record },
          ]),
        ),
      ).toEqual([]);
    });

    it('answers every operand of every alert', async () => {
      const operands = alertingRules(loadRuleGroups()).flatMap((a) =>
        alertClauses(a.expr).map((c, i) => ({ what: `${a.alert} clause ${i + 1}`, expr: c.operand })),
      );
      expect(operands.length).toBeGreaterThanOrEqual(10);
      expect(await emptyOrFailing(operands)).toEqual([]);
    });

    it('fires no alert, and has none pending, while the server is healthy', async () => {
      const alerts = (
        await prometheus!.api<{ alerts: { labels: Record<string, string>; state: string }[] }>(
          '/api/v1/alerts',
        )
      ).data.alerts;
      expect(alerts.map((a) => `${a.labels.alertname ?? ''} ${a.state}`)).toEqual([]);
    });

    it('sees the traffic the test sent, through the names and labels the rules use', async () => {
      const one = async (expr: string) => {
        const result = await value(expr);
        expect(result, expr).toHaveLength(1);
        return Number(result[0]!.value[1]);
      };
      expect(
        await one(
          'sum(karina_http_requests_total{job="karina", route="/sugang/api/time", status_class="2xx"})',
        ),
      ).toBe(sent.time);
      expect(await one('sum(karina_registration_attempts_total{outcome="SECTION_FULL"})')).toBe(
        sent.sectionFull,
      );
      expect(await one('sum(karina_http_requests_total{route="unmatched", status_class="4xx"})')).toBe(2);
      // No 5xx was sent: the error ratio is a 0, not a missing series, once there is traffic.
      expect(await one('karina:http_5xx:ratio_rate5m{service="all"}')).toBe(0);
      expect(await one('sum(karina:http_requests:rate5m{service="all"})')).toBeGreaterThan(0);
      expect(await one('up{job="karina", service="all"}')).toBe(1);
      expect(await one('karina_ready{service="all"}')).toBe(1);
      expect(await one('sum(karina_idempotent_replays_total)')).toBe(1);
    });

    it('sees the seats the database holds, and the contested section with its wait-list', async () => {
      const one = async (expr: string) => Number((await value(expr))[0]?.value[1]);
      const seats = await t!.karina.db
        .selectFrom('sections')
        .select((eb) => [
          eb.fn.sum<number>('taken').as('taken'),
          eb.fn.sum<number>('capacity').as('capacity'),
        ])
        .executeTakeFirstOrThrow();
      expect(Number(seats.taken)).toBe(3);
      expect(await one('max(karina_seats_taken)')).toBe(Number(seats.taken));
      expect(await one('max(karina_seats_capacity)')).toBe(Number(seats.capacity));
      expect(await one(`max(karina_section_waitlist_length{section="${smallLabel}"})`)).toBe(1);
      expect(await one(`karina:seats:fill_ratio`)).toBeCloseTo(3 / 31, 10);
    });
  },
);
