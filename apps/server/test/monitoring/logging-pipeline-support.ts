import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** Where the pipeline's files live, from the repository root. */
export const LOGGING_DIR = resolve(import.meta.dirname, '../../../../deploy/monitoring/logging');
export const FLUENT_BIT_DIR = join(LOGGING_DIR, 'fluent-bit');

// ---------------------------------------------------------------------------------------------
// Fluent Bit's classic configuration format, read as Fluent Bit reads it: `[SECTION]` headers,
// indented `Key Value` lines (keys case-insensitive, a key may repeat: Rule, Remove), `#` comment
// lines, `@SET NAME=value` variables and `@INCLUDE file` (relative to the including file).

export interface ConfigEntry {
  key: string;
  value: string;
}

export interface ConfigSection {
  /** Upper-cased: SERVICE, INPUT, FILTER, OUTPUT, PARSER, MULTILINE_PARSER. */
  kind: string;
  entries: ConfigEntry[];
  /** Where it was read, for messages. */
  origin: string;
}

export interface FluentBitConfig {
  sections: ConfigSection[];
  variables: Map<string, string>;
  files: string[];
}

const SECTION_KINDS = new Set([
  'SERVICE',
  'INPUT',
  'FILTER',
  'OUTPUT',
  'PARSER',
  'MULTILINE_PARSER',
  'CUSTOM',
]);

export function readFluentBitConfig(path: string): FluentBitConfig {
  const config: FluentBitConfig = { sections: [], variables: new Map(), files: [] };
  readInto(config, path, 0);
  return config;
}

function readInto(config: FluentBitConfig, path: string, depth: number): void {
  if (depth > 8) throw new Error(`@INCLUDE nested too deep at ${path}`);
  config.files.push(path);
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  let current: ConfigSection | undefined;
  let indent: string | undefined;
  lines.forEach((raw, index) => {
    const where = `${path}:${index + 1}`;
    const line = raw.trimEnd();
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (trimmed.startsWith('@SET ')) {
      const [name, ...rest] = trimmed.slice(5).split('=');
      if (!name || rest.length === 0) throw new Error(`${where}: @SET needs NAME=value`);
      config.variables.set(name.trim(), rest.join('=').trim());
      return;
    }
    if (trimmed.startsWith('@INCLUDE ')) {
      const target = trimmed.slice(9).trim();
      readInto(config, isAbsolute(target) ? target : join(dirname(path), target), depth + 1);
      current = undefined;
      return;
    }
    const header = /^\[([A-Za-z_]+)\]$/.exec(trimmed);
    if (header) {
      if (line !== trimmed) throw new Error(`${where}: a section header is not indented`);
      const kind = (header[1] ?? '').toUpperCase();
      if (!SECTION_KINDS.has(kind)) throw new Error(`${where}: unknown section [${header[1]}]`);
      current = { kind, entries: [], origin: where };
      config.sections.push(current);
      return;
    }
    if (!current) throw new Error(`${where}: "${trimmed}" is outside any section`);
    // Fluent Bit refuses a key that is not indented, or indented unlike the others in the file.
    const lead = /^\s+/.exec(line)?.[0];
    if (!lead) throw new Error(`${where}: a key must be indented under its section`);
    indent ??= lead;
    if (lead !== indent) throw new Error(`${where}: indentation differs from the rest of the file`);
    const match = /^(\S+)\s+(.*)$/.exec(trimmed);
    if (!match) throw new Error(`${where}: "${trimmed}" has no value`);
    current.entries.push({ key: match[1] ?? '', value: (match[2] ?? '').trim() });
  });
}

export function sectionsOf(config: FluentBitConfig, kind: string, name?: string): ConfigSection[] {
  return config.sections.filter(
    (s) =>
      s.kind === kind && (name === undefined || valueOf(s, 'Name')?.toLowerCase() === name.toLowerCase()),
  );
}

export function onlySection(config: FluentBitConfig, kind: string, name?: string): ConfigSection {
  const found = sectionsOf(config, kind, name);
  if (found.length !== 1) {
    throw new Error(`expected one [${kind}]${name ? ` named ${name}` : ''}, found ${found.length}`);
  }
  return found[0] as ConfigSection;
}

export function valueOf(section: ConfigSection, key: string): string | undefined {
  return section.entries.find((e) => e.key.toLowerCase() === key.toLowerCase())?.value;
}

