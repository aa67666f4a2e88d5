import cliProgress from 'cli-progress';
import type { Config } from '../config.js';
import { loadConfig } from '../config.js';
import type { OnSeedProgress, SeedPhase } from '../seed/seed.js';

/** Where a command writes; tests hand in their own streams and environment. */
export interface CliContext {
  env: Record<string, string | undefined>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A failure with a message meant for the operator, printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A stream someone is reading on a terminal, as opposed to a pipe or file that may be kept. */
export function isTerminal(stream: NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

export function say(stream: NodeJS.WritableStream, line = ''): void {
  stream.write(`${line}\n`);
}

/** Hangul and other East Asian wide characters take two terminal columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

/** A framed block for secrets shown exactly once, so they stand out from log lines. */
export function printBox(stream: NodeJS.WritableStream, lines: readonly string[]): void {
  const width = Math.max(...lines.map(displayWidth));
  say(stream, `╔${'═'.repeat(width + 2)}╗`);
  for (const line of lines) say(stream, `║ ${line}${' '.repeat(width - displayWidth(line))} ║`);
  say(stream, `╚${'═'.repeat(width + 2)}╝`);
}

export function loadConfigOrFail(env: CliContext['env']): Readonly<Config> {
  try {
    return loadConfig(env);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}

const PHASE_LABELS: Record<SeedPhase, string> = {
  departments: '학과 departments',
  professors: '교수 professors',
  subjects: '교과목 subjects',
  sections: '분반 sections',
  periods: '기간 periods',
  posts: '게시글 posts',
  students: '학생 students',
  sessions: '세션 sessions',
};

/** A progress bar on stderr (drawn only on a terminal); call stop() when the work ends. */
export function progressBar(stream: NodeJS.WritableStream): { update: OnSeedProgress; stop(): void } {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{phase} |{bar}| {percentage}% {value}/{total} | {duration_formatted}',
      hideCursor: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update({ phase, done, total }) {
      const label = PHASE_LABELS[phase];
      const payload = { phase: label + ' '.repeat(Math.max(0, 18 - displayWidth(label))) };
      if (!started) {
        bar.start(total, done, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
