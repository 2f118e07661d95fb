import 'server-only';
import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { PgDb } from '@/db/postgres/client';
import { pgOf } from '@/db/postgres/handle';
import { mailStops, outbox, participants, polls, unsubscribeTokens } from '@/db/postgres/schema';
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

// The outbox of db/outbox.ts on PostgreSQL; only the claim differs (SKIP LOCKED).

export async function getMailRecipients(on: Reader, pollId: string): Promise<MailRecipient[]> {
  const db = await pgOf(on);
  const [poll] = await db
    .select({
      email: polls.organiserEmail,
      name: polls.organiserName,
      locale: polls.organiserLocale,
      timeZone: polls.timeZone,
    })
    .from(polls)
    .where(eq(polls.id, pollId));
  if (!poll) return [];
  const stopped = await stoppedAddresses(db, [pollId]);
  const recipients: MailRecipient[] = [];
  if (poll.email && !stopped.has(`${pollId} ${poll.email}`))
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
    .where(eq(participants.pollId, pollId))
    .orderBy(asc(participants.createdAt));
  for (const row of rows) {
    if (!row.email || stopped.has(`${pollId} ${row.email}`)) continue;
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

/** `pollId recipient` of every stop on the polls. */
async function stoppedAddresses(db: PgDb, pollIds: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ pollId: mailStops.pollId, recipient: mailStops.recipient })
    .from(mailStops)
    .where(inArray(mailStops.pollId, pollIds));
  return new Set(rows.map((row) => `${row.pollId} ${row.recipient}`));
}

/** Deletes unsubscribe tokens made before `before`; returns how many went. */
export async function forgetUnsubscribeTokens(tx: Tx, before: number): Promise<number> {
  const deleted = await (
    await pgOf(tx)
  )
    .delete(unsubscribeTokens)
    .where(lt(unsubscribeTokens.createdAt, before))
    .returning({ tokenHash: unsubscribeTokens.tokenHash });
  return deleted.length;
}

export async function findUnsubscribe(
  on: Reader,
  tokenHash: string,
): Promise<UnsubscribeTarget | null> {
  const db = await pgOf(on);
  const [token] = await db
    .select({ pollId: unsubscribeTokens.pollId, recipient: unsubscribeTokens.recipient })
    .from(unsubscribeTokens)
    .where(eq(unsubscribeTokens.tokenHash, tokenHash));
  if (!token) return null;
  const [poll] = await db
    .select({ title: polls.title })
    .from(polls)
    .where(eq(polls.id, token.pollId));
  const stopped = await stoppedAddresses(db, [token.pollId]);
  return {
    ...token,
    pollTitle: poll?.title ?? null,
    stopped: stopped.has(`${token.pollId} ${token.recipient}`),
  };
}

export async function stopMailTo(
  tx: Tx,
  pollId: string,
  recipient: string,
  now: number,
): Promise<number> {
  const db = await pgOf(tx);
  await db.insert(mailStops).values({ pollId, recipient, stoppedAt: now }).onConflictDoNothing();
  const dropped = await db
    .delete(outbox)
    .where(and(eq(outbox.pollId, pollId), eq(outbox.recipient, recipient), isNull(outbox.sentAt)));
  return dropped.rowCount ?? 0;
}

export async function dropQueuedMail(tx: Tx, pollId: string, kind: MailKind): Promise<number> {
  const dropped = await (
    await pgOf(tx)
  )
    .delete(outbox)
    .where(and(eq(outbox.pollId, pollId), eq(outbox.kind, kind), isNull(outbox.sentAt)));
  return dropped.rowCount ?? 0;
}

export async function enqueueMail(tx: Tx, mails: OutgoingMail[], now: number): Promise<void> {
  if (mails.length === 0) return;
  const db = await pgOf(tx);
  const stopped = await stoppedAddresses(db, [...new Set(mails.map((mail) => mail.pollId))]);
  const wanted = mails.filter((mail) => !stopped.has(`${mail.pollId} ${mail.recipient}`));
  if (wanted.length === 0) return;
  const inserted = await db
    .insert(outbox)
    .values(
      wanted.map((mail) => ({
        id: newShortId(),
        pollId: mail.pollId,
        kind: mail.kind,
        recipient: mail.recipient,
        payload: mail.message as unknown as Record<string, unknown>,
        idempotencyKey: mail.idempotencyKey,
        nextAttemptAt: mail.dueAt ?? now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: outbox.idempotencyKey })
    .returning({ idempotencyKey: outbox.idempotencyKey });
  const kept = new Set(inserted.map((row) => row.idempotencyKey));
  // The first of a key wins, as in the outbox.
  const first = new Map(wanted.toReversed().map((mail) => [mail.idempotencyKey, mail]));
  const tokens = [...first.values()]
    .filter((mail) => kept.has(mail.idempotencyKey))
    .map((mail) => ({
      tokenHash: mail.unsubscribeTokenHash,
      pollId: mail.pollId,
      recipient: mail.recipient,
      createdAt: now,
    }));
  if (tokens.length > 0) await db.insert(unsubscribeTokens).values(tokens);
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
