import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The repository root: the image's build context. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
export const DOCKERFILE = 'deploy/docker/Dockerfile';
/** Makes the local stand-in for node:24-slim and prints the podman flags this machine needs. */
export const CONTAINER_BASE_SCRIPT = resolve(REPO_ROOT, '../shared/tools/container-base.sh');

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

const KEEP = 200_000;

function keepTail(text: string): string {
  return text.length > KEEP ? text.slice(-KEEP) : text;
}

/**
 * Runs a command to its end without blocking the test worker (a build takes minutes, and vitest's
 * timeouts only work while the event loop turns); killed after timeoutMs.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { timeoutMs: number; cwd?: string },
): Promise<Finished> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout = keepTail(stdout + chunk)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = keepTail(stderr + chunk)));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

function tail(text: string, lines = 40): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Like runCommand, but a non-zero exit throws with the end of both outputs. */
export async function mustRun(
  command: string,
  args: readonly string[],
  options: { timeoutMs: number; cwd?: string },
): Promise<Finished> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${String(result.code)} after ${result.ms} ms\n` +
        `--- stdout (end)\n${tail(result.stdout)}\n--- stderr (end)\n${tail(result.stderr)}`,
    );
  }
  return result;
}

export interface PodmanFlags {
  /** Before the subcommand (KARINA_PODMAN: the OCI runtime). */
  global: string[];
  /** After `build` (KARINA_PODMAN_BUILD: ulimits, host networking). */
  build: string[];
  /** After `run` (KARINA_PODMAN_RUN). */
  run: string[];
}

function words(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter((word) => word !== '');
}

/**
 * Runs container-base.sh (idempotent: minutes the first time, a second when the stand-in image
 * exists) and reads its flags as the shell would: eval'd, then split into words.
 */
export async function containerBase(timeoutMs: number): Promise<PodmanFlags> {
  const { stdout } = await mustRun(
    'bash',
    [
      '-c',
      'out="$("$0")" || exit $?; eval "$out"; printf "%s\\n" "$KARINA_PODMAN" "$KARINA_PODMAN_BUILD" "$KARINA_PODMAN_RUN"',
      CONTAINER_BASE_SCRIPT,
    ],
    { timeoutMs },
  );
  const [global, build, run] = stdout.split('\n');
  return { global: words(global), build: words(build), run: words(run) };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolvePromise) => setTimeout(resolvePromise, ms));
}

export interface HttpAnswer {
  status: number;
  body: string;
}

export async function http(url: string, init: RequestInit = {}): Promise<HttpAnswer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await response.text() };
}

/**
 * Polls GET url until it answers 200; gives up early when isAlive() says the container has exited,
 * and throws with describe()'s account (the container's logs) either way.
 */
export async function waitFor200(
  url: string,
  timeoutMs: number,
  isAlive: () => Promise<boolean>,
  describe: () => Promise<string>,
): Promise<HttpAnswer> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const answer = await http(url);
      if (answer.status === 200) return answer;
      last = `${answer.status} ${answer.body}`;
    } catch (error) {
      last = String(error);
    }
    if (!(await isAlive()))
      throw new Error(`the container exited before ${url} answered 200\n${await describe()}`);
    await sleep(500);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${last})\n${await describe()}`);
}

/** What `podman image inspect` says, the parts the test reads. */
export interface ImageFacts {
  Size: number;
  Config: {
    User?: string;
    Env?: string[];
    Entrypoint?: string[];
    Cmd?: string[];
    ExposedPorts?: Record<string, unknown>;
    Labels?: Record<string, string>;
    StopSignal?: string;
    WorkingDir?: string;
  };
}
