/**
 * The client side of bench/edge-abuse.ts, in its own process so its work never shares the
 * server's event loop: a prober that times GET /sugang/api/time one request after another, and
 * optional attackers that keep posting a hostile body. Bounded: every phase lasts `seconds`.
 */
import http from 'node:http';

export interface AbusePhase {
  name: string;
  port: number;
  seconds: number;
  attackers: number;
  /** Where the attackers post; unused without attackers. */
  attackPath: string;
  attackBytes: number;
}

export interface PhaseResult {
  name: string;
  probes: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  attacks: number;
  attackStatuses: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function nestedBrackets(bytes: number): Buffer {
  const half = Math.floor(bytes / 2);
  return Buffer.from('['.repeat(half) + ']'.repeat(half));
}

function once(agent: http.Agent, port: number, method: string, path: string, body?: Buffer) {
  return new Promise<number>((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: body ? { 'content-type': 'application/json', 'content-length': body.length } : {},
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(-1));
      },
    );
    req.on('error', () => resolve(-1));
    req.end(body);
  });
}

export async function runPhase(phase: AbusePhase): Promise<PhaseResult> {
  const deadline = Date.now() + phase.seconds * 1000;
  const body = nestedBrackets(phase.attackBytes);
  const statuses: Record<string, number> = {};
  let attacks = 0;
  const attacker = async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    while (Date.now() < deadline) {
      const status = await once(agent, phase.port, 'POST', phase.attackPath, body);
      attacks++;
      statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
      // A refused or closed connection answers at once; do not spin on it.
      if (status <= 0) await new Promise((r) => setTimeout(r, 5));
    }
    agent.destroy();
  };
  const probe = async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const times: number[] = [];
    while (Date.now() < deadline) {
      const start = process.hrtime.bigint();
      await once(agent, phase.port, 'GET', '/sugang/api/time');
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    agent.destroy();
    return times.sort((a, b) => a - b);
  };
  const [times] = await Promise.all([probe(), ...Array.from({ length: phase.attackers }, () => attacker())]);
  return {
    name: phase.name,
    probes: times.length,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: times.at(-1) ?? 0,
    attacks,
    attackStatuses: statuses,
  };
}

process.on('message', (message: { phases: AbusePhase[] }) => {
  void (async () => {
    const results: PhaseResult[] = [];
    for (const phase of message.phases) results.push(await runPhase(phase));
    process.send?.({ results }, () => process.disconnect());
  })();
});
