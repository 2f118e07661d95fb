import { z } from 'zod';

/**
 * The request header that carries the socket's peer address, stamped by the server
 * (instrumentation.ts) over whatever a client sent under that name.
 */
export const PEER_HEADER = 'x-kairos-peer-address';

/**
 * Set by proxy.ts on a server action that is over its address's write budget, to the
 * seconds to wait; the action answers with that message instead of writing.
 */
export const WRITE_REFUSED_HEADER = 'x-kairos-write-refused';

/** Writes per client address per minute when nothing is configured. */
export const DEFAULT_WRITES_PER_MINUTE = 60;
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimitSettings {
  /** 0 turns the limit off. */
  writesPerMinute: number;
  /** Take the client from the last `X-Forwarded-For` entry (set by a reverse proxy we trust). */
  trustProxy: boolean;
}

const settingsSchema = z.object({
  writesPerMinute: z.coerce.number().int().min(0).max(1_000_000).default(DEFAULT_WRITES_PER_MINUTE),
  trustProxy: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
});

/**
 * Reads the two environment values. A typo must not take the site down nor silently switch
 * the limit off, so an invalid value falls back to the default and is reported.
 */
export function parseRateLimitSettings(raw: { writesPerMinute?: string; trustProxy?: string }): {
  settings: RateLimitSettings;
  problems: string[];
} {
  const cleaned = {
    writesPerMinute: raw.writesPerMinute?.trim() || undefined,
    trustProxy: raw.trustProxy?.trim() || undefined,
  };
  const parsed = settingsSchema.safeParse(cleaned);
  if (parsed.success) return { settings: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => String(issue.path[0]));
  const fallback = settingsSchema.parse({
    writesPerMinute: problems.includes('writesPerMinute') ? undefined : cleaned.writesPerMinute,
    trustProxy: problems.includes('trustProxy') ? undefined : cleaned.trustProxy,
  });
  return { settings: fallback, problems };
}

/** A client's token bucket, as the store keeps it (one for the whole service). */
export interface WriteBucket {
  tokens: number;
  refilledAt: number;
}

/** How long a bucket takes to fill again: a bucket not touched for as long is as good as new. */
export const BUCKET_REFILL_MS = 60_000;

/** The bucket of a client not seen for a minute: full. */
export function fullBucket(perMinute: number, nowMs: number): WriteBucket {
  return { tokens: perMinute, refilledAt: nowMs };
}

/**
 * Takes one write from the client's bucket: `perMinute` writes in a burst, refilled
 * continuously at `perMinute` per minute. Returns the verdict and the bucket to keep.
 */
export function takeWrite(
  bucket: WriteBucket,
  nowMs: number,
  perMinute: number,
): { decision: RateDecision; bucket: WriteBucket } {
  const refillPerMs = perMinute / BUCKET_REFILL_MS;
  const elapsed = Math.max(0, nowMs - bucket.refilledAt);
  // elapsed × perMinute / minute, not elapsed × (perMinute / minute): the rounded rate times a
  // whole minute can fall short of perMinute, and a bucket a minute old must be exactly full.
  const tokens = Math.min(perMinute, bucket.tokens + (elapsed * perMinute) / BUCKET_REFILL_MS);
  if (tokens >= 1)
    return { decision: { ok: true }, bucket: { tokens: tokens - 1, refilledAt: nowMs } };
  return {
    decision: {
      ok: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000)),
    },
    bucket: { tokens, refilledAt: nowMs },
  };
}

/**
 * The address a write is counted against. Behind a trusted reverse proxy it is the last
 * `X-Forwarded-For` entry, the one that proxy appended (earlier entries are whatever the
 * client chose to send); otherwise it is the socket's peer address.
 */
export function clientAddress(
  headers: { forwardedFor: string | null; peer: string | null },
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const last = headers.forwardedFor?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return headers.peer?.trim() || 'unknown';
}
