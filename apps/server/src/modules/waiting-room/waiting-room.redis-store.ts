import { Redis } from 'ioredis';
import { MAX_ETA_SECONDS } from './waiting-room.store.js';
import type { QueueStore, Standing } from './waiting-room.store.js';

/**
 * The memory store's steps as one Lua script, so admitting, joining and answering are atomic for
 * every process at once. Time comes from the caller's clock (ARGV), never Redis's, so tests can
 * move it. Members are student ids; equal scores order by member text, as the memory store does.
 * KEYS: line (zset), state (hash), owners (ticket -> student), tickets (student -> ticket),
 * answers (ticket -> "position|eta|admittedAt"), seq (counter of FCFS joiners).
 */
const STEP_SCRIPT = `
local line, state, owners, tickets, answers, seq = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local mode = ARGV[1]
local now = tonumber(ARGV[2])
local rate = tonumber(ARGV[3])
local opensAt = tonumber(ARGV[4])
local drainRate = tonumber(ARGV[5])
local ticket = ARGV[6]
local studentId = ARGV[7]
local shuffleScore = ARGV[8]
local ttl = tonumber(ARGV[9])
-- Relative, from the caller's clock: Redis's own clock may disagree with it (tests move it).
local expireAt = ARGV[10]
local maxEta = tonumber(ARGV[11])

local function num(v, fallback)
  local n = tonumber(v)
  if n == nil then return fallback end
  return n
end

local function parseAnswer(raw)
  if not raw then return nil end
  local p, e, a = string.match(raw, '^([^|]*)|([^|]*)|(.*)$')
  return { position = tonumber(p), eta = tonumber(e), admittedAt = tonumber(a) }
end

if mode == 'poll' then
  studentId = redis.call('HGET', owners, ticket)
  if not studentId then return false end
end

if now >= opensAt then
  local s = redis.call('HMGET', state, 'admitted', 'drained', 'credit', 'last')
  local admitted = num(s[1], 0)
  local drained = num(s[2], 0)
  local credit = num(s[3], 0)
  local last = num(s[4], opensAt)
  if last < opensAt then last = opensAt end
  local elapsed = now - last
  if elapsed < 0 then elapsed = 0 end
  credit = math.min(credit + (elapsed / 1000) * rate, math.max(1, rate))
  local waiting = redis.call('ZCARD', line) - admitted
  local n = math.min(math.floor(credit), waiting)
  credit = credit - n
  redis.call('HSET', state, 'admitted', admitted + n, 'drained', drained + n,
    'credit', string.format('%.17g', credit), 'last', string.format('%.17g', math.max(last, now)))
end

if mode == 'join' then
  local existing = redis.call('HGET', tickets, studentId)
  if existing then
    local previous = parseAnswer(redis.call('HGET', answers, existing))
    if previous and previous.admittedAt and previous.admittedAt + ttl <= now then
      local rank = redis.call('ZRANK', line, studentId)
      local admitted = num(redis.call('HGET', state, 'admitted'), 0)
      if rank and rank < admitted then redis.call('HSET', state, 'admitted', admitted - 1) end
      redis.call('ZREM', line, studentId)
      redis.call('HDEL', tickets, studentId)
      redis.call('HDEL', owners, existing)
      redis.call('HDEL', answers, existing)
      existing = nil
    end
  end
  if existing then
    ticket = existing
  else
    local n = redis.call('INCR', seq)
    local score = shuffleScore
    if score == '' then score = tostring(1 + n) end
    redis.call('ZADD', line, score, studentId)
    redis.call('HSET', tickets, studentId, ticket)
    redis.call('HSET', owners, ticket, studentId)
  end
end

local rank = redis.call('ZRANK', line, studentId)
local s = redis.call('HMGET', state, 'admitted', 'drained')
local admittedCount = num(s[1], 0)
local drained = num(s[2], 0)
local isAdmitted = rank < admittedCount
local rawPosition = 0
if not isAdmitted then rawPosition = rank - admittedCount + 1 end
local rawEta = 0
if rawPosition > 0 then
  if drainRate > 0 then
    local untilOpening = math.max(0, opensAt - now) / 1000
    rawEta = math.min(maxEta, math.ceil(untilOpening + rawPosition / drainRate))
  else
    rawEta = maxEta
  end
end
local previous = parseAnswer(redis.call('HGET', answers, ticket))
local position, eta, admittedAt = rawPosition, rawEta, nil
if previous then
  position = math.min(previous.position, rawPosition)
  eta = math.min(previous.eta, rawEta)
  admittedAt = previous.admittedAt
end
if admittedAt == nil and isAdmitted then admittedAt = now end
local at = ''
if admittedAt ~= nil then at = string.format('%d', admittedAt) end
redis.call('HSET', answers, ticket, string.format('%d|%d|%s', position, eta, at))
for i = 1, 6 do redis.call('PEXPIRE', KEYS[i], expireAt) end
local admittedFlag = 0
if isAdmitted then admittedFlag = 1 end
return { ticket, studentId, admittedFlag, at, position, eta, drained }
`;

