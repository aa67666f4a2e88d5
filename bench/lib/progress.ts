import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

/** A bar on stderr when it is a terminal; otherwise one line when the phase starts. */
export function progress(label: string, total: number): Progress {
  if (!process.stderr.isTTY) {
    process.stderr.write(`${label} (${total})...\n`);
    return { update: () => undefined, stop: () => undefined };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label.padEnd(34)} |{bar}| {value}/{total} {duration_formatted}`,
      hideCursor: true,
      barsize: 30,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) bar.setTotal(newTotal);
      bar.update(done);
    },
    stop() {
      bar.stop();
    },
  };
}