export function valuesOf(section: ConfigSection, key: string): string[] {
  return section.entries.filter((e) => e.key.toLowerCase() === key.toLowerCase()).map((e) => e.value);
}

/** Fluent Bit's booleans: On/Off, true/false, yes/no, 1/0. */
export function isOn(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (['on', 'true', 'yes', '1'].includes(v)) return true;
  if (['off', 'false', 'no', '0'].includes(v)) return false;
  throw new Error(`"${value}" is not a Fluent Bit boolean`);
}

/** The `${NAME}` references in a value (resolved by Fluent Bit from @SET variables or the environment). */
export function variableReferences(value: string): string[] {
  return [...value.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1] ?? '');
}

/** A tag pattern as Fluent Bit matches it: `*` stands for any run of characters. */
export function tagMatches(pattern: string, tag: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`);
  return regex.test(tag);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Writes sections back in the classic format (for a test copy with some keys changed). */
export function renderFluentBitConfig(sections: readonly ConfigSection[]): string {
  return sections
    .map((s) => [`[${s.kind}]`, ...s.entries.map((e) => `    ${e.key} ${e.value}`)].join('\n'))
    .join('\n\n')
    .concat('\n');
}

/** Sets (or adds) one key of a section in a copy of it. */
export function withEntry(section: ConfigSection, key: string, value: string): ConfigSection {
  const entries = section.entries.filter((e) => e.key.toLowerCase() !== key.toLowerCase());
  return { ...section, entries: [...entries, { key, value }] };
}

// ---------------------------------------------------------------------------------------------
// The container runtime's side. containerd writes each stdout line as
//   <RFC 3339 time with nanoseconds> <stdout|stderr> <F|P> <the line>
// (P: a part of a line longer than its buffer, F: the last or only part); docker's json-file
// driver as {"log":"<the line>\n","stream":"stdout","time":"..."}. Fluent Bit's tail input reads
// both with its built-in multiline parsers `cri` and `docker`. This is the regex of the built-in
// `cri` one (fluent-bit src/multiline/flb_ml_parser_cri.c, FLB_ML_CRI_REGEX); the named groups
// become the record's keys and `time` (Time_Keep) stays in it as a string.
export const FLUENT_BIT_CRI_REGEX = '^(?<time>.+?) (?<stream>stdout|stderr) (?<_p>F|P) (?<log>.*)$';

/** A nanosecond RFC 3339 instant as containerd writes it, from epoch ms plus extra nanoseconds. */
export function runtimeTimestamp(epochMs: number, extraNanos: number): string {
  const iso = new Date(epochMs).toISOString(); // 2026-12-01T10:00:00.123Z
  return `${iso.slice(0, 23)}${String(extraNanos).padStart(6, '0')}Z`;
}

export function criLine(time: string, stream: 'stdout' | 'stderr', partial: 'F' | 'P', text: string): string {
  return `${time} ${stream} ${partial} ${text}`;
}

export function dockerLine(time: string, stream: 'stdout' | 'stderr', text: string): string {
  return JSON.stringify({ log: `${text}\n`, stream, time });
}

/** What the built-in `cri` multiline parser makes of the lines of one file (P parts joined). */
export function readCriLines(lines: readonly string[], regexSource: string): Record<string, unknown>[] {
  // The regex is Onigmo (Ruby) syntax in Fluent Bit; the named groups here are also valid in JS.
  const regex = new RegExp(regexSource);
  const records: Record<string, unknown>[] = [];
  let pending: { time: string; stream: string; log: string } | undefined;
  for (const line of lines) {
    const groups = regex.exec(line)?.groups;
    if (!groups) throw new Error(`not a CRI line: ${line.slice(0, 80)}`);
    const { time = '', stream = '', _p: partial = '', log = '' } = groups;
    pending = pending ? { ...pending, log: pending.log + log } : { time, stream, log };
    if (partial === 'F') {
      records.push({ time: pending.time, stream: pending.stream, _p: 'F', log: pending.log });
      pending = undefined;
    }
  }
  if (pending) throw new Error('a P part with no F after it');
  return records;
}

export function readDockerLines(lines: readonly string[]): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * The event time Fluent Bit reads from a runtime timestamp, in nanoseconds since the epoch. Its
 * strptime parses the fraction as a double (strtod of "0.123456789") and multiplies by 1e9 into
 * an integer, which truncates: .260002007 becomes .260002006. Emulated the same way, in the same
 * IEEE double arithmetic.
 */
export function runtimeNanos(time: string): bigint {
  const match = /^(.+T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:?\d\d)$/.exec(time);
  if (!match) throw new Error(`not an RFC 3339 time: ${time}`);
  const seconds = Date.parse(`${match[1]}${match[3]}`) / 1000;
  if (!Number.isFinite(seconds)) throw new Error(`not an RFC 3339 time: ${time}`);
  const fraction = Math.trunc(Number(`0.${match[2] ?? '0'}`) * 1_000_000_000);
  return BigInt(seconds) * 1_000_000_000n + BigInt(fraction);
}

/** How Fluent Bit's es output writes the event time under Time_Key (Time_Key_Nanos: 9 digits). */
export function esTimestamp(nanos: bigint, withNanos: boolean): string {
  const seconds = nanos / 1_000_000_000n;
  const fraction = nanos % 1_000_000_000n;
  const base = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return withNanos
    ? `${base}.${String(fraction).padStart(9, '0')}Z`
    : `${base}.${String(fraction / 1_000_000n).padStart(3, '0')}Z`;
}

/** The daily index Logstash_Format writes to: <prefix>-YYYY.MM.DD of the event time (UTC). */
export function logstashIndex(prefix: string, nanos: bigint): string {
  const day = new Date(Number(nanos / 1_000_000n)).toISOString().slice(0, 10).replace(/-/g, '.');
  return `${prefix}-${day}`;
}

/** Replace_Dots: dots in keys become underscores, at every depth. */
export function replaceDots(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(replaceDots);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/\./g, '_'), replaceDots(v)]));
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// The index template's mappings, flattened to dotted paths.

export interface MappedField {
  type: string;
  format?: string;
}

interface MappingNode {
  type?: string;
  format?: string;
  dynamic?: boolean | string;
  properties?: Record<string, MappingNode>;
  fields?: Record<string, MappingNode>;
}

export interface FlatMappings {
  fields: Map<string, MappedField>;
  /** Object paths under which unknown keys are not indexed (`dynamic: false`). */
  closedObjects: Set<string>;
}

export function flattenMappings(properties: Record<string, MappingNode>): FlatMappings {
  const flat: FlatMappings = { fields: new Map(), closedObjects: new Set() };
  const walk = (nodes: Record<string, MappingNode>, prefix: string) => {
    for (const [name, node] of Object.entries(nodes)) {
      const path = `${prefix}${name}`;
      if (node.properties || node.type === undefined || node.type === 'object') {
        flat.fields.set(path, { type: 'object' });
        if (node.dynamic === false || node.dynamic === 'false') flat.closedObjects.add(path);
        walk(node.properties ?? {}, `${path}.`);
        continue;
      }
      flat.fields.set(path, { type: node.type, ...(node.format ? { format: node.format } : {}) });
      for (const [sub, subNode] of Object.entries(node.fields ?? {})) {
        flat.fields.set(`${path}.${sub}`, { type: subNode.type ?? 'object' });
      }
    }
  };
  walk(properties, '');
  return flat;
}

/** Every leaf of a document as a dotted path (objects are walked, arrays are leaves). */
export function leaves(doc: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(doc).flatMap(([key, value]): [string, unknown][] =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? [[`${prefix}${key}`, value], ...leaves(value as Record<string, unknown>, `${prefix}${key}.`)]
      : [[`${prefix}${key}`, value]],
  );
}

const INTEGER_RANGES: Record<string, [number, number]> = {
  byte: [-128, 127],
  short: [-32_768, 32_767],
  integer: [-2_147_483_648, 2_147_483_647],
  long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/**
 * Why Elasticsearch would not take `value` into a field of this mapping as that type (undefined
 * when it would). Stricter than Elasticsearch where it would coerce: a number field gets a JSON
 * number, an epoch_millis date an integer, so a type that drifted in the server is caught here.
 */
export function typeProblem(field: MappedField, value: unknown): string | undefined {
  if (value === null) return undefined;
  const range = INTEGER_RANGES[field.type];
  if (range) {
    return typeof value === 'number' && Number.isInteger(value) && value >= range[0] && value <= range[1]
      ? undefined
      : `${JSON.stringify(value)} is not a ${field.type}`;
  }
  switch (field.type) {
    case 'float':
    case 'double':
    case 'half_float':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : `${JSON.stringify(value)} is not a number`;
    case 'keyword':
      // Elasticsearch would coerce a number too; a keyword the server writes is a string.
      return typeof value === 'string' ? undefined : `${JSON.stringify(value)} is not a keyword string`;
    case 'text':
      return typeof value === 'string' ? undefined : `${JSON.stringify(value)} is not text`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${JSON.stringify(value)} is not a boolean`;
    case 'object':
      return value && typeof value === 'object' && !Array.isArray(value)
        ? undefined
        : `${JSON.stringify(value)} is not an object`;
    case 'date':
    case 'date_nanos':
      return dateProblem(field, value);
    default:
      return `the test does not know the type ${field.type}`;
  }
}

