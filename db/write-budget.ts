import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { connectionOf } from '@/db/client';
import { writeBudgets } from '@/db/schema';
import type { Tx } from '@/db/store';
import type { WriteBucket } from '@/lib/http/rate-limit';

export async function lockWriteBucket(
  tx: Tx,
  client: string,
  fresh: WriteBucket,
): Promise<WriteBucket> {
  // BEGIN IMMEDIATE already holds every other writer off until the transaction ends.
  return connectionOf(tx)
    .insert(writeBudgets)
    .values({ client, ...fresh })
    .onConflictDoUpdate({ target: writeBudgets.client, set: { client: sql`excluded.client` } })
    .returning({ tokens: writeBudgets.tokens, refilledAt: writeBudgets.refilledAt })
    .get();
}

export async function saveWriteBucket(tx: Tx, client: string, bucket: WriteBucket) {
  connectionOf(tx)
    .insert(writeBudgets)
    .values({ client, ...bucket })
    .onConflictDoUpdate({ target: writeBudgets.client, set: bucket })
    .run();
}

export async function forgetWriteBuckets(tx: Tx, before: number): Promise<number> {
  return connectionOf(tx).delete(writeBudgets).where(lt(writeBudgets.refilledAt, before)).run()
    .changes;
}
