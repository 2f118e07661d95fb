import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { expect, test } from '@playwright/test';
import { ownPort, startOwnServer, type OwnServer } from './own-server';

/**
 * Two app instances on one PostgreSQL database, as behind a load balancer. Collected only
 * when KAIROS_TEST_DATABASE_URL names a server (playwright.config.ts); each run gets a fresh
 * database, dropped after it.
 */

const admin = process.env.KAIROS_TEST_DATABASE_URL ?? '';
const name = `kairos_e2e_${randomBytes(6).toString('hex')}`;
const url = Object.assign(new URL(admin || 'postgres://localhost'), { pathname: `/${name}` });

async function sql<T extends object>(connection: string, query: string, params: unknown[] = []) {
  const client = new Client({ connectionString: connection });
  await client.connect();
  try {
    return (await client.query<T>(query, params)).rows;
  } finally {
    await client.end();
  }
}

async function storedKeys(pollId: string): Promise<string[]> {
  const rows = await sql<{ key: string }>(
    url.toString(),
    'SELECT submission_key AS key FROM participants WHERE poll_id = $1',
    [pollId],
  );
  return rows.map((r) => r.key);
}

function post(server: OwnServer, path: string, body: unknown) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function createPoll(server: OwnServer): Promise<{ id: string; optionIds: string[] }> {
  const response = await post(server, '/api/polls', {
    title: 'Two instances',
    timeZone: 'Europe/Rome',
    kind: 'timed',
    durationMinutes: 60,
    options: ['10:00', '11:00'].map((t) => ({ start: `2027-06-10T${t}` })),
  });
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  const poll = (await (await fetch(`${server.url}/api/polls/${id}`)).json()) as {
    options: { id: string }[];
  };
  return { id, optionIds: poll.options.map((o) => o.id) };
}

function answer(optionIds: string[], key: string) {
  return {
    name: key,
    timeZone: 'Asia/Kathmandu',
    submissionKey: key,
    votes: Object.fromEntries(optionIds.map((id) => [id, 'yes'])),
  };
}