function dateProblem(field: MappedField, value: unknown): string | undefined {
  const formats = (field.format ?? 'strict_date_optional_time||epoch_millis').split('||');
  const fits = formats.some((format) => {
    if (format === 'epoch_millis') {
      return (
        (typeof value === 'number' && Number.isInteger(value)) ||
        (typeof value === 'string' && /^\d+$/.test(value))
      );
    }
    if (format === 'strict_date_optional_time' || format === 'strict_date_optional_time_nanos') {
      return (
        typeof value === 'string' &&
        /^\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:\d\d)?)?$/.test(value) &&
        Number.isFinite(Date.parse(value.replace(/(\.\d{3})\d+/, '$1')))
      );
    }
    throw new Error(`the test does not know the date format ${format}`);
  });
  return fits ? undefined : `${JSON.stringify(value)} is not a date in ${formats.join('||')}`;
}

/** The JSON type Elasticsearch's dynamic mapping would pick for a value. */
export function dynamicKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'float';
  return typeof value;
}

// ---------------------------------------------------------------------------------------------
// Kibana: the field names a KQL query, a column list or a sort names.

export function kqlFields(query: string): string[] {
  const withoutStrings = query.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return [...withoutStrings.matchAll(/([A-Za-z_@][\w.@]*)\s*(?::|>=|<=|>|<)/g)].map((m) => m[1] ?? '');
}

