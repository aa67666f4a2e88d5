import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Cleanup } from './cleanup.js';
import type { FromLoadGenerator, LoadResult, LoadSpec, ToLoadGenerator } from './protocol.js';

export interface LoadGenerator {
  run(spec: LoadSpec, onProgress?: (done: number) => void): Promise<LoadResult>;
}

interface Pending {
  resolve(result: LoadResult): void;
  reject(error: Error): void;
  onProgress: ((done: number) => void) | undefined;
}

function waitForExit(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Forks bench/lib/load-generator.ts (with the same tsx loader as this process). */
export function startLoadGenerator(cleanup: Cleanup): LoadGenerator {
  const child = fork(fileURLToPath(new URL('./load-generator.ts', import.meta.url)), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  child.on('message', (message: FromLoadGenerator) => {
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
        waiting.reject(new Error(`load generator: ${message.message}`));
        break;
    }
  });
  child.on('exit', (code, signal) => {
    for (const waiting of pending.values()) {
      waiting.reject(new Error(`load generator exited (${signal ?? `code ${code}`})`));
    }
    pending.clear();
  });
  cleanup.add('stop load generator', async () => {
    if (child.connected) child.disconnect();
    await waitForExit(child, 5_000);
  });
  return {
    run(spec, onProgress) {
      return new Promise<LoadResult>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject, onProgress });
        const message: ToLoadGenerator = { type: 'run', id, spec };
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
