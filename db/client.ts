import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '@/db/schema';

export type Db = BetterSQLite3Database<typeof schema>;

const globalForDb = globalThis as unknown as { kairosDb?: Db };

export function databasePath(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? './data/kairos.sqlite',
  );
}

/** One connection per server process, migrated on first use. */
export function getDb(): Db {
  if (globalForDb.kairosDb) return globalForDb.kairosDb;
  const file = databasePath();
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // With WAL, NORMAL survives a process crash; only an OS crash may lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema });
  migrate(db, {
    migrationsFolder: path.join(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations'),
  });
  globalForDb.kairosDb = db;
  return db;
}

/**
 * Statements prepared once per connection, for the queries every answer runs: building and
 * preparing the SQL anew was a third of the time an answer spent in its transaction. They
 * run on the connection's open transaction like any other query.
 */
export function preparedOnce<T>(prepare: (db: Db) => T): () => T {
  const byConnection = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let statements = byConnection.get(db);
    if (!statements) {
      statements = prepare(db);
      byConnection.set(db, statements);
    }
    return statements;
  };
}
