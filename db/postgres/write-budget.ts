import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { pgOf } from '@/db/postgres/handle';
import { writeBudgets } from '@/db/postgres/schema';
import type { Tx } from '@/db/store';
import type { WriteBucket } from '@/lib/http/rate-limit';

export async function lockWriteBucket(
  tx: Tx,
  client: string,
  fresh: WriteBucket,
): Promise<WriteBucket> {
  // The no-op update takes the row lock (a new row is locked by its insert), so concurrent
  // writes of one client, on any instance, take their tokens one after the other.
  const [bucket] = await (
    await pgOf(tx)
  )
    .insert(writeBudgets)
    .values({ client, ...fresh })
    .onConflictDoUpdate({ target: writeBudgets.client, set: { client: sql`excluded.client` } })
    .returning({ tokens: writeBudgets.tokens, refilledAt: writeBudgets.refilledAt });
  return bucket!;
}

export async function saveWriteBucket(tx: Tx, client: string, bucket: WriteBucket) {
  await (
    await pgOf(tx)
  )
    .insert(writeBudgets)
    .values({ client, ...bucket })
    .onConflictDoUpdate({ target: writeBudgets.client, set: bucket });
}

export async function forgetWriteBuckets(tx: Tx, before: number): Promise<number> {
  const deleted = await (
    await pgOf(tx)
  )
    .delete(writeBudgets)
    .where(lt(writeBudgets.refilledAt, before))
    .returning({ client: writeBudgets.client });
  return deleted.length;
}
