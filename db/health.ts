import 'server-only';
import { sql } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import journal from '@/db/migrations/meta/_journal.json';

/** What /api/health says about the store: no names, paths or addresses. */
export interface StoreHealth {
  database: 'ok' | 'unavailable';
  migrations: 'current' | 'pending' | 'unknown';
}

/**
 * One store engine's answer to the health check. Each driver has one (SQLite here,
 * PostgreSQL in db/postgres/health.ts), so the check plugs into whichever store runs.
 */
export interface HealthProbe {
  /** `created_at` of the newest migration applied, null when none is; throws when unreadable. */
  newestAppliedMigration(): Promise<number | null>;
  /** `when` of the newest committed migration of this engine (its _journal.json). */
  newestCommittedMigration: number;
}

/** A store that does not answer in this time counts as unavailable (a hung server, a full pool). */
export const PROBE_TIMEOUT_MS = 3_000;

export async function probeStore(
  probe: HealthProbe,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<StoreHealth> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('store health probe timed out')), timeoutMs);
  });
  try {
    const applied = await Promise.race([probe.newestAppliedMigration(), timeout]);
    const current = applied !== null && applied >= probe.newestCommittedMigration;
    return { database: 'ok', migrations: current ? 'current' : 'pending' };
  } catch {
    return { database: 'unavailable', migrations: 'unknown' };
  } finally {
    clearTimeout(timer);
  }
}

export function newestInJournal(entries: readonly { when: number }[]): number {
  return Math.max(...entries.map((e) => e.when));
}

/** Any drizzle SQLite database, whatever its schema. */
type SqliteDb = Pick<BaseSQLiteDatabase<'sync', unknown>, 'get'>;

/** The SQLite store's probe; `open` may throw (the file cannot be opened). */
export function sqliteHealthProbe(open: () => SqliteDb): HealthProbe {
  return {
    newestCommittedMigration: newestInJournal(journal.entries),
    async newestAppliedMigration() {
      const db = open();
      const table = db.get(
        sql`SELECT 1 AS present FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`,
      );
      if (!table) return null;
      const row = db.get<{ newest: number | null }>(
        sql`SELECT max(created_at) AS newest FROM __drizzle_migrations`,
      );
      return row?.newest ?? null;
    },
  };
}
