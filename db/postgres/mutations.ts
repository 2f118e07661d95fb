import 'server-only';
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgDb } from '@/db/postgres/client';
import { pgOf } from '@/db/postgres/handle';
import { comments, options, participants, polls, votes } from '@/db/postgres/schema';
import type { NewPoll, StatusWrite, Tx } from '@/db/store';
import { newPublicId, newShortId } from '@/db/tokens';
import type { Locale } from '@/lib/i18n/locales';
import type { PollUpdate } from '@/lib/poll/poll-admin';
import type { PreparedOption } from '@/lib/poll/poll-input';
import type { PreparedVote } from '@/lib/poll/vote-input';

// The writes of db/mutations.ts, statement for statement: the rules and their reasons are
// written there once. The caller holds the poll's row lock (Store.lockPoll).

function optionRow(pollId: string, option: PreparedOption, position: number) {
  return {
    id: newShortId(),
    pollId,
    startsAt: option.kind === 'timed' ? option.startsAt : null,
    durationMinutes: option.kind === 'timed' ? option.durationMinutes : null,
    date: option.kind === 'timed' ? null : option.date,
    position,
  };
}

export async function insertPoll(tx: Tx, poll: NewPoll, now: number): Promise<string> {
  const db = await pgOf(tx);
  const id = newPublicId();
  await db.insert(polls).values({
    id,
    adminTokenHash: poll.adminTokenHash,
    title: poll.title,
    description: poll.description,
    location: poll.location,
    organiserName: poll.organiserName,
    timeZone: poll.timeZone,
    kind: poll.kind,
    guestZones: poll.guestZones,
    organiserEmail: poll.organiserEmail,
    organiserLocale: poll.organiserLocale,
    status: 'open',
    createdAt: now,
    updatedAt: now,
  });
  await db
    .insert(options)
    .values(poll.options.map((option, position) => optionRow(id, option, position)));
  return id;
}

function comfortColumns(vote: PreparedVote) {
  return {
    preferredStart: vote.workingHours?.start ?? null,
    preferredEnd: vote.workingHours?.end ?? null,
    neverStart: vote.neverWindow?.start ?? null,
    neverEnd: vote.neverWindow?.end ?? null,
  };
}

async function insertVotes(db: PgDb, participantId: string, vote: PreparedVote) {
  if (vote.votes.length === 0) return;
  await db.insert(votes).values(
    vote.votes.map((v) => ({
      participantId,
      optionId: v.optionId,
      value: v.value,
      overrideNever: v.overrideNever,
    })),
  );
}

/** Moves the version, the read cache's key: every write that changes what the poll shows. */
async function touchPoll(
  db: PgDb,
  pollId: string,
  now: number,
  changes: { [K in keyof typeof polls.$inferInsert]?: (typeof polls.$inferInsert)[K] | SQL } = {},
): Promise<boolean> {
  const result = await db
    .update(polls)
    .set({ ...changes, updatedAt: now, version: sql`${polls.version} + 1` })
    .where(eq(polls.id, pollId));
  return (result.rowCount ?? 0) > 0;
}

export async function insertAnswer(
  tx: Tx,
  pollId: string,
  answer: PreparedVote & { editTokenHash: string; feedTokenHash: string; locale: Locale },
  now: number,
): Promise<string> {
  const db = await pgOf(tx);
  const participantId = newShortId();
  await db.insert(participants).values({
    id: participantId,
    pollId,
    name: answer.name,
    timeZone: answer.timeZone,
    ...comfortColumns(answer),
    editTokenHash: answer.editTokenHash,
    feedTokenHash: answer.feedTokenHash,
    submissionKey: answer.submissionKey ?? newShortId(),
    email: answer.email,
    locale: answer.locale,
    createdAt: now,
    updatedAt: now,
  });
  await insertVotes(db, participantId, answer);
  await touchPoll(db, pollId, now);
  return participantId;
}

