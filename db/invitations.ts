import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { connectionOf, type Db } from '@/db/client';
import { invitationLinks, invitations, mailStops, outbox, polls } from '@/db/schema';
import type { InvitationLink, InvitationRecord, Reader, Tx } from '@/db/store';
import { newShortId } from '@/db/tokens';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/locales';
import type { MailKind } from '@/lib/mail/mail-message';

const columns = {
  id: invitations.id,
  email: invitations.email,
  locale: invitations.locale,
  participantId: invitations.participantId,
  invitedAt: invitations.invitedAt,
  remindedAt: invitations.remindedAt,
  stopped: sql<number>`exists (select 1 from ${mailStops} where ${mailStops.pollId} = ${invitations.pollId} and ${mailStops.recipient} = ${invitations.email})`,
};

type Row = Omit<InvitationRecord, 'stopped' | 'locale'> & { stopped: number; locale: string };

function record(row: Row): InvitationRecord {
  return {
    ...row,
    locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
    stopped: Boolean(row.stopped),
  };
}

export async function getInvitations(on: Reader, pollId: string): Promise<InvitationRecord[]> {
  return connectionOf(on)
    .select(columns)
    .from(invitations)
    .where(eq(invitations.pollId, pollId))
    .orderBy(asc(invitations.invitedAt), asc(invitations.email))
    .all()
    .map(record);
}

export async function findInvitation(
  on: Reader,
  pollId: string,
  tokenHash: string,
): Promise<InvitationRecord | null> {
  const row = connectionOf(on)
    .select(columns)
    .from(invitationLinks)
    .innerJoin(invitations, eq(invitations.id, invitationLinks.invitationId))
    .where(and(eq(invitationLinks.tokenHash, tokenHash), eq(invitations.pollId, pollId)))
    .get();
  return row ? record(row) : null;
}

function touch(db: Db, pollId: string, now: number) {
  db.update(polls)
    .set({ updatedAt: now, version: sql`${polls.version} + 1` })
    .where(eq(polls.id, pollId))
    .run();
}

export async function insertInvitations(
  tx: Tx,
  pollId: string,
  emails: string[],
  locale: Locale,
  now: number,
): Promise<InvitationRecord[]> {
  if (emails.length === 0) return [];
  const db = connectionOf(tx);
  const rows = emails.map((email) => ({
    id: newShortId(),
    pollId,
    email,
    locale,
    participantId: null,
    invitedAt: now,
    remindedAt: null,
  }));
  db.insert(invitations).values(rows).run();
  touch(db, pollId, now);
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
  connectionOf(tx)
    .insert(invitationLinks)
    .values(links.map((link) => ({ ...link, createdAt: now })))
    .run();
}

export async function linkInvitation(
  tx: Tx,
  invitationId: string,
  participantId: string,
): Promise<void> {
  connectionOf(tx)
    .update(invitations)
    .set({ participantId })
    .where(eq(invitations.id, invitationId))
    .run();
}

export async function markInvitationsReminded(
  tx: Tx,
  pollId: string,
  ids: string[],
  now: number,
): Promise<void> {
  if (ids.length === 0) return;
  const db = connectionOf(tx);
  db.update(invitations)
    .set({ remindedAt: now })
    .where(and(eq(invitations.pollId, pollId), inArray(invitations.id, ids)))
    .run();
  touch(db, pollId, now);
}

export async function getMailKeys(
  on: Reader,
  pollId: string,
  kind: MailKind,
): Promise<{ key: string; sent: boolean }[]> {
  return connectionOf(on)
    .select({ key: outbox.idempotencyKey, sentAt: outbox.sentAt })
    .from(outbox)
    .where(and(eq(outbox.pollId, pollId), eq(outbox.kind, kind)))
    .all()
    .map((row) => ({ key: row.key, sent: row.sentAt !== null }));
}

export async function dropMailByKeys(tx: Tx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const db = connectionOf(tx);
  db.delete(outbox)
    .where(and(inArray(outbox.idempotencyKey, keys), isNull(outbox.sentAt)))
    .run();
  db.delete(invitationLinks).where(inArray(invitationLinks.mailKey, keys)).run();
}

export async function setMailDue(tx: Tx, key: string, dueAt: number): Promise<void> {
  connectionOf(tx)
    .update(outbox)
    .set({ nextAttemptAt: dueAt })
    .where(and(eq(outbox.idempotencyKey, key), isNull(outbox.sentAt)))
    .run();
}
