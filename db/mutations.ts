import 'server-only';
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { connectionOf, preparedOnce, type Db } from '@/db/client';
import { comments, options, participants, polls, votes } from '@/db/schema';
import type { NewPoll, StatusWrite, Tx } from '@/db/store';
import { newPublicId, newShortId } from '@/db/tokens';
import type { Locale } from '@/lib/i18n/locales';
import type { PollUpdate } from '@/lib/poll/poll-admin';
import type { PreparedOption } from '@/lib/poll/poll-input';
import type { PreparedVote } from '@/lib/poll/vote-input';

function optionRow(pollId: string, option: PreparedOption, position: number) {
  // Every row names every column, so that rows of both kinds go into one INSERT.
  return option.kind === 'timed'
    ? {
        id: newShortId(),
        pollId,
        startsAt: option.startsAt,
        durationMinutes: option.durationMinutes,
        date: null,
        position,
      }
    : {
        id: newShortId(),
        pollId,
        startsAt: null,
        durationMinutes: null,
        date: option.date,
        position,
      };
}

export async function insertPoll(tx: Tx, poll: NewPoll, now: number): Promise<string> {
  const db = connectionOf(tx);
  const id = newPublicId();
  db.insert(polls)
    .values({
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
    })
    .run();
  // One statement for all options (at most 500 rows of 6 values, within SQLite's limits).
  db.insert(options)
    .values(poll.options.map((option, position) => optionRow(id, option, position)))
    .run();
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

const answerStatements = preparedOnce((db) => ({
  insertVote: db
    .insert(votes)
    .values({
      participantId: sql.placeholder('participantId'),
      optionId: sql.placeholder('optionId'),
      value: sql.placeholder('value'),
      overrideNever: sql.placeholder('overrideNever'),
    })
    .prepare(),
  deleteVotes: db
    .delete(votes)
    .where(eq(votes.participantId, sql.placeholder('participantId')))
    .prepare(),
  touch: db
    .update(polls)
    .set({ updatedAt: sql`${sql.placeholder('now')}`, version: sql`${polls.version} + 1` })
    .where(eq(polls.id, sql.placeholder('pollId')))
    .prepare(),
}));

function insertVotes(tx: Tx, participantId: string, vote: PreparedVote) {
  const { insertVote } = answerStatements(tx);
  for (const v of vote.votes)
    insertVote.run({
      participantId,
      optionId: v.optionId,
      value: v.value,
      overrideNever: v.overrideNever,
    });
}

/** Every write that changes what the poll shows goes through here (answers: `touch` above): it moves the cache key. */
function touchPoll(
  db: Db,
  pollId: string,
  now: number,
  changes: { [K in keyof typeof polls.$inferInsert]?: (typeof polls.$inferInsert)[K] | SQL } = {},
): boolean {
  return (
    db
      .update(polls)
      .set({ ...changes, updatedAt: now, version: sql`${polls.version} + 1` })
      .where(eq(polls.id, pollId))
      .run().changes > 0
  );
}

/** Stores a new participant with their votes; the checks are the caller's (server/). */
export async function insertAnswer(
  tx: Tx,
  pollId: string,
  answer: PreparedVote & { editTokenHash: string; feedTokenHash: string; locale: Locale },
  now: number,
): Promise<string> {
  const participantId = newShortId();
  connectionOf(tx)
    .insert(participants)
    .values({
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
    })
    .run();
  insertVotes(tx, participantId, answer);
  answerStatements(tx).touch.run({ pollId, now });
  return participantId;
}

/** Replaces a participant's name, zone, comfort windows and every vote. */
export async function replaceAnswer(
  tx: Tx,
  pollId: string,
  participantId: string,
  answer: PreparedVote & { feedTokenHash: string },
  now: number,
): Promise<void> {
  connectionOf(tx)
    .update(participants)
    .set({
      name: answer.name,
      timeZone: answer.timeZone,
      ...comfortColumns(answer),
      feedTokenHash: answer.feedTokenHash,
      // Leaving the field empty when changing an answer keeps the address given before.
      ...(answer.email ? { email: answer.email } : {}),
      updatedAt: now,
    })
    .where(and(eq(participants.id, participantId), eq(participants.pollId, pollId)))
    .run();
  const statements = answerStatements(tx);
  statements.deleteVotes.run({ participantId });
  insertVotes(tx, participantId, answer);
  statements.touch.run({ pollId, now });
}

export async function giveFeed(
  tx: Tx,
  participantId: string,
  editTokenHash: string,
  feedTokenHash: string,
): Promise<boolean> {
  return (
    connectionOf(tx)
      .update(participants)
      .set({ feedTokenHash })
      .where(
        and(
          eq(participants.id, participantId),
          eq(participants.editTokenHash, editTokenHash),
          isNull(participants.feedTokenHash),
        ),
      )
      .run().changes === 1
  );
}

export async function deleteParticipant(
  tx: Tx,
  pollId: string,
  participantId: string,
  now: number,
): Promise<boolean> {
  const db = connectionOf(tx);
  const result = db
    .delete(participants)
    .where(and(eq(participants.id, participantId), eq(participants.pollId, pollId)))
    .run();
  if (result.changes > 0) touchPoll(db, pollId, now);
  return result.changes > 0;
}

/**
 * Writes a status move that lib/poll/poll-status.ts decided; a move that changed the calendar
 * event bumps its iCalendar SEQUENCE, so calendars that imported it update it.
 */
export async function writePollStatus(
  tx: Tx,
  pollId: string,
  move: StatusWrite,
  now: number,
): Promise<boolean> {
  return touchPoll(connectionOf(tx), pollId, now, {
    status: move.status,
    finalOptionId: move.finalOptionId,
    ...(move.eventChanged ? { finalSequence: sql`${polls.finalSequence} + 1` } : {}),
  });
}

/** Below any instant an option can have (lib/poll refuses years before 1970). */
const PARKED = -(2 ** 50);

/**
 * Applies an organiser's edit. Answers to kept options are untouched; removing an option
 * drops only its votes (cascade); unscheduling the poll when that option was the chosen one
 * is the caller's decision (writePollStatus).
 */
export async function updatePoll(
  tx: Tx,
  pollId: string,
  update: PollUpdate,
  now: number,
): Promise<boolean> {
  const db = connectionOf(tx);
  if (!touchPoll(db, pollId, now, { ...update.details, ...update.settings })) return false;
  if (update.removeOptionIds.length > 0) {
    db.delete(options)
      .where(and(eq(options.pollId, pollId), inArray(options.id, update.removeOptionIds)))
      .run();
  }
  // Options move in two steps, so that none lands, for a moment, where another still is
  // (an hourly poll moved by an hour): the start is unique per poll.
  const move = (id: string, startsAt: number) =>
    db
      .update(options)
      .set({ startsAt })
      .where(and(eq(options.id, id), eq(options.pollId, pollId)))
      .run();
  if (update.reanchored.length > 1) update.reanchored.forEach((m, i) => move(m.id, PARKED - i));
  for (const moved of update.reanchored) move(moved.id, moved.startsAt);
  for (const option of update.addOptions) {
    db.insert(options)
      .values(optionRow(pollId, option, 0))
      .run();
  }
  // Positions follow time order, whatever was added or moved.
  const ordered = db
    .select({ id: options.id })
    .from(options)
    .where(eq(options.pollId, pollId))
    .orderBy(asc(options.startsAt), asc(options.date))
    .all();
  ordered.forEach((o, position) =>
    db.update(options).set({ position }).where(eq(options.id, o.id)).run(),
  );
  return true;
}

export async function insertComment(
  tx: Tx,
  pollId: string,
  comment: { author: string; body: string },
  now: number,
): Promise<string | null> {
  const db = connectionOf(tx);
  if (!db.select({ id: polls.id }).from(polls).where(eq(polls.id, pollId)).get()) return null;
  const id = newShortId();
  db.insert(comments)
    .values({ id, pollId, author: comment.author, body: comment.body, createdAt: now })
    .run();
  touchPoll(db, pollId, now);
  return id;
}

export async function deleteComment(
  tx: Tx,
  pollId: string,
  commentId: string,
  now: number,
): Promise<boolean> {
  const db = connectionOf(tx);
  const removed =
    db
      .delete(comments)
      .where(and(eq(comments.id, commentId), eq(comments.pollId, pollId)))
      .run().changes > 0;
  if (removed) touchPoll(db, pollId, now);
  return removed;
}

export async function deletePoll(tx: Tx, pollId: string): Promise<boolean> {
  return connectionOf(tx).delete(polls).where(eq(polls.id, pollId)).run().changes > 0;
}
