/**
 * The stateful client, a child process of the benchmark like the autocannon one: it plays students
 * who follow a flow (waiting room, polling, six registrations, retry after Retry-After) that
 * autocannon cannot express, and an open-loop arrival rate. node:http with a keep-alive Agent.
 */
import { Agent, request } from 'node:http';
import type {
  FlowResult,
  FlowSpec,
  FromFlowClient,
  LatencySummary,
  LoadResult,
  ToFlowClient,
} from './protocol.js';

function send(message: FromFlowClient): void {
  process.send?.(message);
}

interface Answer {
  status: number;
  code: string | undefined;
  body: unknown;
  retryAfterMs: number | undefined;
  ms: number;
  timedOut: boolean;
}

export function summarize(values: number[]): LatencySummary {
  if (values.length === 0) return { mean: 0, p50: 0, p90: 0, p99: 0, max: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    mean: sum / sorted.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function outcomeKey(a: Answer): string {
  if (a.status === 0) return a.timedOut ? 'timeout' : 'connection error';
  const key = a.status < 400 || !a.code ? String(a.status) : `${a.status} ${a.code}`;
  return refusedStatus(a.status) && a.retryAfterMs === undefined ? `${key} (no Retry-After)` : key;
}

const definite = (a: Answer) => a.status === 201 || a.status === 409;
const refusedStatus = (status: number) => status === 429 || status === 503;

class Client {
  readonly agent: Agent;
  readonly outcomes: Record<string, number> = {};
  readonly latencies: number[] = [];
  readonly refusedLatencies: number[] = [];
  errors = 0;
  timeouts = 0;
  built = 0;
  done = 0;
  firstSentAt = Number.POSITIVE_INFINITY;
  lastAnswerAt = 0;

  constructor(
    readonly spec: FlowSpec,
    readonly origin: URL,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: spec.connections, scheduling: 'fifo' });
  }

  /**
   * One request. Its latency counts from when it got a socket (a request waiting for one of the
   * Agent's sockets is the client's queue, not the server's), or, in the open loop, from the
   * instant it was scheduled: there the user's wait is the point. The timeout also starts on the socket.
   */
  call(
    method: 'GET' | 'POST',
    path: string,
    token: string,
    body?: unknown,
    extra?: Record<string, string>,
    scheduledAt?: number,
  ): Promise<Answer> {
    this.built++;
    let sentAt = scheduledAt ?? performance.now();
    this.firstSentAt = Math.min(this.firstSentAt, sentAt);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve) => {
      let settled = false;
      const finish = (a: Omit<Answer, 'ms'>) => {
        if (settled) return;
        settled = true;
        const now = performance.now();
        const answer = { ...a, ms: now - sentAt };
        this.lastAnswerAt = Math.max(this.lastAnswerAt, now);
        this.done++;
        const key = outcomeKey(answer);
        this.outcomes[key] = (this.outcomes[key] ?? 0) + 1;
        if (a.status === 0) {
          this.errors++;
          if (a.timedOut) this.timeouts++;
        } else {
          this.latencies.push(answer.ms);
          if (refusedStatus(a.status)) this.refusedLatencies.push(answer.ms);
        }
        resolve(answer);
      };
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...extra };
      if (payload !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(Buffer.byteLength(payload));
      }
      const req = request(
        {
          host: this.origin.hostname,
          port: this.origin.port,
          method,
          path,
          agent: this.agent,
          headers,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            let parsed: unknown;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              parsed = undefined;
            }
            const code = (parsed as { error?: { code?: unknown } } | undefined)?.error?.code;
            const retryAfter = Number(res.headers['retry-after']);
            finish({
              status: res.statusCode ?? 0,
              code: typeof code === 'string' ? code : undefined,
              body: parsed,
              retryAfterMs: Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined,
              timedOut: false,
            });
          });
          res.on('error', () =>
            finish({ status: 0, code: undefined, body: undefined, retryAfterMs: undefined, timedOut: false }),
          );
        },
      );
      let timer: NodeJS.Timeout | undefined;
      req.once('socket', () => {
        if (scheduledAt === undefined) sentAt = performance.now();
        timer = setTimeout(() => {
          finish({ status: 0, code: undefined, body: undefined, retryAfterMs: undefined, timedOut: true });
          req.destroy();
        }, this.spec.timeoutSeconds * 1000);
      });
      req.on('close', () => clearTimeout(timer));
      req.on('error', () =>
        finish({ status: 0, code: undefined, body: undefined, retryAfterMs: undefined, timedOut: false }),
      );
      req.end(payload);
    });
  }

  /** Registers, trying again after 429/503 (as Retry-After says) or a lost connection, bounded. */
  async register(
    token: string,
    sectionId: number,
    admission: () => Promise<string | undefined>,
    counters: { retries: number },
  ): Promise<Answer> {
    let answer: Answer | undefined;
    for (let attempt = 0; attempt <= this.spec.maxRetries; attempt++) {
      const admissionToken = await admission();
      answer = await this.call(
        'POST',
        '/sugang/api/enrollments',
        token,
        { sectionId },
        admissionToken ? { 'x-admission-token': admissionToken } : undefined,
      );
      if (definite(answer)) return answer;
      if (!(refusedStatus(answer.status) || answer.status === 0 || answer.code === 'ADMISSION_REQUIRED')) {
        return answer;
      }
      counters.retries++;
      const wait = answer.retryAfterMs ?? 200;
      await sleep(wait * (0.5 + Math.random()));
    }
    return answer as Answer;
  }

  result(extra: Omit<FlowResult, keyof LoadResult | 'kind'>): FlowResult {
    const durationSeconds = Math.max(0, this.lastAnswerAt - this.firstSentAt) / 1000;
    return {
      kind: this.spec.kind,
      scenario: this.spec.scenario,
      requests: this.done,
      built: this.built,
      durationSeconds,
      requestsPerSecond: durationSeconds > 0 ? (this.done - this.errors) / durationSeconds : 0,
      latencyMs: summarize(this.latencies),
      outcomes: this.outcomes,
      errors: this.errors,
      timeouts: this.timeouts,
      ...extra,
    };
  }
}

