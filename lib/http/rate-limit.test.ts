import { describe, expect, it } from 'vitest';
import { clientAddress, createRateLimiter, parseRateLimitSettings } from '@/lib/http/rate-limit';

describe('createRateLimiter', () => {
  it('allows a burst of the per-minute limit, then refuses with the wait until the next token', () => {
    const limiter = createRateLimiter({ perMinute: 3 });
    expect([0, 1, 2].map(() => limiter.take('a', 1000).ok)).toEqual([true, true, true]);
    // One token comes back every 20 s.
    expect(limiter.take('a', 1000)).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(limiter.take('a', 11_000)).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.take('a', 21_000)).toEqual({ ok: true });
  });

  it('counts every address on its own', () => {
    const limiter = createRateLimiter({ perMinute: 1 });
    expect(limiter.take('a', 0).ok).toBe(true);
    expect(limiter.take('b', 0).ok).toBe(true);
    expect(limiter.take('a', 0).ok).toBe(false);
  });

  it('refills no further than the burst size after a long pause', () => {
    const limiter = createRateLimiter({ perMinute: 2 });
    limiter.take('a', 0);
    const later = 3_600_000;
    expect([
      limiter.take('a', later).ok,
      limiter.take('a', later).ok,
      limiter.take('a', later).ok,
    ]).toEqual([true, true, false]);
  });

  it('forgets the least recently seen address once it tracks too many', () => {
    const limiter = createRateLimiter({ perMinute: 1, maxClients: 2 });
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('a', 0); // refused, and now the most recent
    limiter.take('c', 0); // evicts b
    expect(limiter.take('a', 0).ok).toBe(false);
    expect(limiter.take('b', 0).ok).toBe(true);
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