export async function replaceAnswer(
  tx: Tx,
  pollId: string,
  participantId: string,
  answer: PreparedVote & { feedTokenHash: string },
  now: number,
): Promise<void> {
  const db = await pgOf(tx);
  await db
    .update(participants)
    .set({
      name: answer.name,
      timeZone: answer.timeZone,
      ...comfortColumns(answer),
      feedTokenHash: answer.feedTokenHash,
      ...(answer.email ? { email: answer.email } : {}),
      updatedAt: now,
    })
    .where(and(eq(participants.id, participantId), eq(participants.pollId, pollId)));
  await db.delete(votes).where(eq(votes.participantId, participantId));
  await insertVotes(db, participantId, answer);
  await touchPoll(db, pollId, now);
}

export async function giveFeed(
  tx: Tx,
  participantId: string,
  editTokenHash: string,
  feedTokenHash: string,
): Promise<boolean> {
  const given = await (
    await pgOf(tx)
  )
    .update(participants)
    .set({ feedTokenHash })
    .where(
      and(
        eq(participants.id, participantId),
        eq(participants.editTokenHash, editTokenHash),
        isNull(participants.feedTokenHash),
      ),
    )
    .returning({ id: participants.id });
  return given.length === 1;
}

export async function deleteParticipant(
  tx: Tx,
  pollId: string,
  participantId: string,
  now: number,
): Promise<boolean> {
  const db = await pgOf(tx);
  const result = await db
    .delete(participants)
    .where(and(eq(participants.id, participantId), eq(participants.pollId, pollId)));
  const removed = (result.rowCount ?? 0) > 0;
  if (removed) await touchPoll(db, pollId, now);
  return removed;
}

export async function writePollStatus(
  tx: Tx,
  pollId: string,
  move: StatusWrite,
  now: number,
): Promise<boolean> {
  return touchPoll(await pgOf(tx), pollId, now, {
    status: move.status,
    finalOptionId: move.finalOptionId,
    ...(move.eventChanged ? { finalSequence: sql`${polls.finalSequence} + 1` } : {}),
  });
}

const PARKED = -(2 ** 50);

export async function updatePoll(
  tx: Tx,
  pollId: string,
  update: PollUpdate,
  now: number,
): Promise<boolean> {
  const db = await pgOf(tx);
  if (!(await touchPoll(db, pollId, now, { ...update.details, ...update.settings }))) return false;
  if (update.removeOptionIds.length > 0) {
    await db
      .delete(options)
      .where(and(eq(options.pollId, pollId), inArray(options.id, update.removeOptionIds)));
  }
  const move = (id: string, startsAt: number) =>
    db
      .update(options)
      .set({ startsAt })
      .where(and(eq(options.id, id), eq(options.pollId, pollId)));
  if (update.reanchored.length > 1) {
    for (const [i, m] of update.reanchored.entries()) await move(m.id, PARKED - i);
  }
  for (const moved of update.reanchored) await move(moved.id, moved.startsAt);
  for (const option of update.addOptions)
    await db.insert(options).values(optionRow(pollId, option, 0));
  const ordered = await db
    .select({ id: options.id })
    .from(options)
    .where(eq(options.pollId, pollId))
    .orderBy(asc(options.startsAt), asc(options.date));
  for (const [position, o] of ordered.entries())
    await db.update(options).set({ position }).where(eq(options.id, o.id));
  return true;
}

export async function insertComment(
  tx: Tx,
  pollId: string,
  comment: { author: string; body: string },
  now: number,
): Promise<string | null> {
  const db = await pgOf(tx);
  const [poll] = await db.select({ id: polls.id }).from(polls).where(eq(polls.id, pollId));
  if (!poll) return null;
  const id = newShortId();
  await db
    .insert(comments)
    .values({ id, pollId, author: comment.author, body: comment.body, createdAt: now });
  await touchPoll(db, pollId, now);
  return id;
}

export async function deleteComment(
  tx: Tx,
  pollId: string,
  commentId: string,
  now: number,
): Promise<boolean> {
  const db = await pgOf(tx);
  const result = await db
    .delete(comments)
    .where(and(eq(comments.id, commentId), eq(comments.pollId, pollId)));
  const removed = (result.rowCount ?? 0) > 0;
  if (removed) await touchPoll(db, pollId, now);
  return removed;
}

export async function deletePoll(tx: Tx, pollId: string): Promise<boolean> {
  const result = await (await pgOf(tx)).delete(polls).where(eq(polls.id, pollId));
  return (result.rowCount ?? 0) > 0;
}
