import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PgDb } from '@/db/postgres/client';
import { pgOf } from '@/db/postgres/handle';
import { invitationLinks, invitations, mailStops, outbox, polls } from '@/db/postgres/schema';
import type { InvitationLink, InvitationRecord, Reader, Tx } from '@/db/store';
import { newShortId } from '@/db/tokens';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/locales';
import type { MailKind } from '@/lib/mail/mail-message';

// The invitations of db/invitations.ts on PostgreSQL, statement for statement.

const columns = {
  id: invitations.id,
  email: invitations.email,
  locale: invitations.locale,
  participantId: invitations.participantId,
  invitedAt: invitations.invitedAt,
  remindedAt: invitations.remindedAt,
  stopped: sql<boolean>`exists (select 1 from ${mailStops} where ${mailStops.pollId} = ${invitations.pollId} and ${mailStops.recipient} = ${invitations.email})`,
};

export async function getInvitations(on: Reader, pollId: string): Promise<InvitationRecord[]> {
  return (await pgOf(on))
    .select(columns)
    .from(invitations)
    .where(eq(invitations.pollId, pollId))
    .orderBy(asc(invitations.invitedAt), asc(invitations.email))
    .then((rows) => rows.map(record));
}

export async function findInvitation(
  on: Reader,
  pollId: string,
  tokenHash: string,
): Promise<InvitationRecord | null> {
  const [row] = await (
    await pgOf(on)
  )
    .select(columns)
    .from(invitationLinks)
    .innerJoin(invitations, eq(invitations.id, invitationLinks.invitationId))
    .where(and(eq(invitationLinks.tokenHash, tokenHash), eq(invitations.pollId, pollId)));
  return row ? record(row) : null;
}

type Row = Omit<InvitationRecord, 'locale'> & { locale: string };

function record(row: Row): InvitationRecord {
  return { ...row, locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE };
}

async function touch(db: PgDb, pollId: string, now: number) {
  await db
    .update(polls)
    .set({ updatedAt: now, version: sql`${polls.version} + 1` })
    .where(eq(polls.id, pollId));
}

export async function insertInvitations(
  tx: Tx,
  pollId: string,
  emails: string[],
  locale: Locale,
  now: number,
): Promise<InvitationRecord[]> {
  if (emails.length === 0) return [];
  const db = await pgOf(tx);
  const rows = emails.map((email) => ({
    id: newShortId(),
    pollId,
    email,
    locale,
    participantId: null,
    invitedAt: now,
    remindedAt: null,
  }));
  await db.insert(invitations).values(rows);
  await touch(db, pollId, now);
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    locale,
    participantId: null,
    invitedAt: now,
    remindedAt: null,
    stopped: false,
  }));
}

export async function addInvitationLinks(
  tx: Tx,
  links: InvitationLink[],
  now: number,
): Promise<void> {
  if (links.length === 0) return;
  await (
    await pgOf(tx)
  )
    .insert(invitationLinks)
    .values(links.map((link) => ({ ...link, createdAt: now })));
}

export async function linkInvitation(
  tx: Tx,
  invitationId: string,
  participantId: string,
): Promise<void> {
  await (
    await pgOf(tx)
  )
    .update(invitations)
    .set({ participantId })
    .where(eq(invitations.id, invitationId));
}

export async function markInvitationsReminded(
  tx: Tx,
  pollId: string,
  ids: string[],
  now: number,
): Promise<void> {
  if (ids.length === 0) return;
  const db = await pgOf(tx);
  await db
    .update(invitations)
    .set({ remindedAt: now })
    .where(and(eq(invitations.pollId, pollId), inArray(invitations.id, ids)));
  await touch(db, pollId, now);
}

export async function getMailKeys(
  on: Reader,
  pollId: string,
  kind: MailKind,
): Promise<{ key: string; sent: boolean }[]> {
  const rows = await (
    await pgOf(on)
  )
    .select({ key: outbox.idempotencyKey, sentAt: outbox.sentAt })
    .from(outbox)
    .where(and(eq(outbox.pollId, pollId), eq(outbox.kind, kind)));
  return rows.map((row) => ({ key: row.key, sent: row.sentAt !== null }));
}

export async function dropMailByKeys(tx: Tx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const db = await pgOf(tx);
  await db.delete(outbox).where(and(inArray(outbox.idempotencyKey, keys), isNull(outbox.sentAt)));
  await db.delete(invitationLinks).where(inArray(invitationLinks.mailKey, keys));
}

export async function setMailDue(tx: Tx, key: string, dueAt: number): Promise<void> {
  await (
    await pgOf(tx)
  )
    .update(outbox)
    .set({ nextAttemptAt: dueAt })
    .where(and(eq(outbox.idempotencyKey, key), isNull(outbox.sentAt)));
}
