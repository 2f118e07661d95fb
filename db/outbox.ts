import 'server-only';
import { and, asc, eq, gte, isNull, lt, lte, or } from 'drizzle-orm';
import { connectionOf } from '@/db/client';
import { outbox, participants, polls } from '@/db/schema';
import type { ClaimedMail, ClaimRules, FailedMail, OutgoingMail, Reader, Tx } from '@/db/store';
import { newShortId } from '@/db/tokens';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import type { MailKind, MailMessage, MailRecipient } from '@/lib/mail/mail-message';

export async function getMailRecipients(on: Reader, pollId: string): Promise<MailRecipient[]> {
  const db = connectionOf(on);
  const poll = db
    .select({
      email: polls.organiserEmail,
      name: polls.organiserName,
      locale: polls.organiserLocale,
      timeZone: polls.timeZone,
      stopped: polls.organiserMailStopped,
    })
    .from(polls)
    .where(eq(polls.id, pollId))
    .get();
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
  const rows = db
    .select({
      id: participants.id,
      name: participants.name,
      email: participants.email,
      locale: participants.locale,
      timeZone: participants.timeZone,
    })
    .from(participants)
    .where(and(eq(participants.pollId, pollId), eq(participants.mailStopped, false)))
    .orderBy(asc(participants.createdAt))
    .all();
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
  const db = connectionOf(tx);
  if (role.kind === 'organiser')
    return (
      db.update(polls).set({ organiserMailStopped: true }).where(eq(polls.id, pollId)).run()
        .changes > 0
    );
  return (
    db
      .update(participants)
      .set({ mailStopped: true })
      .where(and(eq(participants.id, role.participantId), eq(participants.pollId, pollId)))
      .run().changes > 0
  );
}

export async function enqueueMail(tx: Tx, mails: OutgoingMail[], now: number): Promise<void> {
  const db = connectionOf(tx);
  for (const mail of mails) {
    db.insert(outbox)
      .values({
        id: newShortId(),
        pollId: mail.pollId,
        kind: mail.kind,
        recipient: mail.recipient,
        payload: mail.message as unknown as Record<string, unknown>,
        idempotencyKey: mail.idempotencyKey,
        nextAttemptAt: now,
        createdAt: now,
      })
      .onConflictDoNothing({ target: outbox.idempotencyKey })
      .run();
  }
}

/**
 * Select then update in one transaction; SQLite's BEGIN IMMEDIATE already keeps every other
 * writer (another process on the file) out until the claim commits.
 */
export async function claimMail(tx: Tx, now: number, rules: ClaimRules): Promise<ClaimedMail[]> {
  const db = connectionOf(tx);
  const due = db
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
    .all();
  return due.map((row) => {
    db.update(outbox)
      .set({ attempts: row.attempts + 1, leaseExpiresAt: now + rules.leaseMs })
      .where(eq(outbox.id, row.id))
      .run();
    return {
      id: row.id,
      pollId: row.pollId,
      kind: row.kind as MailKind,
      recipient: row.recipient,
      idempotencyKey: row.idempotencyKey,
      message: row.payload as unknown as MailMessage,
      attempts: row.attempts + 1,
    };
  });
}

export async function markMailSent(tx: Tx, id: string, now: number): Promise<void> {
  connectionOf(tx)
    .update(outbox)
    .set({ sentAt: now, leaseExpiresAt: null, lastError: null })
    .where(eq(outbox.id, id))
    .run();
}

export async function markMailFailed(
  tx: Tx,
  id: string,
  error: string,
  nextAttemptAt: number,
): Promise<void> {
  connectionOf(tx)
    .update(outbox)
    .set({ lastError: error.slice(0, 500), nextAttemptAt, leaseExpiresAt: null })
    .where(eq(outbox.id, id))
    .run();
}

export async function getFailedMail(
  on: Reader,
  pollId: string,
  maxAttempts: number,
): Promise<FailedMail[]> {
  return connectionOf(on)
    .select({
      kind: outbox.kind,
      recipient: outbox.recipient,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
    })
    .from(outbox)
    .where(and(eq(outbox.pollId, pollId), isNull(outbox.sentAt), gte(outbox.attempts, maxAttempts)))
    .orderBy(asc(outbox.createdAt))
    .all()
    .map((row) => ({ ...row, kind: row.kind as MailKind, lastError: row.lastError ?? '' }));
}