interface QueueBody {
  ticket?: unknown;
  admitted?: unknown;
  admissionToken?: unknown;
  nextPollMs?: unknown;
}

async function runBurst(client: Client, spec: Extract<FlowSpec, { kind: 'burst' }>): Promise<FlowResult> {
  const finals: Record<string, number> = {};
  const perStudent = new Array<number>(spec.tokens.length).fill(0);
  const counters = { retries: 0 };
  let indefinite = 0;
  const releasedAt = performance.now();
  await Promise.all(
    spec.tokens.map(async (token, i) => {
      const answer = await client.register(
        token,
        spec.sectionIds[i % spec.sectionIds.length] ?? 0,
        async () => undefined,
        counters,
      );
      perStudent[i] = performance.now() - releasedAt;
      const key = outcomeKey(answer);
      finals[key] = (finals[key] ?? 0) + 1;
      if (!definite(answer)) indefinite++;
    }),
  );
  return client.result({
    finalOutcomes: finals,
    indefinite,
    refused: client.refusedLatencies.length,
    refusedLatencyMs: summarize(client.refusedLatencies),
    retries: counters.retries,
    studentLatencyMs: summarize(perStudent),
    lastAnsweredMs: perStudent.reduce((a, b) => Math.max(a, b), 0),
    studentLatenciesMs: perStudent.map((ms) => Math.round(ms * 10) / 10),
  });
}

