import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../testing/server';
import { api, fetchRetryingShed, SHED_RETRIES, shedRetryDelayMs, unwrap } from '../client';
import { ApiError } from '../api-error';

const shed = () =>
  HttpResponse.json(
    { error: { code: 'OVERLOADED', message: 'busy' } },
    { status: 503, headers: { 'retry-after': '2' } },
  );

function recorder(answers: (() => Response)[]) {
  const bodies: string[] = [];
  const waits: number[] = [];
  const send = async (request: Request) => {
    bodies.push(await request.text());
    const answer = answers[Math.min(bodies.length - 1, answers.length - 1)];
    if (!answer) throw new Error('no answer');
    return answer();
  };
  const wait = (ms: number) => {
    waits.push(ms);
    return Promise.resolve();
  };
  return { bodies, waits, send, wait };
}

const register = () =>
  new Request('http://karina.test/sugang/api/enrollments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'k1' },
    body: JSON.stringify({ sectionId: 7 }),
  });

describe('a request the server shed (503 OVERLOADED)', () => {
  it('is sent again, the same body each time, after Retry-After stretched by jitter, until it is answered', async () => {
    const r = recorder([shed, shed, () => HttpResponse.json({ id: 1 }, { status: 201 })]);
    const response = await fetchRetryingShed(register(), r.send, r.wait);
    expect(response.status).toBe(201);
    expect(r.bodies).toEqual(Array(3).fill('{"sectionId":7}'));
    expect(r.waits).toHaveLength(2);
    for (const ms of r.waits) {
      expect(ms).toBeGreaterThanOrEqual(2000);
      expect(ms).toBeLessThanOrEqual(4000);
    }
  });

  it(`gives the caller the refusal after ${SHED_RETRIES} retries`, async () => {
    const r = recorder([shed]);
    const response = await fetchRetryingShed(register(), r.send, r.wait);
    expect(response.status).toBe(503);
    expect(r.bodies).toHaveLength(SHED_RETRIES + 1);
    expect(await response.json()).toMatchObject({ error: { code: 'OVERLOADED' } });
  });

  it('is the only 503 retried: other refusals go back at once', async () => {
    for (const answer of [
      () => HttpResponse.json({ error: { code: 'SERVICE_UNAVAILABLE', message: 'x' } }, { status: 503 }),
      () => HttpResponse.json({ error: { code: 'SECTION_FULL', message: 'x' } }, { status: 409 }),
      () => new HttpResponse('<html>bad gateway</html>', { status: 503 }),
    ]) {
      const r = recorder([answer]);
      await fetchRetryingShed(register(), r.send, r.wait);
      expect(r.bodies).toHaveLength(1);
    }
  });

  it('waits a second or two when Retry-After is missing or nonsense, and at most a minute', () => {
    expect(shedRetryDelayMs(null, () => 0)).toBe(1000);
    expect(shedRetryDelayMs('soon', () => 0.5)).toBe(1500);
    expect(shedRetryDelayMs('3600', () => 0.999)).toBeLessThanOrEqual(60_000);
  });

  it('is retried by the app’s API client itself', async () => {
    let calls = 0;
    server.use(
      http.get('http://localhost:3000/sugang/api/time', () => {
        calls++;
        return calls === 1
          ? HttpResponse.json(
              { error: { code: 'OVERLOADED', message: 'busy' } },
              { status: 503, headers: { 'retry-after': '0' } },
            )
          : HttpResponse.json({ now: '2027-02-10T01:00:00.000Z', epochMs: 1 });
      }),
    );
    await expect(unwrap(api.GET('/sugang/api/time'))).resolves.toMatchObject({ epochMs: 1 });
    expect(calls).toBe(2);
  }, 10_000);

  it('still reaches the screen as OVERLOADED when every retry is shed', async () => {
    const r = recorder([shed]);
    const error = await unwrap(
      (async () => {
        const response = await fetchRetryingShed(register(), r.send, r.wait);
        return { error: await response.json(), response };
      })(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('OVERLOADED');
  });
});
