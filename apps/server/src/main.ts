#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ADMIN_HELP, adminCreate, adminSetDisabled } from './cli/admin.js';
import type { CliContext } from './cli/io.js';
import { CliError, say } from './cli/io.js';
import { MIGRATE_HELP, migrate } from './cli/migrate.js';
import { SEED_HELP, seed } from './cli/seed.js';
import { SERVE_HELP, serve } from './cli/serve.js';
import { AppError } from './platform/errors.js';
import { SeedOptionsError } from './seed/generate.js';
import { SeedRefusedError } from './seed/seed.js';

export const MAIN_HELP = `Usage: karina [command] [options]

Karina — course registration (수강신청) that stays up at the opening second.

Commands:
  serve (default)   migrate, create the bootstrap admin, seed the demo when enabled, serve HTTP
                    (--workers N: N processes on one port; see karina serve --help)
  migrate           apply pending database migrations
  seed              seed a generated university (see karina seed --help)
  admin create      create a registrar account
  admin disable     refuse a registrar's logins and end their sessions (admin enable undoes it)

Every command reads its settings from the environment (PORT, KARINA_DB_URL, ...; see README.md).
Run karina <command> --help for a command's options.`;

const help = { help: { type: 'boolean', short: 'h' } } as const;

function isParseArgsError(error: unknown): error is Error {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function usage(ctx: CliContext, text: string): number {
  say(ctx.stdout, text);
  return 0;
}

async function run(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) return serve(ctx);
  if (first === '-h' || first === '--help' || first === 'help') return usage(ctx, MAIN_HELP);
  switch (first) {
    case 'serve': {
      const { values } = parseArgs({
        args: rest,
        options: { ...help, workers: { type: 'string' } },
        strict: true,
      });
      if (values.help) return usage(ctx, SERVE_HELP);
      return serve(ctx, { workers: values.workers });
    }
    case 'migrate': {
      const { values } = parseArgs({ args: rest, options: help, strict: true });
      if (values.help) return usage(ctx, MIGRATE_HELP);
      return migrate(ctx);
    }
    case 'seed': {
      const { values } = parseArgs({
        args: rest,
        strict: true,
        options: {
          ...help,
          students: { type: 'string' },
          sections: { type: 'string' },
          departments: { type: 'string' },
          seed: { type: 'string' },
          'tokens-out': { type: 'string' },
          reset: { type: 'boolean' },
        },
      });
      if (values.help) return usage(ctx, SEED_HELP);
      return seed(values, ctx);
    }
    case 'admin': {
      const { values, positionals } = parseArgs({
        args: rest,
        strict: true,
        allowPositionals: true,
        options: { ...help, username: { type: 'string' }, name: { type: 'string' } },
      });
      if (values.help) return usage(ctx, ADMIN_HELP);
      const command = positionals.length === 1 ? positionals[0] : undefined;
      if (command === 'create') return adminCreate(values, ctx);
      if (command === 'disable' || command === 'enable') {
        return adminSetDisabled(values, command === 'disable', ctx);
      }
      throw new CliError(
        `unknown admin command "${positionals.join(' ')}"; try: karina admin create|disable|enable --username U`,
        2,
      );
    }
    default:
      throw new CliError(`unknown command "${first}"; run karina --help`, 2);
  }
}

/** The whole CLI: returns the exit code instead of exiting, so tests can call it. */
export async function main(
  argv: readonly string[],
  ctx: CliContext = { env: process.env, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  try {
    return await run(argv, ctx);
  } catch (error) {
    if (error instanceof CliError) {
      say(ctx.stderr, `karina: ${error.message}`);
      return error.exitCode;
    }
    if (isParseArgsError(error)) {
      say(ctx.stderr, `karina: ${error.message} (see karina ${argv[0] ?? ''} --help)`);
      return 2;
    }
    if (error instanceof SeedOptionsError) {
      say(ctx.stderr, `karina: ${error.message}`);
      return 2;
    }
    if (error instanceof SeedRefusedError || error instanceof AppError) {
      say(ctx.stderr, `karina: ${error.message}`);
      return 1;
    }
    say(ctx.stderr, `karina: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

type FatalEvent = 'unhandledRejection' | 'uncaughtException';

export interface ProcessLike {
  on(event: FatalEvent, listener: (reason: unknown) => void): unknown;
  exit(code: number): void;
}

function describeError(reason: unknown): Record<string, unknown> {
  if (reason instanceof Error) {
    return {
      type: reason.name,
      message: reason.message,
      stack: reason.stack,
      code: (reason as { code?: unknown }).code,
    };
  }
  return { type: typeof reason, message: String(reason) };
}

/**
 * A rejection nobody awaited or an exception nobody caught leaves the process in a state nothing
 * was written for (a transaction half done, a pool connection held): it is logged as one pino-style
 * JSON line and the process exits, so the orchestrator starts a clean one instead.
 */
export function installProcessHandlers(
  proc: ProcessLike = process,
  write: (line: string) => void = (line) => process.stderr.write(line),
): void {
  const fatal = (event: FatalEvent) => (reason: unknown) => {
    write(
      `${JSON.stringify({ level: 60, time: Date.now(), msg: `${event}: exiting`, err: describeError(reason) })}\n`,
    );
    proc.exit(1);
  };
  proc.on('unhandledRejection', fatal('unhandledRejection'));
  proc.on('uncaughtException', fatal('uncaughtException'));
}

/** True when this file is the program node started, not a module a test imported. */
function startedAsProgram(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (startedAsProgram()) {
  installProcessHandlers();
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
