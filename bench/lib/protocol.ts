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

/** What the stateful client (bench/lib/flow-client.ts) is asked to do. */
interface FlowCommon {
  scenario: string;
  origin: string;
  /** Keep-alive sockets the client may open at once (a node:http Agent's maxSockets). */
  connections: number;
  timeoutSeconds: number;
  tokens: string[];
  /** How often one registration answered 429/503 (or lost its connection) is tried again. */
  maxRetries: number;
}

export type FlowSpec =
  /** Student i registers for sectionIds[i % length], all released at the same instant. */
  | (FlowCommon & { kind: 'burst'; sectionIds: number[] })
  /**
   * Student i joins the waiting room (404 = there is none), polls until admitted, then registers
   * carts[i] one section after another with the admission token.
   */
  | (FlowCommon & { kind: 'opening'; carts: number[][] })
  /**
   * Open loop: request j is sent at start + j / rate whatever came back before, for
   * durationSeconds; it registers student j % n for sectionIds[floor(j / n)].
   */
  | (FlowCommon & { kind: 'open-loop'; rate: number; durationSeconds: number; sectionIds: number[] });

export interface FlowResult extends LoadResult {
  kind: FlowSpec['kind'];
  /** One per student × section: the answer it ended with (after retries). */
  finalOutcomes: Record<string, number>;
  /** Student × section pairs that never got 201 or a 409 rule answer. */
  indefinite: number;
  /** 429/503 answers: how many, and how fast they came back. */
  refused: number;
  refusedLatencyMs: LatencySummary;
  retries: number;
  /** From the release instant until a student's last answer. */
  studentLatencyMs: LatencySummary;
  /** From the release instant until the last student's last answer. */
  lastAnsweredMs: number;
  /** burst only: every student's latency in ms (release → answer), in student order. */
  studentLatenciesMs?: number[];
  /** opening only: whether POST /sugang/api/queue existed, polls made, time to admission. */
  queue?: { present: boolean; polls: number; admittedMs: LatencySummary };
  /** open-loop only: requests scheduled, the rate asked for, and 201s per second achieved. */
  scheduled?: number;
  rate?: number;
  goodputPerSecond?: number;
}

export type ToFlowClient = { type: 'run'; id: number; spec: FlowSpec };

export type FromFlowClient =
  | { type: 'progress'; id: number; done: number }
  | { type: 'result'; id: number; result: FlowResult }
  | { type: 'failed'; id: number; message: string };
