import 'server-only';
import { and, asc, eq, gte, isNull, lt, lte, or } from 'drizzle-orm';
import { connectionOf } from '@/db/client';
import { mailStops, outbox, participants, polls, unsubscribeTokens } from '@/db/schema';
import type {
  ClaimedMail,
  ClaimRules,
  FailedMail,
  OutgoingMail,
  Reader,
  Tx,
  UnsubscribeTarget,
} from '@/db/store';
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
    })
    .from(polls)
    .where(eq(polls.id, pollId))
    .get();
  if (!poll) return [];
  const stopped = stoppedAddresses(db, pollId);
  const recipients: MailRecipient[] = [];
  if (poll.email && !stopped.has(poll.email))
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
    .where(eq(participants.pollId, pollId))
    .orderBy(asc(participants.createdAt))
    .all();
  for (const row of rows) {
    if (!row.email || stopped.has(row.email)) continue;
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

function stoppedAddresses(db: ReturnType<typeof connectionOf>, pollId: string): Set<string> {
  return new Set(
    db
      .select({ recipient: mailStops.recipient })
      .from(mailStops)
      .where(eq(mailStops.pollId, pollId))
      .all()
      .map((row) => row.recipient),
  );
}

/** Deletes unsubscribe tokens made before `before`; returns how many went. */
export async function forgetUnsubscribeTokens(tx: Tx, before: number): Promise<number> {
  return connectionOf(tx)
    .delete(unsubscribeTokens)
    .where(lt(unsubscribeTokens.createdAt, before))
    .run().changes;
}

export async function findUnsubscribe(
  on: Reader,
  tokenHash: string,
): Promise<UnsubscribeTarget | null> {
  const db = connectionOf(on);
  const token = db
    .select({ pollId: unsubscribeTokens.pollId, recipient: unsubscribeTokens.recipient })
    .from(unsubscribeTokens)
    .where(eq(unsubscribeTokens.tokenHash, tokenHash))
    .get();
  if (!token) return null;
  const poll = db
    .select({ title: polls.title })
    .from(polls)
    .where(eq(polls.id, token.pollId))
    .get();
  return {
    ...token,
    pollTitle: poll?.title ?? null,
    stopped: stoppedAddresses(db, token.pollId).has(token.recipient),
  };
}

export async function stopMailTo(
  tx: Tx,
  pollId: string,
  recipient: string,
  now: number,
): Promise<number> {
  const db = connectionOf(tx);
  db.insert(mailStops).values({ pollId, recipient, stoppedAt: now }).onConflictDoNothing().run();
  return db
    .delete(outbox)
    .where(and(eq(outbox.pollId, pollId), eq(outbox.recipient, recipient), isNull(outbox.sentAt)))
    .run().changes;
}

export async function dropQueuedMail(tx: Tx, pollId: string, kind: MailKind): Promise<number> {
  return connectionOf(tx)
    .delete(outbox)
    .where(and(eq(outbox.pollId, pollId), eq(outbox.kind, kind), isNull(outbox.sentAt)))
    .run().changes;
}

export async function enqueueMail(tx: Tx, mails: OutgoingMail[], now: number): Promise<void> {
  const db = connectionOf(tx);
  const stops = new Map<string, Set<string>>();
  for (const mail of mails) {
    const stopped = stops.get(mail.pollId) ?? stoppedAddresses(db, mail.pollId);
    stops.set(mail.pollId, stopped);
    if (stopped.has(mail.recipient)) continue;
    const inserted = db
      .insert(outbox)
      .values({
        id: newShortId(),
        pollId: mail.pollId,
        kind: mail.kind,
        recipient: mail.recipient,
        payload: mail.message as unknown as Record<string, unknown>,
        idempotencyKey: mail.idempotencyKey,
        nextAttemptAt: mail.dueAt ?? now,
        createdAt: now,
      })
      .onConflictDoNothing({ target: outbox.idempotencyKey })
      .run().changes;
    if (inserted > 0)
      db.insert(unsubscribeTokens)
        .values({
          tokenHash: mail.unsubscribeTokenHash,
          pollId: mail.pollId,
          recipient: mail.recipient,
          createdAt: now,
        })
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
