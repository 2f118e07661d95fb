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
/** Beyond this many tracked addresses the least recently seen one is forgotten. */
export const DEFAULT_MAX_CLIENTS = 10_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(client: string, nowMs: number): RateDecision;
}

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

/**
 * A token bucket per client: `perMinute` writes in a burst, refilled continuously at
 * `perMinute` per minute. Memory stays bounded: the map keeps the most recently seen
 * `maxClients` addresses (a forgotten address starts again with a full bucket, which is
 * what it would have by then in all but a flood of distinct addresses).
 */
export function createRateLimiter({
  perMinute,
  maxClients = DEFAULT_MAX_CLIENTS,
}: {
  perMinute: number;
  maxClients?: number;
}): RateLimiter {
  const refillPerMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(client, nowMs) {
      const previous = buckets.get(client);
      const elapsed = previous ? Math.max(0, nowMs - previous.at) : 0;
      const tokens = previous
        ? Math.min(perMinute, previous.tokens + elapsed * refillPerMs)
        : perMinute;
      // Re-inserting moves the client to the end: the map's first key is the least recent.
      buckets.delete(client);
      if (buckets.size >= maxClients) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      if (tokens >= 1) {
        buckets.set(client, { tokens: tokens - 1, at: nowMs });
        return { ok: true };
      }
      buckets.set(client, { tokens, at: nowMs });
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000)),
      };
    },
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
