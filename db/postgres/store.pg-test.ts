import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Postgres } from '@/db/postgres/client';
import { openPostgresStore } from '@/db/postgres/store';
import { createTestDatabase } from '@/db/postgres/test-database';
import type { Store } from '@/db/store';
import { describeInvitationStore } from '@/db/invitation-store-suite';
import { answer, describeStore, NOW, poll, spendWrite, type OpenedStore } from '@/db/store-suite';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let main: Postgres;
const extra: Postgres[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  main = await openPostgres({ url: database.url, poolSize: 20 });
});
afterAll(async () => {
  await Promise.all([main, ...extra].map((p) => p?.close()));
  await database?.drop();
});

async function count(query: string, ...params: string[]): Promise<number> {
  const { rows } = await main.pool.query<{ n: string }>(query, params);
  return Number(rows[0]?.n);
}

/** A second app instance: a pool of its own on the same database. */
async function anotherInstance(): Promise<Store> {
  const postgres = await openPostgres({ url: database.url, poolSize: 20 });
  extra.push(postgres);
  return openPostgresStore(async () => postgres);
}

async function openPg(): Promise<OpenedStore> {
  await main.pool.query('TRUNCATE polls, outbox CASCADE');
  return {
    store: openPostgresStore(async () => main),
    rows: (table) => count(`SELECT count(*) AS n FROM "${table}"`),
    version: (pollId) => count('SELECT version AS n FROM polls WHERE id = $1', pollId),
    another: anotherInstance,
    forgetFeed: async (participantId) => {
      await main.pool.query('UPDATE participants SET feed_token_hash = NULL WHERE id = $1', [
        participantId,
      ]);
    },
    close: async () => {},
  };
}

describeStore('PostgreSQL', openPg);
describeInvitationStore('PostgreSQL', openPg);

describe('the PostgreSQL store under concurrency', () => {
  let a: Store;
  let b: Store;
  beforeAll(async () => {
    a = openPostgresStore(async () => main);
    b = await anotherInstance();
  });

  /** What server/answers.ts does for a new answer: lock, look up the key, count, insert. */
  function submit(store: Store, pollId: string, optionId: string, key: string | null) {
    return store.transaction(async (tx) => {
      await store.lockPoll(tx, pollId);
      if (key && (await store.findParticipantBySubmissionKey(tx, pollId, key))) return 'repeat';
      const rules = (await store.getAnswerRules(tx, pollId))!;
      if (
        rules.optionLimit !== null &&
        (await store.countYes(tx, optionId, null)) >= rules.optionLimit
      )
        return 'full';
      await store.insertAnswer(tx, pollId, answer([optionId], 'yes', key), NOW);
      return 'stored';
    });
  }

  async function limitedPoll(limit: number | null) {
    const id = await a.transaction((tx) => a.insertPoll(tx, poll, NOW));
    await main.pool.query('UPDATE polls SET option_limit = $1 WHERE id = $2', [limit, id]);
    return { id, optionId: (await a.getOptionIds(a, id))![0]! };
  }

  it('stores exactly one of 50 concurrent yes answers to an option limited to one', async () => {
    const { id, optionId } = await limitedPoll(1);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => submit(i % 2 ? a : b, id, optionId, null)),
    );
    expect(outcomes.filter((o) => o === 'stored')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'full')).toHaveLength(49);
    expect(await a.countYes(a, optionId, null)).toBe(1);
    expect(await count('SELECT version AS n FROM polls WHERE id = $1', id)).toBe(1);
  });

  it('stores an answer sent concurrently with one submission key once', async () => {
    const { id, optionId } = await limitedPoll(null);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => submit(i % 2 ? a : b, id, optionId, 'same-key')),
    );
    expect(outcomes.filter((o) => o === 'stored')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'repeat')).toHaveLength(19);
    expect(await count('SELECT count(*) AS n FROM participants WHERE poll_id = $1', id)).toBe(1);
  });

  it('moves the version once per concurrent write, losing none', async () => {
    const { id, optionId } = await limitedPoll(null);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => submit(i % 2 ? a : b, id, optionId, null)),
    );
    expect(await count('SELECT version AS n FROM polls WHERE id = $1', id)).toBe(30);
    expect((await b.getPollWithVotes(b, id))!.participants).toHaveLength(30);
  });

  it('spends a write budget of 10 exactly 10 times under 40 concurrent writes on two instances', async () => {
    const client = `concurrent-${NOW}-${Math.random()}`;
    const verdicts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => spendWrite(client, NOW, 10, i % 2 ? a : b)),
    );
    expect(verdicts.filter((v) => v.ok)).toHaveLength(10);
  });

  it('gives two concurrent claims disjoint mail', async () => {
    const { id } = await limitedPoll(null);
    const mails = Array.from({ length: 10 }, (_, i) => ({
      pollId: id,
      kind: 'editLink' as const,
      recipient: `p${i}@example.org`,
      idempotencyKey: `claim-${i}`,
      message: { subject: 's', text: 't', html: '<p>t</p>', headers: {}, calendar: null },
      unsubscribeTokenHash: `token-${i}`,
    }));
    await a.transaction((tx) => a.enqueueMail(tx, [...mails, mails[0]!], NOW));
    expect(await count('SELECT count(*) AS n FROM outbox WHERE poll_id = $1', id)).toBe(10);
    const rules = { leaseMs: 60_000, limit: 6, maxAttempts: 5 };
    // Each claim holds its rows locked until the other has claimed too.
    let release!: () => void;
    const bothClaimed = new Promise<void>((resolve) => (release = resolve));
    let claimed = 0;
    const claim = (store: Store) =>
      store.transaction(async (tx) => {
        const taken = await store.claimMail(tx, NOW, rules);
        if (++claimed === 2) release();
        await bothClaimed;
        return taken.map((m) => m.idempotencyKey);
      });
    const [first, second] = await Promise.all([claim(a), claim(b)]);
    expect(first!.length + second!.length).toBe(10);
    expect(new Set([...first!, ...second!]).size).toBe(10);
    expect(await a.transaction((tx) => a.claimMail(tx, NOW + 1, rules))).toEqual([]);
  });
});
