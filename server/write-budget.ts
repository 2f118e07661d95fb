import 'server-only';
import { getStore } from '@/db/store-selection';
import type { Store } from '@/db/store';
import { BUCKET_REFILL_MS, fullBucket, takeWrite, type RateDecision } from '@/lib/http/rate-limit';

let forgotten = 0;

/**
 * Counts one write of `client` against its budget, shared by every instance on the store:
 * the bucket is read, taken from and written back under its row lock, so two instances never
 * both spend the same token. About once a minute the buckets that are full again by now are
 * deleted, which keeps the table as small as the set of clients that wrote in the last minute.
 */
export async function spendWrite(
  client: string,
  now: number,
  perMinute: number,
  store: Store = getStore(),
): Promise<RateDecision> {
  const decision = await store.transaction(async (tx) => {
    const bucket = await store.lockWriteBucket(tx, client, fullBucket(perMinute, now));
    const taken = takeWrite(bucket, now, perMinute);
    await store.saveWriteBucket(tx, client, taken.bucket);
    return taken.decision;
  });
  if (now - forgotten >= BUCKET_REFILL_MS) {
    forgotten = now;
    await store.transaction((tx) => store.forgetWriteBuckets(tx, now - BUCKET_REFILL_MS));
  }
  return decision;
}