test.describe('two instances on one PostgreSQL', () => {
  test.describe.configure({ timeout: 120_000 });
  let a: OwnServer;
  let b: OwnServer;
  const env = { DATABASE_URL: url.toString(), DATABASE_PATH: undefined };

  test.beforeAll(async () => {
    await sql(admin, `CREATE DATABASE ${name}`);
    // Started together: one migrates while the other waits on the advisory lock.
    [a, b] = await Promise.all([
      startOwnServer({ port: ownPort(0), database: '', env }),
      startOwnServer({ port: ownPort(1), database: '', env }),
    ]);
  });
  test.afterAll(async () => {
    await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
    await sql(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  test('both report the database and its migrations current', async () => {
    for (const server of [a, b]) {
      const response = await fetch(`${server.url}/api/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ database: 'ok', migrations: 'current' });
    }
  });

  test('a poll created on one is read on the other, and each sees the other’s answers at once', async () => {
    const { id, optionIds } = await createPoll(a);
    const read = async (server: OwnServer) =>
      (
        (await (await fetch(`${server.url}/api/polls/${id}`)).json()) as {
          participants: unknown[];
        }
      ).participants.length;
    // Read first, so both instances hold the poll in their caches.
    expect([await read(a), await read(b)]).toEqual([0, 0]);
    expect(
      (await post(b, `/api/polls/${id}/responses`, answer(optionIds, 'answer-on-b'))).status,
    ).toBe(201);
    expect(await read(a)).toBe(1);
    expect(
      (await post(a, `/api/polls/${id}/responses`, answer(optionIds, 'answer-on-a'))).status,
    ).toBe(201);
    expect(await read(b)).toBe(2);
  });

  test('200 concurrent answers split across both, retries sent to the other, are each stored once', async () => {
    const { id, optionIds } = await createPoll(a);
    const keys = Array.from({ length: 200 }, (_, i) => `burst-key-${i}`);
    const sends = keys.flatMap((key, i) => {
      const [first, other] = i % 2 ? [a, b] : [b, a];
      const body = answer(optionIds, key);
      // Every fourth answer is retried on the other instance while the first is in flight.
      return i % 4 === 0
        ? [
            post(first, `/api/polls/${id}/responses`, body),
            post(other, `/api/polls/${id}/responses`, body),
          ]
        : [post(first, `/api/polls/${id}/responses`, body)];
    });
    const statuses = (await Promise.all(sends)).map((r) => r.status);
    expect(statuses.filter((s) => s !== 201 && s !== 200)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(200);
    expect((await storedKeys(id)).sort()).toEqual([...keys].sort());
  });

  test('a write budget of 10 a minute holds for the two together', async () => {
    const limited = { ...env, KAIROS_RATE_LIMIT_WRITES_PER_MINUTE: '10' };
    const pair = await Promise.all([
      startOwnServer({ port: ownPort(3), database: '', env: limited }),
      startOwnServer({ port: ownPort(4), database: '', env: limited }),
    ]);
    try {
      const startedAt = Date.now();
      const statuses: number[] = [];
      // Invalid bodies: a refused write spends from the budget as a stored one does.
      for (let i = 0; i < 16; i++)
        statuses.push((await post(pair[i % 2]!, '/api/polls', { title: '' })).status);
      const allowed = statuses.filter((s) => s === 400).length;
      // One token comes back every 6 s while the writes are sent.
      expect(allowed).toBeGreaterThanOrEqual(10);
      expect(allowed).toBeLessThanOrEqual(10 + Math.floor((Date.now() - startedAt) / 6_000));
      expect(statuses.slice(allowed)).toEqual(Array(16 - allowed).fill(429));
    } finally {
      await Promise.all(pair.map((server) => server.stop('SIGKILL')));
    }
  });

  test('kill -9 of one instance mid-burst loses no acknowledged answer', async () => {
    const { id, optionIds } = await createPoll(a);
    const victim = await startOwnServer({ port: ownPort(3), database: '', env });
    const keys = Array.from({ length: 120 }, (_, i) => `kill-key-${i}`);
    const acknowledged: string[] = [];
    let victimAcks = 0;
    let killed: Promise<void> | undefined;
    const sends = keys.map(async (key, i) => {
      const target = i % 2 ? a : victim;
      try {
        const response = await post(target, `/api/polls/${id}/responses`, answer(optionIds, key));
        expect(response.status, `${key} on ${target.url}`).toBe(201);
        acknowledged.push(key);
        // Killed once it has acknowledged a few, with the rest of its share in flight.
        if (target === victim && ++victimAcks === 5) killed = victim.stop('SIGKILL');
      } catch (error) {
        // Only the killed instance's answers may fail, with a broken connection.
        if (target !== victim || !(error instanceof TypeError)) throw error;
      }
    });
    await Promise.all(sends);
    await killed;
    expect(killed, 'the victim was killed mid-burst').toBeDefined();
    expect(victimAcks).toBeLessThan(60);
    const stored = await storedKeys(id);
    expect(acknowledged.filter((key) => !stored.includes(key))).toEqual([]);
    // Everything sent to the surviving instance was acknowledged.
    expect(acknowledged.filter((key) => Number(key.split('-').at(-1)) % 2)).toHaveLength(60);
    expect(new Set(stored).size).toBe(stored.length);
  });

  test('a bad DATABASE_URL stops the start with its reason, never the password', async () => {
    const wrong = new URL(url);
    wrong.username = 'kairos_nobody';
    wrong.password = 'not-the-password';
    const failure = await startOwnServer({
      port: ownPort(2),
      database: '',
      env: { DATABASE_URL: wrong.toString(), DATABASE_PATH: undefined },
    }).then(
      async (server) => {
        await server.stop('SIGKILL');
        return '';
      },
      (error: Error) => error.message,
    );
    expect(failure).toContain('exited early');
    expect(failure).toMatch(/kairos: PostgreSQL at kairos_nobody@[^ ]+ (refused|asks)/);
    expect(failure).not.toContain('not-the-password');
  });
});
