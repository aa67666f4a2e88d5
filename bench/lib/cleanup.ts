/**
 * Everything the benchmark starts (server, databases, mariadbd, temp dirs, the load generator)
 * registers its undo here, so a failure or Ctrl-C half way still leaves nothing running.
 */
export class Cleanup {
  readonly #steps: { label: string; undo: () => Promise<void> | void }[] = [];
  #running: Promise<void> | undefined;

  add(label: string, undo: () => Promise<void> | void): void {
    this.#steps.push({ label, undo });
  }

  /** Undoes in reverse order; a failing step is reported and the rest still run. Safe to call twice. */
  run(): Promise<void> {
    this.#running ??= (async () => {
      for (let step = this.#steps.pop(); step; step = this.#steps.pop()) {
        try {
          await step.undo();
        } catch (error) {
          process.stderr.write(`cleanup: ${step.label} failed: ${String(error)}\n`);
        }
      }
    })();
    return this.#running;
  }

  /** On SIGINT/SIGTERM: clean up, then exit with 128 + signal number. */
  exitOnSignals(): void {
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      process.once(signal, () => {
        process.stderr.write(`\n${signal}: stopping and cleaning up...\n`);
        void this.run().finally(() => process.exit(code));
      });
    }
  }
}
