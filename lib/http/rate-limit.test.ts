import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BUCKET_REFILL_MS,
  clientAddress,
  fullBucket,
  parseRateLimitSettings,
  takeWrite,
  type WriteBucket,
} from '@/lib/http/rate-limit';

/** One client's writes at the given instants, each verdict in turn. */
function writesAt(perMinute: number, instants: number[]) {
  let bucket: WriteBucket = fullBucket(perMinute, instants[0] ?? 0);
  return instants.map((now) => {
    const taken = takeWrite(bucket, now, perMinute);
    bucket = taken.bucket;
    return taken.decision;
  });
}

describe('takeWrite', () => {
  it('allows a burst of the per-minute limit, then refuses with the wait until the next token', () => {
    // One token comes back every 20 s.
    expect(writesAt(3, [1000, 1000, 1000, 1000, 11_000, 21_000])).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
      { ok: false, retryAfterSeconds: 20 },
      { ok: false, retryAfterSeconds: 10 },
      { ok: true },
    ]);
  });

  it('refills no further than the burst size after a long pause', () => {
    const later = 3_600_000;
    expect(writesAt(2, [0, later, later, later]).map((d) => d.ok)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('treats a bucket untouched for BUCKET_REFILL_MS as a full one, so the store may forget it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 10 ** 6 }),
        (perMinute, tokens, refilledAt, after) => {
          const now = refilledAt + BUCKET_REFILL_MS + after;
          const bucket = { tokens: Math.min(tokens, perMinute), refilledAt };
          expect(takeWrite(bucket, now, perMinute)).toEqual(
            takeWrite(fullBucket(perMinute, now), now, perMinute),
          );
        },
      ),
      // 997 / 60,000 × 60,000 is 996.999…: a rounded rate once left such a bucket short.
      { examples: [[997, 0, 0, 0]] },
    );
  });

  it('never allows more than the burst plus the refill over any stretch of time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 300 }),
        (perMinute, gaps) => {
          const instants = gaps.reduce<number[]>((at, gap) => [...at, (at.at(-1) ?? 0) + gap], []);
          const allowed = writesAt(perMinute, instants).filter((d) => d.ok).length;
          const span = instants.at(-1)! - instants[0]!;
          expect(allowed).toBeLessThanOrEqual(
            Math.floor(perMinute + (span * perMinute) / BUCKET_REFILL_MS),
          );
        },
      ),
    );
  });
});

describe('parseRateLimitSettings', () => {
  it('is on by default and trusts no proxy', () => {
    expect(parseRateLimitSettings({})).toEqual({
      settings: { writesPerMinute: 60, trustProxy: false },
      problems: [],
    });
  });
  it('reads a number, 0 to switch off, and the proxy flag', () => {
    expect(parseRateLimitSettings({ writesPerMinute: '0', trustProxy: '1' }).settings).toEqual({
      writesPerMinute: 0,
      trustProxy: true,
    });
    expect(parseRateLimitSettings({ writesPerMinute: ' 120 ' }).settings.writesPerMinute).toBe(120);
  });
  it('falls back to the default for a value it cannot read, and names it', () => {
    expect(parseRateLimitSettings({ writesPerMinute: 'lots', trustProxy: '1' })).toEqual({
      settings: { writesPerMinute: 60, trustProxy: true },
      problems: ['writesPerMinute'],
    });
    expect(parseRateLimitSettings({ writesPerMinute: '-5', trustProxy: 'yes' }).problems).toEqual([
      'writesPerMinute',
      'trustProxy',
    ]);
  });
});

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless a proxy is trusted', () => {
    expect(clientAddress({ forwardedFor: '6.6.6.6', peer: '10.0.0.2' }, false)).toBe('10.0.0.2');
  });
  it('behind a trusted proxy takes the entry that proxy appended, not what the client sent', () => {
    expect(clientAddress({ forwardedFor: '6.6.6.6, 203.0.113.9', peer: '10.0.0.2' }, true)).toBe(
      '203.0.113.9',
    );
    expect(clientAddress({ forwardedFor: null, peer: '10.0.0.2' }, true)).toBe('10.0.0.2');
  });
});
