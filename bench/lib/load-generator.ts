/**
 * The load generator, run as a child process of the benchmark so it has its own event loop (and,
 * on a 2-core machine, mostly its own core) instead of stealing turns from the server under test.
 * It takes one LoadSpec at a time over IPC and answers with a LoadResult.
 */
import autocannon from 'autocannon';
import type { FromLoadGenerator, LoadResult, LoadSpec, ToLoadGenerator } from './protocol.js';

function send(message: FromLoadGenerator): void {
  process.send?.(message);
}

function outcomeKey(status: number, body: string): string {
  if (status < 400) return String(status);
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } };
    const code = parsed.error?.code;
    return typeof code === 'string' ? `${status} ${code}` : String(status);
  } catch {
    return String(status);
  }
}

async function runLoad(id: number, spec: LoadSpec): Promise<LoadResult> {
  const origin = new URL(spec.origin);
  if (origin.hostname !== '127.0.0.1') throw new Error(`refusing to send load to ${origin.hostname}`);
  const outcomes: Record<string, number> = {};
  let built = 0;
  let done = 0;
  let lastResponseAt = 0;
  const { tokens, bodies } = spec;
  const request: autocannon.Request = {
    method: spec.method,
    path: spec.path,
    // Each request takes the next student, so no two requests of one scenario share a token.
    setupRequest: (req) => {
      const i = built++;
      const headers: Record<string, string> = { ...(req.headers as Record<string, string>) };
      if (tokens && tokens.length > 0) headers.authorization = `Bearer ${tokens[i % tokens.length] ?? ''}`;
      if (bodies && bodies.length > 0) {
        headers['content-type'] = 'application/json';
        return { ...req, headers, body: bodies[i % bodies.length] ?? '' };
      }
      return { ...req, headers };
    },
    onResponse: (status, body) => {
      const key = outcomeKey(status, body);
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      done++;
      lastResponseAt = performance.now();
    },
  };
  const connections = Math.max(1, Math.min(spec.connections, spec.amount));
  const progress = setInterval(() => send({ type: 'progress', id, done }), 250);
  // autocannon's own duration only advances in whole seconds (it checks for the end once a second),
  // far too coarse for a burst of a few thousand requests; time it here instead.
  const startedAt = performance.now();
  try {
    const result = await autocannon({
      url: spec.origin,
      connections,
      amount: spec.amount,
      timeout: spec.timeoutSeconds,
      requests: [request],
    });
    const requests = Object.values(outcomes).reduce((a, b) => a + b, 0);
    const durationSeconds = Math.max(0, lastResponseAt - startedAt) / 1000;
    return {
      scenario: spec.scenario,
      requests,
      built,
      durationSeconds,
      requestsPerSecond: durationSeconds > 0 ? requests / durationSeconds : 0,
      latencyMs: {
        mean: result.latency.mean,
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      outcomes,
      errors: result.errors,
      timeouts: result.timeouts,
    };
  } finally {
    clearInterval(progress);
  }
}

process.on('message', (message: ToLoadGenerator) => {
  if (message.type !== 'run') return;
  runLoad(message.id, message.spec).then(
    (result) => send({ type: 'result', id: message.id, result }),
    (error: unknown) =>
      send({
        type: 'failed',
        id: message.id,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
// The parent owns this process: when it goes away, so do we.
process.on('disconnect', () => process.exit(0));
