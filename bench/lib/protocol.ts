/** Messages between the benchmark (parent) and its load-generator child process. */

export interface LoadSpec {
  scenario: string;
  /** http://127.0.0.1:<port>; the load generator refuses any other host. */
  origin: string;
  method: 'GET' | 'POST';
  path: string;
  /** Request i carries tokens[i % tokens.length] as its bearer token; absent = anonymous. */
  tokens?: string[];
  /** Request i sends bodies[i % bodies.length] as its JSON body; absent = no body. */
  bodies?: string[];
  /** Exactly this many requests are sent (autocannon `amount`). */
  amount: number;
  connections: number;
  timeoutSeconds: number;
}

export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  scenario: string;
  /** Responses received. */
  requests: number;
  /** Requests the load generator built (one per setupRequest call); equals `amount` when nothing was retried. */
  built: number;
  durationSeconds: number;
  /** requests / durationSeconds, timed from the first request to the last response. */
  requestsPerSecond: number;
  /** Milliseconds, over every response (errors included: a 409 is what that student saw). */
  latencyMs: LatencySummary;
  /** "200", "201", or "<status> <error code>" for error bodies, with counts. */
  outcomes: Record<string, number>;
  /** Connection errors and timeouts (no response at all). */
  errors: number;
  timeouts: number;
}

export type ToLoadGenerator = { type: 'run'; id: number; spec: LoadSpec };

export type FromLoadGenerator =
  | { type: 'progress'; id: number; done: number }
  | { type: 'result'; id: number; result: LoadResult }
  | { type: 'failed'; id: number; message: string };
