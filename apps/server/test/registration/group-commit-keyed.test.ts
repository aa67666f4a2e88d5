import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { makeSection, makeStudents, makeSubject, seatState } from '../support/fixtures.js';
import { openRegistrationWorld } from '../support/registration-world.js';

describe.each(testDatabaseKinds())('keyed registrations in a group commit on $label', ({ name }) => {
  let t: TestApp;
  let dept: number;
  // A batch goes when three have arrived (or after 200 ms): the requests below share one.
  beforeAll(
    async () => ({ t, dept } = await openRegistrationWorld(name, { groupCommitMs: 200, groupCommitMax: 3 })),
  );
  afterAll(async () => t?.close());

  it('when keyed registrations share a batch and one is repeated at once with its key, each student is enrolled once, the repeat replays the first answer, and every record is kept', async () => {
    const ids = await makeStudents(t.karina.db, dept, 3);
    const tokens = await Promise.all(ids.map((id) => t.tokenFor('student', id)));
    const section = await makeSection(t.karina.db, await makeSubject(t.karina.db, dept), { capacity: 10 });
    const register = (token: string, key: string) =>
      t.call('POST', '/sugang/api/enrollments', {
        token,
        body: { sectionId: section },
        headers: { 'idempotency-key': key },
      });
    const answers = await Promise.all([
      register(tokens[0]!, 'click-a'),
      register(tokens[0]!, 'click-a'),
      register(tokens[1]!, 'click-b'),
      register(tokens[2]!, 'click-c'),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    const [first, repeat] = answers;
    expect(first.json()).toEqual(repeat.json());
    expect(answers.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(1);
    expect(await seatState(t.karina.db, section)).toMatchObject({ taken: 3, rows: 3 });
    const records = await t.karina.db
      .selectFrom('idempotency_keys')
      .select('idem_key')
      .where('idem_key', 'in', ['click-a', 'click-b', 'click-c'])
      .orderBy('idem_key')
      .execute();
    expect(records.map((r) => r.idem_key)).toEqual(['click-a', 'click-b', 'click-c']);
    // Replayed later, each key answers as first.
    const again = await register(tokens[1]!, 'click-b');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(answers[2].json());
  });
});
