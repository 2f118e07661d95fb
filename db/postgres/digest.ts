import 'server-only';
// The digest of db/digest.ts on PostgreSQL.
import { and, eq, isNull } from 'drizzle-orm';
import { pgOf } from '@/db/postgres/handle';
import { outbox, unsubscribeTokens } from '@/db/postgres/schema';
import type { OutgoingMail, Reader, Tx } from '@/db/store';
import { newShortId } from '@/db/tokens';
import type { DigestEntry } from '@/lib/mail/digest';

/** Unsent, never tried, not held by a sender: a new entry may still join it. */
const PENDING = and(isNull(outbox.sentAt), eq(outbox.attempts, 0), isNull(outbox.leaseExpiresAt));

export async function getPendingDigest(
  on: Reader,
  pollId: string,
): Promise<{ id: string; idempotencyKey: string; entries: DigestEntry[] } | null> {
  const [row] = await (
    await pgOf(on)
  )
    .select({ id: outbox.id, idempotencyKey: outbox.idempotencyKey, digest: outbox.digest })
    .from(outbox)
    .where(and(eq(outbox.pollId, pollId), eq(outbox.kind, 'digest'), PENDING));
  return row ? { id: row.id, idempotencyKey: row.idempotencyKey, entries: row.digest ?? [] } : null;
}

async function keepToken(tx: Tx, mail: OutgoingMail, now: number): Promise<void> {
  await (await pgOf(tx)).insert(unsubscribeTokens).values({
    tokenHash: mail.unsubscribeTokenHash,
    pollId: mail.pollId,
    recipient: mail.recipient,
    createdAt: now,
  });
}

export async function enqueueDigest(
  tx: Tx,
  mail: OutgoingMail,
  entries: DigestEntry[],
  dueAt: number,
  now: number,
): Promise<void> {
  await (await pgOf(tx)).insert(outbox).values({
    id: newShortId(),
    pollId: mail.pollId,
    kind: mail.kind,
    recipient: mail.recipient,
    payload: mail.message as unknown as Record<string, unknown>,
    idempotencyKey: mail.idempotencyKey,
    nextAttemptAt: dueAt,
    digest: entries,
    createdAt: now,
  });
  await keepToken(tx, mail, now);
}

export async function updatePendingDigest(
  tx: Tx,
  id: string,
  mail: OutgoingMail,
  entries: DigestEntry[],
  now: number,
): Promise<boolean> {
  const result = await (
    await pgOf(tx)
  )
    .update(outbox)
    .set({ payload: mail.message as unknown as Record<string, unknown>, digest: entries })
    .where(and(eq(outbox.id, id), PENDING));
  const changed = (result.rowCount ?? 0) > 0;
  if (changed) await keepToken(tx, mail, now);
  return changed;
}
