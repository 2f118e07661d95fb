import 'server-only';
import type { Pool } from 'pg';
import { newestInJournal, type HealthProbe } from '@/db/health';
import journal from '@/db/postgres/migrations/meta/_journal.json';

/** The PostgreSQL store's answer to /api/health: one indexed read on the migrations table. */
export function postgresHealthProbe(pool: () => Promise<Pool>): HealthProbe {
  return {
    newestCommittedMigration: newestInJournal(journal.entries),
    async newestAppliedMigration() {
      const client = await pool();
      const table = await client.query<{ present: boolean }>(
        "SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present",
      );
      if (!table.rows[0]?.present) return null;
      const { rows } = await client.query<{ newest: string | null }>(
        'SELECT max(created_at) AS newest FROM drizzle.__drizzle_migrations',
      );
      const newest = rows[0]?.newest;
      return newest === null || newest === undefined ? null : Number(newest);
    },
  };
}
