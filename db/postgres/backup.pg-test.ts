import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeStore } from '@/db/health';
import { openPostgres, type Postgres } from '@/db/postgres/client';
import { postgresHealthProbe } from '@/db/postgres/health';
import * as schema from '@/db/postgres/schema';
import { createTestDatabase } from '@/db/postgres/test-database';

const run = promisify(execFile);

/** Every row of every table, in a stable order. */
async function everything(postgres: Postgres) {
  const { db } = postgres;
  return {
    polls: await db.select().from(schema.polls).orderBy(asc(schema.polls.id)),
    options: await db.select().from(schema.options).orderBy(asc(schema.options.id)),
    participants: await db.select().from(schema.participants).orderBy(asc(schema.participants.id)),
    votes: await db
      .select()
      .from(schema.votes)
      .orderBy(asc(schema.votes.participantId), asc(schema.votes.optionId)),
    comments: await db.select().from(schema.comments).orderBy(asc(schema.comments.id)),
  };
}

// The README's PostgreSQL backup, step by step: pg_dump -Fc, then pg_restore into an empty database.
describe('a pg_dump backup restored into an empty database', () => {
  let source: Awaited<ReturnType<typeof createTestDatabase>>;
  let target: Awaited<ReturnType<typeof createTestDatabase>>;
  let live: Postgres;

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    live = await openPostgres({ url: source.url, poolSize: 2 });
    const at = Date.UTC(2027, 5, 10, 7, 0);
    await live.db.insert(schema.polls).values({
      id: 'p1',
      adminTokenHash: 'h',
      title: 'Backed up',
      timeZone: 'Europe/Rome',
      kind: 'timed',
      guestZones: ['Asia/Kathmandu'],
      createdAt: at,
      updatedAt: at,
    });
    await live.db
      .insert(schema.options)
      .values({ id: 'o1', pollId: 'p1', startsAt: at, durationMinutes: 30, position: 0 });
    await live.db.insert(schema.participants).values({
      id: 'a1',
      pollId: 'p1',
      name: 'Ana',
      timeZone: 'Asia/Kathmandu',
      editTokenHash: 'e',
      submissionKey: 'k1',
      createdAt: at,
      updatedAt: at,
    });
    await live.db
      .insert(schema.votes)
      .values({ participantId: 'a1', optionId: 'o1', value: 'yes', overrideNever: true });
    await live.db
      .insert(schema.comments)
      .values({ id: 'c1', pollId: 'p1', author: 'Ana', body: 'Works', createdAt: at });
  });
  afterAll(async () => {
    await live?.close();
    await Promise.all([source?.drop(), target?.drop()]);
  });

  it('holds every row, and the store opens on it with its migrations current', async () => {
    const dump = await run('pg_dump', ['--format=custom', '--dbname', source.url], {
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    });
    const restore = execFile('pg_restore', ['--no-owner', '--dbname', target.url]);
    const restored = new Promise<number | null>((resolve) => restore.on('exit', resolve));
    restore.stdin?.end(dump.stdout);
    expect(await restored).toBe(0);

    const copy = await openPostgres({ url: target.url, poolSize: 2 });
    try {
      expect(await everything(copy)).toEqual(await everything(live));
      expect(await probeStore(postgresHealthProbe(() => Promise.resolve(copy.pool)))).toEqual({
        database: 'ok',
        migrations: 'current',
      });
    } finally {
      await copy.close();
    }
  });
});
