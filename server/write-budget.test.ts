import { describe, expect, it } from 'vitest';
import { BUCKET_REFILL_MS } from '@/lib/http/rate-limit';
import { withTemporaryStore } from '@/server/temporary-store';
import { spendWrite } from '@/server/write-budget';

const NOW = Date.UTC(2026, 9, 1, 12);

describe('spendWrite', () => {
  const { context } = withTemporaryStore();

  it('refuses past the budget and forgets buckets once they are full again', async () => {
    const { store } = context(NOW);
    const spend = (client: string, now: number) => spendWrite(client, now, 2, store);
    expect([await spend('a', NOW), await spend('a', NOW), await spend('a', NOW)]).toEqual([
      { ok: true },
      { ok: true },
      { ok: false, retryAfterSeconds: 30 },
    ]);
    // A minute on, the next write finds a's bucket full, and the sweep deletes it.
    await spend('b', NOW + BUCKET_REFILL_MS + 1);
    expect(
      await store.transaction((tx) => store.forgetWriteBuckets(tx, NOW + BUCKET_REFILL_MS)),
    ).toBe(0);
    expect([await spend('a', NOW + BUCKET_REFILL_MS + 2)]).toEqual([{ ok: true }]);
  });
});
