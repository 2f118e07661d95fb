import 'server-only';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgDb, Postgres } from '@/db/postgres/client';
import * as schema from '@/db/postgres/schema';
import type { Reader, Tx } from '@/db/store';

/**
 * What a handle of the PostgreSQL driver holds: the store itself reaches the pool (opened
 * asynchronously, so the handle keeps the promise), a transaction its one pooled client.
 */
type Handle =
  | { readonly kind: 'pool'; readonly postgres: () => Promise<Postgres> }
  | { readonly kind: 'transaction'; readonly db: PgDb };

export function poolHandle<T extends Reader>(postgres: () => Promise<Postgres>): T {
  return { kind: 'pool', postgres } satisfies Handle as unknown as T;
}

export function transactionHandle(db: PgDb): Tx {
  return { kind: 'transaction', db } satisfies Handle as unknown as Tx;
}

/** Where a statement runs: the transaction's client, or any pooled connection. */
export async function pgOf(on: Reader): Promise<PgDb> {
  const handle = on as unknown as Handle;
  return handle.kind === 'transaction' ? handle.db : (await handle.postgres()).db;
}

/** The pool behind a store handle, or null inside a transaction. */
export async function poolOf(on: Reader): Promise<Postgres | null> {
  const handle = on as unknown as Handle;
  return handle.kind === 'pool' ? handle.postgres() : null;
}

/**
 * `fn` in one transaction on one pooled client of its own: committed when it resolves,
 * rolled back when it rejects. A client whose ROLLBACK fails is broken and is destroyed
 * rather than handed to the next caller.
 */
export async function inTransaction<T>(
  postgres: Postgres,
  begin: 'BEGIN' | 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const client = await postgres.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    try {
      const result = await fn(transactionHandle(drizzle(client, { schema })));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    }
  } finally {
    client.release(broken);
  }
}