// ---------------------------------------------------------------------------------------------
// A real Fluent Bit, where one is installed: FLUENT_BIT_BIN, `fluent-bit` on PATH, or the
// packages' /opt/fluent-bit/bin/fluent-bit.

export function findFluentBit(): string | undefined {
  const candidates = [process.env.FLUENT_BIT_BIN, '/opt/fluent-bit/bin/fluent-bit'];
  const which = spawnSync('which', ['fluent-bit'], { encoding: 'utf8' });
  if (which.status === 0) candidates.unshift(which.stdout.trim());
  return candidates.find((c): c is string => !!c && existsSync(c));
}

export function hasCommand(name: string): boolean {
  return spawnSync('which', [name], { encoding: 'utf8' }).status === 0;
}

/** A scratch directory removed by the returned function. */
export function scratchDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface BulkDocument {
  index: string;
  id: string | undefined;
  operation: string;
  source: Record<string, unknown>;
}

export interface FakeElasticsearch {
  port: number;
  caFile: string;
  documents: BulkDocument[];
  /** The Authorization header of every request. */
  authorizations: string[];
  paths: string[];
  close(): Promise<void>;
}

/**
 * Just enough of Elasticsearch for Fluent Bit's es output: HTTPS on 127.0.0.1 (a throwaway CA
 * made with openssl), POST /_bulk taking NDJSON and answering 201 for every document.
 */
