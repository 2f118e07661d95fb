import 'server-only';
import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Pool, type PoolClient } from 'pg';
import {
  MINIMUM_SERVER_VERSION,
  PostgresConfigError,
  checkServerVersion,
  describeTarget,
  explainConnectionError,
  parsePoolSize,
} from '@/db/postgres/config';
import * as schema from '@/db/postgres/schema';

export type PgDb = NodePgDatabase<typeof schema>;

export interface Postgres {
  db: PgDb;
  pool: Pool;
  /** user@host:port/database, safe to log. */
  target: string;
  /** Waits for checked-out connections to come back, then closes them all. */
  close(): Promise<void>;
}

export interface OpenPostgresOptions {
  url: string;
  poolSize: number;
  migrationsFolder?: string;
  /** Seconds to wait for a connection before failing (unreachable hosts, a full pool). */
  connectTimeoutSeconds?: number;
  /** For tests: the oldest `server_version_num` accepted. */
  minimumServerVersion?: number;
}

export const MIGRATIONS_FOLDER = path.join(
  /*turbopackIgnore: true*/ process.cwd(),
  'db/postgres/migrations',
);

/** Any constant: the key under which instances starting together take turns migrating. */
const MIGRATION_LOCK = 4_245_571;

/**
 * Opens a bounded pool, checks that the server can be reached, accepts the credentials and
 * is recent enough, and applies the committed migrations: a wrong DATABASE_URL fails the
 * start with a PostgresConfigError that says which of these went wrong.
 */
export async function openPostgres(options: OpenPostgresOptions): Promise<Postgres> {
  const target = describeTarget(options.url);
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: (options.connectTimeoutSeconds ?? 10) * 1000,
    application_name: 'kairos',
  });
  // A connection the server drops while idle in the pool must not crash the process; the
  // pool replaces it on the next checkout.
  pool.on('error', (error) =>
    console.error(`kairos: idle PostgreSQL connection lost: ${error.message}`),
  );
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new PostgresConfigError(explainConnectionError(error, target), { cause: error });
  }
  try {
    const { rows } = await client.query<{ number: string; text: string }>(
      "SELECT current_setting('server_version_num') AS number, current_setting('server_version') AS text",
    );
    const version = rows[0];
    checkServerVersion(
      Number(version?.number),
      version?.text ?? 'unknown',
      options.minimumServerVersion ?? MINIMUM_SERVER_VERSION,
    );
    // Several instances may start at once: one migrates while the others wait, on this
    // connection, which also runs the migrations (a pool of one would otherwise deadlock).
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client, { schema }), {
        migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER,
      });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } catch (error) {
    client.release();
    await pool.end().catch(() => undefined);
    throw error;
  }
  client.release();
  return { db: drizzle(pool, { schema }), pool, target, close: () => pool.end() };
}

const globalForPostgres = globalThis as unknown as { kairosPostgres?: Promise<Postgres> };

/** The process's one pool, from DATABASE_URL and KAIROS_DATABASE_POOL_SIZE. */
export function getPostgres(): Promise<Postgres> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new PostgresConfigError('kairos: DATABASE_URL is not set');
  globalForPostgres.kairosPostgres ??= openPostgres({
    url,
    poolSize: parsePoolSize(process.env.KAIROS_DATABASE_POOL_SIZE),
  });
  return globalForPostgres.kairosPostgres;
}

/** For shutdown: closes the pool if this process opened one. */
export async function closePostgres(): Promise<void> {
  const opening = globalForPostgres.kairosPostgres;
  if (!opening) return;
  delete globalForPostgres.kairosPostgres;
  const postgres = await opening.catch(() => null);
  await postgres?.close();
}
