import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from './errors.js';
import { RetryLaterError } from './login-throttle.js';

/**
 * Argon2id at the OWASP Password Storage Cheat Sheet's first recommended setting
 * (m = 19 MiB, t = 2, p = 1). The parameters live in the encoded hash, so raising them later
 * only affects new hashes.
 */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await verify(encoded, password);
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows, verified against for unknown users so timing does not reveal them. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${randomInt(1e9)}-${Date.now()}`);
  return decoyHash;
}

/** Server-side password policy: 10..128 characters, at least one letter and one digit, not the username. */
export function assertPasswordPolicy(password: string, username?: string): void {
  const problems: string[] = [];
  if (password.length < 10) problems.push('10자 이상 / at least 10 characters');
  if (password.length > 128) problems.push('128자 이하 / at most 128 characters');
  if (!/[A-Za-z]/.test(password)) problems.push('영문자 포함 / a letter');
  if (!/[0-9]/.test(password)) problems.push('숫자 포함 / a digit');
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('아이디를 포함할 수 없음 / must not contain the username');
  }
  if (problems.length > 0) {
    throw new AppError('WEAK_PASSWORD', `비밀번호 규칙 / Password policy: ${problems.join(', ')}`);
  }
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random initial password that satisfies the policy (16 characters, letters and digits). */
export function generatePassword(length = 16): string {
  for (;;) {
    let out = '';
    for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
    if (/[0-9]/.test(out) && /[A-Za-z]/.test(out)) return out;
  }
}

/**
 * Caps how many Argon2id hashes run at once (each takes 19 MiB and a core for tens of ms), with a
 * short queue behind them. Beyond that a login answers 503 OVERLOADED with Retry-After at once,
 * rather than letting a burst of logins (or a guessing script) pile up memory and starve the
 * registration requests sharing the process.
 */
export interface HashGate {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Hashes running and waiting now, for tests and metrics. */
  readonly busy: { running: number; waiting: number };
}

export function createHashGate(options: { concurrency: number; queue: number }): HashGate {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running < options.concurrency) {
        running++;
      } else if (waiting.length < options.queue) {
        // The slot is handed over by release(), so `running` never drops below the real count.
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        throw new RetryLaterError('OVERLOADED', 1);
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
    get busy() {
      return { running, waiting: waiting.length };
    },
  };
}