export async function startFakeElasticsearch(dir: string): Promise<FakeElasticsearch> {
  const key = join(dir, 'es.key');
  const cert = join(dir, 'es.crt');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:127.0.0.1',
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr}`);
  const documents: BulkDocument[] = [];
  const authorizations: string[] = [];
  const paths: string[] = [];
  const server: Server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      paths.push(`${req.method} ${req.url}`);
      authorizations.push(req.headers.authorization ?? '');
      if (req.method !== 'POST' || !req.url?.startsWith('/_bulk')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      const lines = Buffer.concat(chunks)
        .toString('utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      const items: unknown[] = [];
      for (let i = 0; i + 1 < lines.length; i += 2) {
        const action = JSON.parse(lines[i] ?? '{}') as Record<string, { _index?: string; _id?: string }>;
        const [operation, meta] = Object.entries(action)[0] ?? ['', {}];
        documents.push({
          index: meta._index ?? '',
          id: meta._id,
          operation,
          source: JSON.parse(lines[i + 1] ?? '{}') as Record<string, unknown>,
        });
        items.push({ [operation]: { _index: meta._index, _id: meta._id, status: 201 } });
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ took: 1, errors: false, items }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    caFile: cert,
    documents,
    authorizations,
    paths,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface FluentBitRun {
  exitCode: number | null;
  output: string;
}

/** Runs Fluent Bit until `until()` holds or the time is up, then stops it (SIGTERM, its own pid). */
export async function runFluentBit(
  bin: string,
  args: readonly string[],
  env: Record<string, string>,
  until: () => boolean,
  timeoutMs: number,
): Promise<FluentBitRun> {
  const child = spawn(bin, args, {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const started = Date.now();
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (exitCode === undefined && !until() && Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (exitCode === undefined) {
    child.kill('SIGTERM');
    const stopped = await Promise.race([
      exited,
      new Promise<'late'>((r) => setTimeout(() => r('late'), 15_000)),
    ]);
    if (stopped === 'late') child.kill('SIGKILL');
    exitCode = stopped === 'late' ? null : stopped;
  }
  return { exitCode, output };
}

export function writeLines(path: string, lines: readonly string[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, lines.map((l) => `${l}\n`).join(''));
}

export function listFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

// ---------------------------------------------------------------------------------------------
// The pipeline of fluent-bit.conf, emulated from what the file says (not from what it should say):
// each step reads its keys from the parsed section, and a plugin or option the emulation does not
// know fails loudly, so a change to the config is either emulated here or noticed. Where a real
// Fluent Bit is installed, the test runs it on the same files and compares.

export interface PodFixture {
  namespace: string;
  name: string;
  uid: string;
  node: string;
  ip: string;
  labels: Record<string, string>;
  container: string;
  containerId: string;
  image: string;
}

export interface ContainerLogFile {
  pod: PodFixture;
  format: 'cri' | 'docker';
  lines: string[];
}

export interface EmulatedDocument {
  tag: string;
  index: string;
  source: Record<string, unknown>;
}

export function containerLogName(pod: PodFixture): string {
  return `${pod.name}_${pod.namespace}_${pod.container}-${pod.containerId}.log`;
}

/** The Pod as the API server answers for it: what the kubernetes filter reads labels from. */
export function podObject(pod: PodFixture): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: pod.name, namespace: pod.namespace, uid: pod.uid, labels: pod.labels },
    spec: { nodeName: pod.node, containers: [{ name: pod.container, image: pod.image }] },
    status: {
      podIP: pod.ip,
      containerStatuses: [
        { name: pod.container, image: pod.image, containerID: `containerd://${pod.containerId}` },
      ],
    },
  };
}

