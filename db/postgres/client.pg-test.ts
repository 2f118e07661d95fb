import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePostgres, getPostgres, openPostgres, type Postgres } from '@/db/postgres/client';
import { PostgresConfigError } from '@/db/postgres/config';
import * as schema from '@/db/postgres/schema';
import { createTestDatabase, testServerUrl, withAdmin } from '@/db/postgres/test-database';
import journal from '@/db/postgres/migrations/meta/_journal.json';

const tables = [schema.polls, schema.options, schema.participants, schema.votes, schema.comments];

function urlWith(change: (url: URL) => void): string {
  const url = new URL(testServerUrl());
  change(url);
  return url.toString();
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

describe('openPostgres on a fresh database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let postgres: Postgres;

  beforeAll(async () => {
    database = await createTestDatabase();
    postgres = await openPostgres({ url: database.url, poolSize: 3 });
  });
  afterAll(async () => {
    await postgres?.close();
    await database?.drop();
  });

  it('applies every committed migration once', async () => {
    const { rows } = await postgres.pool.query<{ count: string }>(
      'SELECT count(*) FROM drizzle.__drizzle_migrations',
    );
    expect(Number(rows[0]?.count)).toBe(journal.entries.length);
  });

  it('creates the tables, columns and indexes of db/postgres/schema.ts', async () => {
    for (const table of tables) {
      const config = getTableConfig(table as PgTable);
      const columns = await postgres.pool.query<{ column_name: string; is_nullable: string }>(
        "SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
        [config.name],
      );
      const expected = Object.values(getTableColumns(table)).map((c) => [
        c.name,
        c.notNull ? 'NO' : 'YES',
      ]);
      expect(columns.rows.map((r) => [r.column_name, r.is_nullable]).sort(), config.name).toEqual(
        expected.sort(),
      );
      const indexes = await postgres.pool.query<{ name: string; unique: boolean }>(
        `SELECT i.relname AS name, x.indisunique AS unique FROM pg_index x
           JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
           WHERE t.relname = $1 AND t.relnamespace = 'public'::regnamespace AND NOT x.indisprimary`,
        [config.name],
      );
      const byName = (a: { name?: string }, b: { name?: string }) =>
        (a.name ?? '').localeCompare(b.name ?? '');
      expect(indexes.rows.sort(byName), config.name).toEqual(
        config.indexes.map((i) => ({ name: i.config.name, unique: i.config.unique })).sort(byName),
      );
    }
  });

  it('keeps instants beyond 2^31 and cascades deletes from a poll', async () => {
    const at = Date.UTC(2027, 5, 10, 7, 0);
    await postgres.db.insert(schema.polls).values({
      id: 'p1',
      adminTokenHash: 'h',
      title: 'T',
      timeZone: 'Europe/Rome',
      kind: 'timed',
      createdAt: at,
      updatedAt: at,
    });
    await postgres.db
      .insert(schema.options)
      .values({ id: 'o1', pollId: 'p1', startsAt: at, durationMinutes: 30, position: 0 });
    const [option] = await postgres.db.select().from(schema.options);
    expect(option?.startsAt).toBe(at);
    await postgres.db.delete(schema.polls);
    expect(await postgres.db.select().from(schema.options)).toEqual([]);
  });

  it('opens again without migrating twice, also from instances starting together', async () => {
    const again = await Promise.all(
      [1, 2, 3].map(() => openPostgres({ url: database.url, poolSize: 1 })),
    );
    await Promise.all(again.map((p) => p.close()));
    const { rows } = await postgres.pool.query<{ count: string }>(
      'SELECT count(*) FROM drizzle.__drizzle_migrations',
    );
    expect(Number(rows[0]?.count)).toBe(journal.entries.length);
  });

  it('never holds more connections than its pool size', async () => {
    await Promise.all(Array.from({ length: 12 }, () => postgres.pool.query('SELECT 1')));
    expect(postgres.pool.totalCount).toBeLessThanOrEqual(3);
    expect(postgres.pool.totalCount).toBeGreaterThan(0);
  });
});

describe('openPostgres refuses a bad DATABASE_URL with a clear message', () => {
  it('names an unreachable host and port', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const url = urlWith((u) => {
      u.port = '1';
      u.password = 'not-in-the-message';
    });
    const error = await failure(openPostgres({ url, poolSize: 1 }));
    expect(error).toBeInstanceOf(PostgresConfigError);
    expect(error.message).toMatch(/cannot reach PostgreSQL at .*127\.0\.0\.1:1\//);
    expect(error.message).not.toContain('not-in-the-message');
  });

  it('says that the password was refused, without repeating it', async () => {
    const role = 'kairos_password_check';
    await withAdmin(async (client) => {
      await client.query(`DROP ROLE IF EXISTS ${role}`);
      await client.query(`CREATE ROLE ${role} LOGIN PASSWORD 'right-password'`);
    });
    const url = urlWith((u) => {
      u.username = role;
      u.password = 'wrong-password';
    });
    const error = await failure(openPostgres({ url, poolSize: 1 }));
    expect(error).toBeInstanceOf(PostgresConfigError);
    expect(error.message).toMatch(/refused the password/);
    expect(error.message).toContain(`${role}@`);
    expect(error.message).not.toContain('wrong-password');
    // The same role with its right password gets in: the refusal was the password's.
    const right = new Client({
      connectionString: urlWith((u) => {
        u.username = role;
        u.password = 'right-password';
      }),
    });
    await right.connect();
    await right.end();
  });

  it('says that the database does not exist', async () => {
    const url = urlWith((u) => (u.pathname = '/kairos_no_such_database'));
    const error = await failure(openPostgres({ url, poolSize: 1 }));
    expect(error.message).toMatch(/kairos_no_such_database: the database does not exist/);
  });

  it('refuses a server older than the supported version, naming both', async () => {
    const { rows } = await withAdmin((client) =>
      client.query<{ v: string }>("SELECT current_setting('server_version') AS v"),
    );
    const real = rows[0]?.v ?? '';
    const error = await failure(
      openPostgres({ url: testServerUrl(), poolSize: 1, minimumServerVersion: 990000 }),
    );
    expect(error).toBeInstanceOf(PostgresConfigError);
    expect(error.message).toBe(
      `kairos: PostgreSQL ${real} is too old: Kairos needs PostgreSQL 99.0 or newer`,
    );
  });
});

describe('getPostgres', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const saved = { url: process.env.DATABASE_URL, size: process.env.KAIROS_DATABASE_POOL_SIZE };
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await closePostgres();
    process.env.DATABASE_URL = saved.url;
    process.env.KAIROS_DATABASE_POOL_SIZE = saved.size;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    if (saved.size === undefined) delete process.env.KAIROS_DATABASE_POOL_SIZE;
    await database?.drop();
  });

  it('opens one pool per process from DATABASE_URL and KAIROS_DATABASE_POOL_SIZE', async () => {
    process.env.DATABASE_URL = database.url;
    process.env.KAIROS_DATABASE_POOL_SIZE = '4';
    const first = await getPostgres();
    expect(await getPostgres()).toBe(first);
    expect(first.pool.options.max).toBe(4);
    await closePostgres();
    expect(first.pool.ended).toBe(true);
    const next = await getPostgres();
    expect(next).not.toBe(first);
  });

  it('says so when DATABASE_URL is not set', async () => {
    await closePostgres();
    delete process.env.DATABASE_URL;
    expect(() => getPostgres()).toThrow('kairos: DATABASE_URL is not set');
  });
});
