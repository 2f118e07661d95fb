import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { connectionOf } from '@/db/client';
import { outbox, unsubscribeTokens } from '@/db/schema';
import type { OutgoingMail, Reader, Tx } from '@/db/store';
import { newShortId } from '@/db/tokens';
import type { DigestEntry } from '@/lib/mail/digest';

/** Unsent, never tried, not held by a sender: a new entry may still join it. */
const PENDING = and(isNull(outbox.sentAt), eq(outbox.attempts, 0), isNull(outbox.leaseExpiresAt));

export async function getPendingDigest(
  on: Reader,
  pollId: string,
): Promise<{ id: string; idempotencyKey: string; entries: DigestEntry[] } | null> {
  const row = connectionOf(on)
    .select({ id: outbox.id, idempotencyKey: outbox.idempotencyKey, digest: outbox.digest })
    .from(outbox)
    .where(and(eq(outbox.pollId, pollId), eq(outbox.kind, 'digest'), PENDING))
    .get();
  return row ? { id: row.id, idempotencyKey: row.idempotencyKey, entries: row.digest ?? [] } : null;
}

function keepToken(tx: Tx, mail: OutgoingMail, now: number): void {
  connectionOf(tx)
    .insert(unsubscribeTokens)
    .values({
      tokenHash: mail.unsubscribeTokenHash,
      pollId: mail.pollId,
      recipient: mail.recipient,
      createdAt: now,
    })
    .run();
}

export async function enqueueDigest(
  tx: Tx,
  mail: OutgoingMail,
  entries: DigestEntry[],
  dueAt: number,
  now: number,
): Promise<void> {
  connectionOf(tx)
    .insert(outbox)
    .values({
      id: newShortId(),
      pollId: mail.pollId,
      kind: mail.kind,
      recipient: mail.recipient,
      payload: mail.message as unknown as Record<string, unknown>,
      idempotencyKey: mail.idempotencyKey,
      nextAttemptAt: dueAt,
      digest: entries,
      createdAt: now,
    })
    .run();
  keepToken(tx, mail, now);
}

export async function updatePendingDigest(
  tx: Tx,
  id: string,
  mail: OutgoingMail,
  entries: DigestEntry[],
  now: number,
): Promise<boolean> {
  const changed = connectionOf(tx)
    .update(outbox)
    .set({ payload: mail.message as unknown as Record<string, unknown>, digest: entries })
    .where(and(eq(outbox.id, id), PENDING))
    .run().changes;
  if (changed > 0) keepToken(tx, mail, now);
  return changed > 0;
}
