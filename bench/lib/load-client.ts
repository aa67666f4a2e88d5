import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitForExit } from '../../apps/server/test/support/services.js';
import type { Cleanup } from './cleanup.js';
import type { FlowResult, FlowSpec, LoadResult, LoadSpec } from './protocol.js';

export interface LoadGenerator {
  run(spec: LoadSpec, onProgress?: (done: number) => void): Promise<LoadResult>;
}

export interface FlowClient {
  run(spec: FlowSpec, onProgress?: (done: number) => void): Promise<FlowResult>;
}

type FromChild<R> =
  | { type: 'progress'; id: number; done: number }
  | { type: 'result'; id: number; result: R }
  | { type: 'failed'; id: number; message: string };

interface Pending<R> {
  resolve(result: R): void;
  reject(error: Error): void;
  onProgress: ((done: number) => void) | undefined;
}

/** Forks bench/lib/load-generator.ts (with the same tsx loader as this process). */
export function startLoadGenerator(cleanup: Cleanup): LoadGenerator {
  return startChild<LoadSpec, LoadResult>('./load-generator.ts', 'load generator', cleanup);
}

/** Forks bench/lib/flow-client.ts, the stateful client for flows and open-loop arrival rates. */
export function startFlowClient(cleanup: Cleanup): FlowClient {
  return startChild<FlowSpec, FlowResult>('./flow-client.ts', 'flow client', cleanup);
}

function startChild<S, R>(file: string, name: string, cleanup: Cleanup) {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // 30,000 students' promises, sockets and latencies fit easily, but not in a small default heap.
    execArgv: [...process.execArgv, '--max-old-space-size=2048'],
  });
  const pending = new Map<number, Pending<R>>();
  let nextId = 1;
  child.on('message', (message: FromChild<R>) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    switch (message.type) {
      case 'progress':
        waiting.onProgress?.(message.done);
        break;
      case 'result':
        pending.delete(message.id);
        waiting.resolve(message.result);
        break;
      case 'failed':
        pending.delete(message.id);
        waiting.reject(new Error(`${name}: ${message.message}`));
        break;
    }
  });
  child.on('exit', (code, signal) => {
    for (const waiting of pending.values()) {
      waiting.reject(new Error(`${name} exited (${signal ?? `code ${code}`})`));
    }
    pending.clear();
  });
  cleanup.add(`stop ${name}`, async () => {
    if (child.connected) child.disconnect();
    await waitForExit(child, 5_000);
  });
  return {
    run(spec: S, onProgress?: (done: number) => void) {
      return new Promise<R>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject, onProgress });
        const message = { type: 'run', id, spec };
        child.send(message, (error) => {
          if (error) {
            pending.delete(id);
            reject(error);
          }
        });
      });
    },
  };
}
