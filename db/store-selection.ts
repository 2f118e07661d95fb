import 'server-only';
import { connectionOf, databasePath } from '@/db/client';
import { sqliteHealthProbe, type HealthProbe } from '@/db/health';
import { getPostgres } from '@/db/postgres/client';
import { describeTarget } from '@/db/postgres/config';
import { postgresHealthProbe } from '@/db/postgres/health';
import { openPostgresStore } from '@/db/postgres/store';
import { openSqliteStore } from '@/db/sqlite-store';
import type { Store } from '@/db/store';

/**
 * Which engine this process runs on, decided once from the environment: DATABASE_URL
 * (postgres://…) selects PostgreSQL, shared by every app instance; without it, SQLite at
 * DATABASE_PATH. Everything outside db/ gets its store and its health probe here.
 */
export type Engine = 'sqlite' | 'postgres';

export function selectedEngine(env: Record<string, string | undefined> = process.env): Engine {
  const url = env.DATABASE_URL?.trim();
  if (!url) return 'sqlite';
  // A URL of another scheme fails here, with a message that says what is expected.
  describeTarget(url);
  return 'postgres';
}

const globalForStore = globalThis as unknown as { kairosStore?: Store };

/**
 * The process's store, opened on first use. On PostgreSQL the pool opens asynchronously:
 * the store waits for it on its first statement, and openRunningStore lets start-up wait.
 */
export function getStore(): Store {
  return (globalForStore.kairosStore ??=
    selectedEngine() === 'postgres'
      ? openPostgresStore(getPostgres)
      : openSqliteStore(databasePath()));
}

/**
 * For start-up: opens and migrates the selected store. SQLite does it at once and throws;
 * PostgreSQL connects in the background (the server starts listening meanwhile, and
 * requests wait for the pool) and calls `fail` with a one-line reason when it cannot be
 * used, so a bad configuration stops the start instead of failing every visitor.
 */
export function openRunningStore(fail: (reason: string) => void): Store {
  const store = getStore();
  if (selectedEngine() === 'postgres')
    getPostgres().catch((error: unknown) =>
      fail(error instanceof Error ? error.message : String(error)),
    );
  return store;
}

/** The health check of the store this process runs on. */
export function runningStoreProbe(): HealthProbe {
  return selectedEngine() === 'postgres'
    ? postgresHealthProbe(async () => (await getPostgres()).pool)
    : sqliteHealthProbe(() => connectionOf(getStore()));
}
