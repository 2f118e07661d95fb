import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '@/db/schema';
import type { Reader, Tx } from '@/db/store';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function databasePath(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? './data/kairos.sqlite',
  );
}

function connect(file: string): Db {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // With WAL, NORMAL survives a process crash; only an OS crash may lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  return drizzle(sqlite, { schema });
}

/**
 * Two connections to one file, migrated before first use. Transactions are asynchronous
 * (a use case awaits between its statements), and on one connection whatever runs while a
 * transaction is open runs inside it: so the transactions get a connection of their own,
 * and reads outside them use the other, which only ever sees committed data (WAL lets it
 * read while the writer writes).
 */
export interface Connections {
  writer: Db;
  reader: Db;
}

export function openConnections(file: string): Connections {
  mkdirSync(path.dirname(file), { recursive: true });
  const writer = connect(file);
  migrate(writer, {
    migrationsFolder: path.join(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations'),
  });
  return { writer, reader: connect(file) };
}

/** The connection behind a handle this driver gave out (the store or one of its transactions). */
interface Handle {
  readonly connection: Db;
}

export function connectionOf(db: Reader): Db {
  return (db as unknown as Handle).connection;
}

export function handleOn<T extends Reader>(connection: Db): T {
  return { connection } satisfies Handle as unknown as T;
}

/**
 * better-sqlite3's own transactions are synchronous, so an asynchronous one issues BEGIN
 * IMMEDIATE / COMMIT / ROLLBACK itself, and a queue per connection makes the next one wait
 * until the last has ended: two must never interleave on one connection. IMMEDIATE takes
 * the write lock at the start (waiting out other processes for busy_timeout), so a
 * transaction that reads and then writes is never refused halfway.
 */
export function transactionsOn(connection: Db) {
  const sqlite = connection.$client;
  const begin = sqlite.prepare('BEGIN IMMEDIATE');
  const commit = sqlite.prepare('COMMIT');
  const rollback = sqlite.prepare('ROLLBACK');
  let tail: Promise<unknown> = Promise.resolve();
  return function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const run = async () => {
      begin.run();
      try {
        const result = await fn(handleOn<Tx>(connection));
        commit.run();
        return result;
      } catch (error) {
        // SQLite may have rolled back already (e.g. on SQLITE_FULL).
        if (sqlite.inTransaction) rollback.run();
        throw error;
      }
    };
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  };
}

/**
 * Statements prepared once per connection, for the queries every answer runs: building and
 * preparing the SQL anew was a third of the time an answer spent in its transaction. They
 * run on the connection's open transaction like any other query.
 */
export function preparedOnce<T>(prepare: (db: Db) => T): (on: Reader) => T {
  const byConnection = new WeakMap<Db, T>();
  return (on) => {
    const db = connectionOf(on);
    let statements = byConnection.get(db);
    if (!statements) {
      statements = prepare(db);
      byConnection.set(db, statements);
    }
    return statements;
  };
}