// The kubernetes filter's default Regex_Parser for the tag's tail (filter_kubernetes/kube_regex.h).
const KUBE_TAG_REGEX =
  /^(?<pod_name>[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*)_(?<namespace_name>[^_]+)_(?<container_name>.+)-(?<docker_id>[a-z0-9]{64})\.log$/;

type LogRecord = Record<string, unknown>;

interface Event {
  tag: string;
  nanos: bigint;
  record: LogRecord;
}

export function emulatePipeline(
  config: FluentBitConfig,
  parsers: FluentBitConfig,
  files: readonly ContainerLogFile[],
  logDir: string,
): EmulatedDocument[] {
  const pods = new Map(files.map((f) => [containerLogName(f.pod), f.pod]));
  const events: Event[] = [];
  for (const input of sectionsOf(config, 'INPUT')) {
    if (valueOf(input, 'Name')?.toLowerCase() !== 'tail')
      throw new Error(`input ${valueOf(input, 'Name')} not emulated`);
    const path = valueOf(input, 'Path') ?? '';
    const exclude = valueOf(input, 'Exclude_Path');
    const multiline = (valueOf(input, 'multiline.parser') ?? '').split(',').map((p) => p.trim());
    const tag = valueOf(input, 'Tag') ?? '';
    for (const file of files) {
      const full = join(logDir, containerLogName(file.pod));
      if (!tagMatches(path, full) || (exclude && tagMatches(exclude, full))) continue;
      if (!multiline.includes(file.format)) throw new Error(`the input reads no ${file.format} lines`);
      const records =
        file.format === 'cri' ? readCriLines(file.lines, FLUENT_BIT_CRI_REGEX) : readDockerLines(file.lines);
      // tail's `*` in Tag: the file's path with / turned into dots.
      const fileTag = tag.replace('*', full.replace(/^\//, '').replace(/\//g, '.'));
      for (const record of records) {
        events.push({ tag: fileTag, nanos: runtimeNanos(String(record.time)), record });
      }
    }
  }
  const filters = sectionsOf(config, 'FILTER');
  const outputs = sectionsOf(config, 'OUTPUT');
  const documents: EmulatedDocument[] = [];
  const route = (event: Event, depth: number): void => {
    if (depth > 4) throw new Error('a tag rewritten in a loop');
    let current: Event | undefined = event;
    for (const filter of filters) {
      if (!current) return;
      if (!tagMatches(valueOf(filter, 'Match') ?? '', current.tag)) continue;
      current = applyFilter(filter, current, parsers, pods, (emitted) => route(emitted, depth + 1));
    }
    if (!current) return;
    for (const output of outputs) {
      if (!tagMatches(valueOf(output, 'Match') ?? '', current.tag)) continue;
      const name = valueOf(output, 'Name')?.toLowerCase();
      if (name === 'null') continue;
      if (name !== 'es') throw new Error(`output ${name} not emulated`);
      documents.push(esDocument(output, current));
    }
  };
  for (const event of events) route(event, 0);
  return documents;
}

function applyFilter(
  filter: ConfigSection,
  event: Event,
  parsers: FluentBitConfig,
  pods: Map<string, PodFixture>,
  emit: (event: Event) => void,
): Event | undefined {
  const name = valueOf(filter, 'Name')?.toLowerCase() ?? '';
  const known = (keys: string[]) => {
    for (const e of filter.entries) {
      if (!['name', 'match', ...keys].includes(e.key.toLowerCase())) {
        throw new Error(`${name} option ${e.key} not emulated (${filter.origin})`);
      }
    }
  };
  switch (name) {
    case 'kubernetes': {
      // Kube_URL and the preload dir change where metadata comes from, not what a record gets.
      known([
        'kube_tag_prefix',
        'merge_log',
        'k8s-logging.parser',
        'k8s-logging.exclude',
        'labels',
        'annotations',
        'buffer_size',
        'kube_url',
        'kube_meta_preload_cache_dir',
      ]);
      if (isOn(valueOf(filter, 'Merge_Log')))
        throw new Error('Merge_Log On is not emulated: Karina lines are parsed by the parser filter');
      const prefix = valueOf(filter, 'Kube_Tag_Prefix') ?? 'kube.var.log.containers.';
      if (!event.tag.startsWith(prefix)) return event;
      const fromTag = KUBE_TAG_REGEX.exec(event.tag.slice(prefix.length))?.groups;
      const pod = pods.get(event.tag.slice(prefix.length));
      if (!fromTag || !pod) return event;
      const kubernetes: LogRecord = {
        pod_name: fromTag.pod_name,
        namespace_name: fromTag.namespace_name,
        pod_id: pod.uid,
        ...(isOn(valueOf(filter, 'Labels')) !== false ? { labels: pod.labels } : {}),
        host: pod.node,
        pod_ip: pod.ip,
        container_name: fromTag.container_name,
        docker_id: fromTag.docker_id,
        container_image: pod.image,
      };
      return { ...event, record: { ...event.record, kubernetes } };
    }
    case 'rewrite_tag': {
      known(['rule', 'emitter_name', 'emitter_storage.type', 'emitter_mem_buf_limit']);
      for (const rule of valuesOf(filter, 'Rule')) {
        const [accessor = '', pattern = '', newTag = '', keep = ''] = rule.split(/\s+/);
        const value = recordAccessor(event.record, accessor);
        if (typeof value !== 'string' || !new RegExp(pattern).test(value)) continue;
        emit({ ...event, tag: newTag.replace('$TAG', event.tag) });
        return isOn(keep) ? event : undefined;
      }
      return event;
    }
    case 'modify': {
      known(['remove']);
      const record = { ...event.record };
      for (const key of valuesOf(filter, 'Remove')) delete record[key];
      return { ...event, record };
    }
    case 'parser': {
      known(['key_name', 'parser', 'reserve_data', 'preserve_key']);
      const keyName = valueOf(filter, 'Key_Name') ?? '';
      const parser = onlySection(parsers, 'PARSER', valueOf(filter, 'Parser') ?? '');
      const raw = event.record[keyName];
      const parsed = typeof raw === 'string' ? parseWith(parser, raw) : undefined;
      if (!parsed) return event;
      const rest = Object.fromEntries(
        Object.entries(event.record).filter(([k]) => isOn(valueOf(filter, 'Preserve_Key')) || k !== keyName),
      );
      if (!isOn(valueOf(filter, 'Reserve_Data'))) return { ...event, record: parsed };
      // Fluent Bit appends the kept keys to the parsed ones without looking: a key in both would
      // be in the record twice, and Elasticsearch refuses a document with a duplicate field.
      const twice = Object.keys(rest).filter((k) => k in parsed);
      if (twice.length > 0) throw new Error(`the parser filter would write ${twice.join(', ')} twice`);
      return { ...event, record: { ...parsed, ...rest } };
    }
    default:
      throw new Error(`filter ${name} not emulated (${filter.origin})`);
  }
}

/** `$a['b']['c.d']` read from a record. */
function recordAccessor(record: LogRecord, accessor: string): unknown {
  const match = /^\$(\w+)((?:\['[^']+'\])*)$/.exec(accessor);
  if (!match) throw new Error(`record accessor ${accessor} not emulated`);
  const keys = [match[1] ?? '', ...[...(match[2] ?? '').matchAll(/\['([^']+)'\]/g)].map((m) => m[1] ?? '')];
  return keys.reduce<unknown>(
    (value, key) => (value && typeof value === 'object' ? (value as LogRecord)[key] : undefined),
    record,
  );
}

/** A json parser as Fluent Bit runs it: a JSON object or nothing; a Time_Format would need emulating. */
function parseWith(parser: ConfigSection, text: string): LogRecord | undefined {
  if (valueOf(parser, 'Format')?.toLowerCase() !== 'json')
    throw new Error(`parser format ${valueOf(parser, 'Format')} not emulated`);
  if (valueOf(parser, 'Time_Format') !== undefined)
    throw new Error('a Time_Format on the json parser is not emulated');
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as LogRecord) : undefined;
  } catch {
    return undefined;
  }
}

function esDocument(output: ConfigSection, event: Event): EmulatedDocument {
  const timeKey = valueOf(output, 'Time_Key') ?? '@timestamp';
  if (!isOn(valueOf(output, 'Logstash_Format')))
    throw new Error('an es output without Logstash_Format is not emulated');
  const source = {
    [timeKey]: esTimestamp(event.nanos, isOn(valueOf(output, 'Time_Key_Nanos')) === true),
    ...event.record,
  };
  return {
    tag: event.tag,
    index: logstashIndex(valueOf(output, 'Logstash_Prefix') ?? 'logstash', event.nanos),
    source: (isOn(valueOf(output, 'Replace_Dots')) ? replaceDots(source) : source) as LogRecord,
  };
}

// ---------------------------------------------------------------------------------------------
// Enough KQL to run the saved searches over documents: field : value (quoted, wildcard*, a lone *
// for "exists", a parenthesised or-list), field >= n, and/or/not, parentheses. Keyword fields
// compare whole values, text fields words, as Elasticsearch analyses them.

type Token = { kind: 'open' | 'close' | 'colon' | 'cmp' | 'quoted' | 'word'; text: string };

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\()|(\))|(>=|<=|>|<)|(:)|"((?:[^"\\]|\\.)*)"|([^\s():<>"]+))/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < query.length && (match = pattern.exec(query))) {
    if (match[1]) tokens.push({ kind: 'open', text: '(' });
    else if (match[2]) tokens.push({ kind: 'close', text: ')' });
    else if (match[3]) tokens.push({ kind: 'cmp', text: match[3] });
    else if (match[4]) tokens.push({ kind: 'colon', text: ':' });
    else if (match[5] !== undefined) tokens.push({ kind: 'quoted', text: match[5].replace(/\\(.)/g, '$1') });
    else if (match[6]) tokens.push({ kind: 'word', text: match[6] });
  }
  if (query.slice(pattern.lastIndex).trim() !== '')
    throw new Error(`KQL not understood near: ${query.slice(pattern.lastIndex)}`);
  return tokens;
}