const ENSURE_PERIOD_SCRIPT = `
redis.call('HSETNX', KEYS[1], 'seed', ARGV[1])
redis.call('HSET', KEYS[1], 'opensAt', ARGV[2], 'closesAt', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return redis.call('HGET', KEYS[1], 'seed')
`;

/** Keys outlive the period by a day, so a late poll still finds its ticket, then Redis forgets. */
const KEEP_AFTER_CLOSE_MS = 86_400_000;

type StepReply = [string, string, number, string, number, number, number] | null;

interface QueueCommands {
  karinaQueueStep(...args: (string | number)[]): Promise<StepReply>;
  karinaQueuePeriod(...args: (string | number)[]): Promise<string>;
}

export interface RedisQueueStoreOptions {
  /** Prepended to every key (karina:queue:); tests sharing one redis-server pick their own. */
  prefix?: string;
  onError?: (error: unknown) => void;
}

export function createRedisQueueStore(url: string, options: RedisQueueStoreOptions = {}): QueueStore {
  const prefix = options.prefix ?? 'karina:queue:';
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 100, 1_000),
  });
  redis.on('error', options.onError ?? (() => {}));
  redis.defineCommand('karinaQueueStep', { numberOfKeys: 6, lua: STEP_SCRIPT });
  redis.defineCommand('karinaQueuePeriod', { numberOfKeys: 1, lua: ENSURE_PERIOD_SCRIPT });
  const commands = redis as unknown as QueueCommands;
  const windows = new Map<number, number>();

  const keys = (periodId: number) => {
    const base = `${prefix}${periodId}:`;
    return ['line', 'state', 'owners', 'tickets', 'answers', 'seq'].map((k) => base + k);
  };
  const metaKey = (periodId: number) => `${prefix}${periodId}:period`;

  function standing(reply: StepReply): Standing | undefined {
    if (!reply) return undefined;
    const [ticket, studentId, admitted, admittedAt, position, eta, drained] = reply;
    return {
      ticket,
      studentId: Number(studentId),
      admitted: Number(admitted) === 1,
      admittedAt: admittedAt === '' ? null : Number(admittedAt),
      position: Number(position),
      etaSeconds: Number(eta),
      drained: Number(drained),
    };
  }

  /** Milliseconds the keys should live from `now`: until a day after the period closes. */
  async function keepFor(periodId: number, now: number): Promise<number> {
    let closesAt = windows.get(periodId);
    if (closesAt === undefined) {
      closesAt = Number(await redis.hget(metaKey(periodId), 'closesAt')) || 0;
      windows.set(periodId, closesAt);
    }
    return Math.max(0, closesAt - now) + KEEP_AFTER_CLOSE_MS;
  }

  return {
    async ensurePeriod(periodId, period, now) {
      windows.set(periodId, period.closesAt);
      const seed = await commands.karinaQueuePeriod(
        metaKey(periodId),
        period.seed,
        period.opensAt,
        period.closesAt,
        Math.max(0, period.closesAt - now) + KEEP_AFTER_CLOSE_MS,
      );
      return { opensAt: period.opensAt, closesAt: period.closesAt, seed };
    },
    async findPeriod(periodId) {
      const raw = await redis.hgetall(metaKey(periodId));
      if (raw.seed === undefined) return undefined;
      return { seed: raw.seed, opensAt: Number(raw.opensAt), closesAt: Number(raw.closesAt) };
    },
    async join(input) {
      const reply = await commands.karinaQueueStep(
        ...keys(input.periodId),
        'join',
        input.now,
        input.rate,
        input.opensAt,
        input.drainRate,
        input.ticket,
        String(input.studentId),
        input.shuffleScore === null ? '' : String(input.shuffleScore),
        input.admissionTtlMs,
        await keepFor(input.periodId, input.now),
        MAX_ETA_SECONDS,
      );
      const result = standing(reply);
      if (!result) throw new Error('waiting room: join answered no standing');
      return result;
    },
    async poll(input) {
      const reply = await commands.karinaQueueStep(
        ...keys(input.periodId),
        'poll',
        input.now,
        input.rate,
        input.opensAt,
        input.drainRate,
        input.ticket,
        '',
        '',
        0,
        await keepFor(input.periodId, input.now),
        MAX_ETA_SECONDS,
      );
      return standing(reply);
    },
    async sharedSecret(candidate) {
      const key = `${prefix}admission-secret`;
      await redis.set(key, candidate, 'NX');
      return (await redis.get(key)) ?? candidate;
    },
    async depth(periodId) {
      const [line, state] = keys(periodId) as [string, string];
      const [size, counts] = await Promise.all([
        redis.zcard(line),
        redis.hmget(state, 'admitted', 'drained'),
      ]);
      if (size === 0 && counts[0] === null) return undefined;
      return { waiting: Math.max(0, size - Number(counts[0] ?? 0)), drained: Number(counts[1] ?? 0) };
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