async function runOpening(client: Client, spec: Extract<FlowSpec, { kind: 'opening' }>): Promise<FlowResult> {
  const finals: Record<string, number> = {};
  const perStudent = new Array<number>(spec.tokens.length).fill(0);
  const admittedAfter: number[] = [];
  const counters = { retries: 0 };
  let indefinite = 0;
  let polls = 0;
  let present = false;
  const releasedAt = performance.now();

  /** The waiting room as PRODUCT.md says; 404 means this server has none, so go straight on. */
  const admit = async (token: string): Promise<string | undefined> => {
    let answer = await client.call('POST', '/sugang/api/queue', token, {});
    for (let attempt = 0; attempt < 10_000; attempt++) {
      if (answer.status === 404 && answer.code !== undefined && answer.code !== 'NOT_FOUND') {
        throw new Error(`POST /sugang/api/queue answered 404 ${answer.code}`);
      }
      if (answer.status === 404) return undefined;
      if (answer.status === 200) {
        present = true;
        const body = answer.body as QueueBody;
        if (body.admitted === true) {
          return typeof body.admissionToken === 'string' ? body.admissionToken : undefined;
        }
        await sleep(typeof body.nextPollMs === 'number' ? body.nextPollMs : 1000);
        polls++;
        answer = await client.call(
          'GET',
          `/sugang/api/queue/${encodeURIComponent(String(body.ticket))}`,
          token,
        );
        continue;
      }
      if (refusedStatus(answer.status) || answer.status === 0) {
        await sleep((answer.retryAfterMs ?? 500) * (0.5 + Math.random()));
        answer = await client.call('POST', '/sugang/api/queue', token, {});
        continue;
      }
      throw new Error(`waiting room answered ${outcomeKey(answer)}`);
    }
    throw new Error('never admitted');
  };

  await Promise.all(
    spec.tokens.map(async (token, i) => {
      let admission = await admit(token);
      admittedAfter.push(performance.now() - releasedAt);
      let stale = false;
      const current = async () => {
        if (stale) {
          admission = await admit(token);
          stale = false;
        }
        return admission;
      };
      for (const sectionId of spec.carts[i] ?? []) {
        const answer = await client.register(token, sectionId, current, counters);
        if (answer.code === 'ADMISSION_REQUIRED') stale = true;
        const key = outcomeKey(answer);
        finals[key] = (finals[key] ?? 0) + 1;
        if (!definite(answer)) indefinite++;
      }
      perStudent[i] = performance.now() - releasedAt;
    }),
  );
  return client.result({
    finalOutcomes: finals,
    indefinite,
    refused: client.refusedLatencies.length,
    refusedLatencyMs: summarize(client.refusedLatencies),
    retries: counters.retries,
    studentLatencyMs: summarize(perStudent),
    lastAnsweredMs: perStudent.reduce((a, b) => Math.max(a, b), 0),
    queue: { present, polls, admittedMs: summarize(admittedAfter) },
  });
}

async function runOpenLoop(
  client: Client,
  spec: Extract<FlowSpec, { kind: 'open-loop' }>,
): Promise<FlowResult> {
  const total = Math.round(spec.rate * spec.durationSeconds);
  const n = spec.tokens.length;
  if (total > n * spec.sectionIds.length) {
    throw new Error(
      `open loop needs ${total} distinct registrations, only ${n * spec.sectionIds.length} seeded`,
    );
  }
  const pending: Promise<Answer>[] = [];
  const startedAt = performance.now();
  const interval = 1000 / spec.rate;
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - startedAt) / interval) + 1);
      for (; next < due; next++) {
        pending.push(
          client.call(
            'POST',
            '/sugang/api/enrollments',
            spec.tokens[next % n] ?? '',
            { sectionId: spec.sectionIds[Math.floor(next / n)] },
            undefined,
            startedAt + next * interval,
          ),
        );
      }
      if (next >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  const answers = await Promise.all(pending);
  const created = answers.filter((a) => a.status === 201).length;
  const elapsed = (client.lastAnswerAt - startedAt) / 1000;
  return client.result({
    finalOutcomes: client.outcomes,
    indefinite: answers.filter((a) => !definite(a)).length,
    refused: client.refusedLatencies.length,
    refusedLatencyMs: summarize(client.refusedLatencies),
    retries: 0,
    studentLatencyMs: summarize(client.latencies),
    lastAnsweredMs: elapsed * 1000,
    scheduled: total,
    rate: spec.rate,
    goodputPerSecond: elapsed > 0 ? created / elapsed : 0,
  });
}

async function run(id: number, spec: FlowSpec): Promise<FlowResult> {
  const origin = new URL(spec.origin);
  if (origin.hostname !== '127.0.0.1') throw new Error(`refusing to send load to ${origin.hostname}`);
  const client = new Client(spec, origin);
  const progress = setInterval(() => send({ type: 'progress', id, done: client.done }), 250);
  try {
    switch (spec.kind) {
      case 'burst':
        return await runBurst(client, spec);
      case 'opening':
        return await runOpening(client, spec);
      case 'open-loop':
        return await runOpenLoop(client, spec);
    }
  } finally {
    clearInterval(progress);
    client.agent.destroy();
  }
}

process.on('message', (message: ToFlowClient) => {
  if (message.type !== 'run') return;
  run(message.id, message.spec).then(
    (result) => send({ type: 'result', id: message.id, result }),
    (error: unknown) =>
      send({
        type: 'failed',
        id: message.id,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
process.on('disconnect', () => process.exit(0));