type Predicate = (doc: Record<string, unknown>) => boolean;

export function kqlMatches(query: string, doc: Record<string, unknown>, mappings: FlatMappings): boolean {
  const tokens = tokenize(query);
  let at = 0;
  const peek = () => tokens[at];
  const isWord = (word: string) => peek()?.kind === 'word' && peek()?.text.toLowerCase() === word;
  const take = (kind: Token['kind']): Token => {
    const token = tokens[at++];
    if (token?.kind !== kind) throw new Error(`KQL: expected ${kind} in ${query}`);
    return token;
  };
  const orExpr = (): Predicate => {
    const parts = [andExpr()];
    while (isWord('or')) {
      at++;
      parts.push(andExpr());
    }
    return (d) => parts.some((p) => p(d));
  };
  const andExpr = (): Predicate => {
    const parts = [notExpr()];
    while (isWord('and')) {
      at++;
      parts.push(notExpr());
    }
    return (d) => parts.every((p) => p(d));
  };
  const notExpr = (): Predicate => {
    if (isWord('not')) {
      at++;
      const inner = notExpr();
      return (d) => !inner(d);
    }
    return primary();
  };
  const primary = (): Predicate => {
    if (peek()?.kind === 'open') {
      at++;
      const inner = orExpr();
      take('close');
      return inner;
    }
    const field = take('word').text;
    const type = mappings.fields.get(field)?.type;
    if (!type) throw new Error(`KQL: ${field} is not mapped`);
    if (peek()?.kind === 'cmp') {
      if (!['byte', 'short', 'integer', 'long', 'float', 'double', 'half_float'].includes(type)) {
        throw new Error(`KQL: ${field} is compared as a number but mapped as ${type}`);
      }
      const op = take('cmp').text;
      const bound = Number(take('word').text);
      return (d) => {
        const v = fieldValue(d, field, mappings);
        if (typeof v !== 'number') return false;
        return op === '>=' ? v >= bound : op === '<=' ? v <= bound : op === '>' ? v > bound : v < bound;
      };
    }
    take('colon');
    const values: Token[] = [];
    if (peek()?.kind === 'open') {
      at++;
      values.push(valueToken());
      while (isWord('or')) {
        at++;
        values.push(valueToken());
      }
      take('close');
    } else {
      values.push(valueToken());
    }
    return (d) => values.some((value) => valueMatches(type, fieldValue(d, field, mappings), value));
  };
  const valueToken = (): Token => {
    const token = tokens[at++];
    if (token?.kind !== 'quoted' && token?.kind !== 'word')
      throw new Error(`KQL: expected a value in ${query}`);
    return token;
  };
  const predicate = orExpr();
  if (at !== tokens.length) throw new Error(`KQL: trailing tokens in ${query}`);
  return predicate(doc);
}

