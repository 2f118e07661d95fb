import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 96 bits: poll ids appear in every shared link, so they must not be guessable. */
export function newPublicId(): string {
  return randomBytes(12).toString('base64url');
}

/** Option and participant ids only ever appear next to a poll id. */
export function newShortId(): string {
  return randomBytes(9).toString('base64url');
}

/** 192 bits for admin and edit secrets (≥ 128 required). */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

/** Compares the hashes, which have equal length, so the comparison time reveals nothing. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'utf8');
  const b = Buffer.from(storedHash, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The calendar feed's token: derived from the edit token, so whoever holds that (the page,
 * the edit-link mail) can show the feed's address without it being kept anywhere; 256 bits,
 * and a different prefix than any other use of the edit token, so neither reveals the other.
 */
export function feedTokenOf(editToken: string): string {
  return createHash('sha256').update(`kairos-feed:${editToken}`, 'utf8').digest('base64url');
}
