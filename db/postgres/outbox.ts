import 'server-only';
import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { pgOf } from '@/db/postgres/handle';
import { outbox, participants, polls } from '@/db/postgres/schema';
import type { ClaimedMail, ClaimRules, FailedMail, OutgoingMail, Reader, Tx } from '@/db/store';
import { newShortId } from '@/db/tokens';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import type { MailKind, MailMessage, MailRecipient } from '@/lib/mail/mail-message';

// The outbox of db/outbox.ts on PostgreSQL; only the claim differs (SKIP LOCKED).

export async function getMailRecipients(on: Reader, pollId: string): Promise<MailRecipient[]> {
  const db = await pgOf(on);
  const [poll] = await db
    .select({
      email: polls.organiserEmail,
      name: polls.organiserName,
      locale: polls.organiserLocale,
      timeZone: polls.timeZone,
      stopped: polls.organiserMailStopped,
    })
    .from(polls)
    .where(eq(polls.id, pollId));
  if (!poll) return [];
  const recipients: MailRecipient[] = [];
  if (poll.email && !poll.stopped)
    recipients.push({
      address: poll.email,
      name: poll.name,
      locale: isLocale(poll.locale) ? poll.locale : DEFAULT_LOCALE,
      timeZone: poll.timeZone,
      role: { kind: 'organiser' },
    });
  const rows = await db
    .select({
      id: participants.id,
      name: participants.name,
      email: participants.email,
      locale: participants.locale,
      timeZone: participants.timeZone,
    })
    .from(participants)
    .where(and(eq(participants.pollId, pollId), eq(participants.mailStopped, false)))
    .orderBy(asc(participants.createdAt));
  for (const row of rows) {
    if (!row.email) continue;
    recipients.push({
      address: row.email,
      name: row.name,
      locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
      timeZone: row.timeZone,
      role: { kind: 'participant', participantId: row.id },
    });
  }
  return recipients;
}

export async function stopMail(
  tx: Tx,
  pollId: string,
  role: MailRecipient['role'],
): Promise<boolean> {
  const db = await pgOf(tx);
  const result =
    role.kind === 'organiser'
      ? await db.update(polls).set({ organiserMailStopped: true }).where(eq(polls.id, pollId))
      : await db
          .update(participants)
          .set({ mailStopped: true })
          .where(and(eq(participants.id, role.participantId), eq(participants.pollId, pollId)));
  return (result.rowCount ?? 0) > 0;
}

export async function enqueueMail(tx: Tx, mails: OutgoingMail[], now: number): Promise<void> {
  if (mails.length === 0) return;
  await (
    await pgOf(tx)
  )
    .insert(outbox)
    .values(
      mails.map((mail) => ({
        id: newShortId(),
        pollId: mail.pollId,
        kind: mail.kind,
        recipient: mail.recipient,
        payload: mail.message as unknown as Record<string, unknown>,
        idempotencyKey: mail.idempotencyKey,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: outbox.idempotencyKey });
}

/**
 * The due rows are locked as they are selected, skipping any another sender holds: two
 * instances claiming at once get disjoint sets, and the lease they write before commit
 * keeps a row from being claimed again once the lock is gone.
 */
export async function claimMail(tx: Tx, now: number, rules: ClaimRules): Promise<ClaimedMail[]> {
  const db = await pgOf(tx);
  const due = await db
    .select()
    .from(outbox)
    .where(
      and(
        isNull(outbox.sentAt),
        lt(outbox.attempts, rules.maxAttempts),
        lte(outbox.nextAttemptAt, now),
        or(isNull(outbox.leaseExpiresAt), lte(outbox.leaseExpiresAt, now)),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.createdAt))
    .limit(rules.limit)
    .for('update', { skipLocked: true });
  if (due.length === 0) return [];
  await db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, leaseExpiresAt: now + rules.leaseMs })
    .where(
      inArray(
        outbox.id,
        due.map((row) => row.id),
      ),
    );
  return due.map((row) => ({
    id: row.id,
    pollId: row.pollId,
    kind: row.kind as MailKind,
    recipient: row.recipient,
    idempotencyKey: row.idempotencyKey,
    message: row.payload as unknown as MailMessage,
    attempts: row.attempts + 1,
  }));
}

export async function markMailSent(tx: Tx, id: string, now: number): Promise<void> {
  await (
    await pgOf(tx)
  )
    .update(outbox)
    .set({ sentAt: now, leaseExpiresAt: null, lastError: null })
    .where(eq(outbox.id, id));
}

export async function markMailFailed(
  tx: Tx,
  id: string,
  error: string,
  nextAttemptAt: number,
): Promise<void> {
  await (
    await pgOf(tx)
  )
    .update(outbox)
    .set({ lastError: error.slice(0, 500), nextAttemptAt, leaseExpiresAt: null })
    .where(eq(outbox.id, id));
}

export async function getFailedMail(
  on: Reader,
  pollId: string,
  maxAttempts: number,
): Promise<FailedMail[]> {
  const rows = await (
    await pgOf(on)
  )
    .select({
      kind: outbox.kind,
      recipient: outbox.recipient,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
    })
    .from(outbox)
    .where(and(eq(outbox.pollId, pollId), isNull(outbox.sentAt), gte(outbox.attempts, maxAttempts)))
    .orderBy(asc(outbox.createdAt));
  return rows.map((row) => ({
    ...row,
    kind: row.kind as MailKind,
    lastError: row.lastError ?? '',
  }));
}