/** A field's value in a document; a multi-field (msg.keyword) reads its parent's value. */
function fieldValue(doc: Record<string, unknown>, path: string, mappings: FlatMappings): unknown {
  const read = (p: string) =>
    p
      .split('.')
      .reduce<unknown>(
        (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
        doc,
      );
  const direct = read(path);
  if (direct !== undefined) return direct;
  const parent = path.replace(/\.[^.]+$/, '');
  return parent !== path && mappings.fields.get(parent)?.type !== 'object' ? read(parent) : undefined;
}

function valueMatches(type: string, actual: unknown, value: Token): boolean {
  if (actual === undefined || actual === null) return false;
  if (value.kind === 'word' && value.text === '*') return true;
  if (typeof actual !== 'string' && typeof actual !== 'number' && typeof actual !== 'boolean') return false;
  const text = String(actual);
  if (type === 'text') {
    const words = text.toLowerCase().split(/\W+/).filter(Boolean);
    const wanted = value.text.toLowerCase().split(/\W+/).filter(Boolean);
    return words.some((_, i) => wanted.every((w, j) => words[i + j] === w));
  }
  if (value.kind === 'word' && value.text.includes('*')) {
    return new RegExp(`^${value.text.split('*').map(escapeRegex).join('.*')}$`).test(text);
  }
  return text === value.text;
}
