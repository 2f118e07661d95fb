import 'server-only';
import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { getDb, preparedOnce, type Db } from '@/db/client';
import { optionIdsOf } from '@/db/queries';
import { comments, options, participants, polls, votes } from '@/db/schema';
import { hashSecret, newPublicId, newSecret, newShortId, secretMatches } from '@/db/tokens';
import type { PollUpdate } from '@/lib/poll/poll-admin';
import { answersRefused } from '@/lib/poll/model';
import { moveStatus, type StatusChange } from '@/lib/poll/poll-status';
import type { PreparedPoll } from '@/lib/poll/poll-input';
import type { PreparedVote } from '@/lib/poll/vote-input';

export function insertPoll(poll: PreparedPoll, now: number): { id: string; adminToken: string } {
  const id = newPublicId();
  const adminToken = newSecret();
  getDb().transaction((tx) => {
    tx.insert(polls)
      .values({
        id,
        adminTokenHash: hashSecret(adminToken),
        title: poll.title,
        description: poll.description,
        location: poll.location,
        organiserName: poll.organiserName,
        timeZone: poll.timeZone,
        kind: poll.kind,
        guestZones: poll.guestZones,
        status: 'open',
        createdAt: now,
        updatedAt: now,
      })
      .run();
    // One statement for all options (at most 500 rows of 6 values, within SQLite's limits).
    tx.insert(options)
      .values(
        poll.options.map((option, position) =>
          option.kind === 'timed'
            ? {
                id: newShortId(),
                pollId: id,
                startsAt: option.startsAt,
                durationMinutes: option.durationMinutes,
                date: null,
                position,
              }
            : {
                id: newShortId(),
                pollId: id,
                startsAt: null,
                durationMinutes: null,
                date: option.date,
                position,
              },
        ),
      )
      .run();
  });
  return { id, adminToken };
}

function comfortColumns(vote: PreparedVote) {
  return {
    preferredStart: vote.workingHours?.start ?? null,
    preferredEnd: vote.workingHours?.end ?? null,
    neverStart: vote.neverWindow?.start ?? null,
    neverEnd: vote.neverWindow?.end ?? null,
  };
}

export type VoteWriteResult =
  | { ok: true; participantId: string; editToken: string | null }
  | { ok: false; reason: 'notFound' | 'closed' | 'deadline' | 'unknownOption' }
  | { ok: false; reason: 'full'; optionId: string };

/**
 * The checks that must see the same data as the write: the poll takes answers now, every
 * vote names one of its options, and no option goes past its limit of yes answers (first
 * come, first served: the check and the insert share one transaction).
 */
function refuseVote(
  tx: Tx,
  pollId: string,
  participantId: string | null,
  vote: PreparedVote,
  now: number,
): VoteWriteResult | null {
  const poll = answerStatements().pollState.get({ pollId });
  if (!poll) return { ok: false, reason: 'notFound' };
  const refused = answersRefused(poll, now);
  if (refused) return { ok: false, reason: refused };
  const known = new Set(optionIdsOf(pollId));
  if (vote.votes.some((v) => !known.has(v.optionId))) return { ok: false, reason: 'unknownOption' };
  if (poll.optionLimit !== null) {
    for (const v of vote.votes) {
      if (v.value !== 'yes') continue;
      const taken = tx
        .select({ n: count() })
        .from(votes)
        .where(
          and(
            eq(votes.optionId, v.optionId),
            eq(votes.value, 'yes'),
            participantId === null ? undefined : ne(votes.participantId, participantId),
          ),
        )
        .get();
      if ((taken?.n ?? 0) >= poll.optionLimit)
        return { ok: false, reason: 'full', optionId: v.optionId };
    }
  }
  return null;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const answerStatements = preparedOnce((db) => ({
  bySubmissionKey: db
    .select({ id: participants.id })
    .from(participants)
    .where(
      and(
        eq(participants.pollId, sql.placeholder('pollId')),
        eq(participants.submissionKey, sql.placeholder('key')),
      ),
    )
    .prepare(),
  pollState: db
    .select({ status: polls.status, deadline: polls.deadline, optionLimit: polls.optionLimit })
    .from(polls)
    .where(eq(polls.id, sql.placeholder('pollId')))
    .prepare(),
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

function insertVotes(participantId: string, vote: PreparedVote) {
  const { insertVote } = answerStatements();
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
  tx: Tx,
  pollId: string,
  now: number,
  changes: Partial<typeof polls.$inferInsert> = {},
): boolean {
  return (
    tx
      .update(polls)
      .set({ ...changes, updatedAt: now, version: sql`${polls.version} + 1` })
      .where(eq(polls.id, pollId))
      .run().changes > 0
  );
}

/**
 * Stores a new answer. The poll's state and its options are re-read inside the
 * transaction, so an answer can never land on a closed poll or on another poll's option.
 * A repeated submission key returns the first participant without a second row (and
 * without a token: only its hash was kept).
 */
export function insertParticipant(
  pollId: string,
  vote: PreparedVote,
  now: number,
): VoteWriteResult {
  return getDb().transaction((tx): VoteWriteResult => {
    if (vote.submissionKey) {
      const existing = answerStatements().bySubmissionKey.get({ pollId, key: vote.submissionKey });
      if (existing) return { ok: true, participantId: existing.id, editToken: null };
    }
    const refused = refuseVote(tx, pollId, null, vote, now);
    if (refused) return refused;
    const participantId = newShortId();
    const editToken = newSecret();
    tx.insert(participants)
      .values({
        id: participantId,
        pollId,
        name: vote.name,
        timeZone: vote.timeZone,
        ...comfortColumns(vote),
        editTokenHash: hashSecret(editToken),
        submissionKey: vote.submissionKey ?? newShortId(),
        createdAt: now,
        updatedAt: now,
      })
      .run();
    insertVotes(participantId, vote);
    answerStatements().touch.run({ pollId, now });
    return { ok: true, participantId, editToken };
  });
}

/** Replaces a participant's answer; a wrong token is indistinguishable from a missing one. */
export function updateParticipant(
  pollId: string,
  participantId: string,
  editToken: string,
  vote: PreparedVote,
  now: number,
): VoteWriteResult {
  return getDb().transaction((tx): VoteWriteResult => {
    const row = tx
      .select({ pollId: participants.pollId, hash: participants.editTokenHash })
      .from(participants)
      .where(eq(participants.id, participantId))
      .get();
    if (!row || row.pollId !== pollId || !secretMatches(editToken, row.hash)) {
      return { ok: false, reason: 'notFound' };
    }
    const refused = refuseVote(tx, pollId, participantId, vote, now);
    if (refused) return refused;
    tx.update(participants)
      .set({ name: vote.name, timeZone: vote.timeZone, ...comfortColumns(vote), updatedAt: now })
      .where(eq(participants.id, participantId))
      .run();
    answerStatements().deleteVotes.run({ participantId });
    insertVotes(participantId, vote);
    answerStatements().touch.run({ pollId, now });
    return { ok: true, participantId, editToken };
  });
}

export function deleteParticipant(pollId: string, participantId: string, now: number): boolean {
  return getDb().transaction((tx) => {
    const result = tx
      .delete(participants)
      .where(and(eq(participants.id, participantId), eq(participants.pollId, pollId)))
      .run();
    if (result.changes > 0) touchPoll(tx, pollId, now);
    return result.changes > 0;
  });
}

export type StatusResult =
  | { ok: true }
  | { ok: false; reason: 'notFound' | 'unknownOption' }
  | { ok: false; reason: 'notAllowed'; code: string };

/** Moves the poll's status as lib/poll/poll-status.ts allows, on the state inside the transaction. */
function applyStatus(tx: Tx, pollId: string, change: StatusChange, now: number): StatusResult {
  const poll = tx
    .select({
      status: polls.status,
      finalOptionId: polls.finalOptionId,
      sequence: polls.finalSequence,
    })
    .from(polls)
    .where(eq(polls.id, pollId))
    .get();
  if (!poll) return { ok: false, reason: 'notFound' };
  if (change.kind === 'schedule' && !optionIdsOf(pollId).includes(change.optionId))
    return { ok: false, reason: 'unknownOption' };
  const move = moveStatus(poll, change);
  if (!move.ok) return { ok: false, reason: 'notAllowed', code: move.code };
  touchPoll(tx, pollId, now, {
    status: move.status,
    finalOptionId: move.finalOptionId,
    finalSequence: poll.sequence + (move.eventChanged ? 1 : 0),
  });
  return { ok: true };
}

export function setPollStatus(
  pollId: string,
  status: 'open' | 'closed',
  now: number,
): StatusResult {
  return getDb().transaction((tx) =>
    applyStatus(tx, pollId, { kind: status === 'open' ? 'reopen' : 'close' }, now),
  );
}

/** Below any instant an option can have (lib/poll refuses years before 1970). */
const PARKED = -(2 ** 50);

export type UpdateResult = { ok: true } | { ok: false; reason: 'notFound' };

/**
 * Applies an organiser's edit. Answers to kept options are untouched; removing an option
 * drops only its votes (cascade), and unschedules the poll if it was the chosen one.
 */
export function updatePoll(pollId: string, update: PollUpdate, now: number): UpdateResult {
  return getDb().transaction((tx): UpdateResult => {
    const poll = tx
      .select({ finalOptionId: polls.finalOptionId })
      .from(polls)
      .where(eq(polls.id, pollId))
      .get();
    if (!poll) return { ok: false, reason: 'notFound' };
    if (poll.finalOptionId !== null && update.removeOptionIds.includes(poll.finalOptionId))
      applyStatus(tx, pollId, { kind: 'reopen' }, now);
    touchPoll(tx, pollId, now, { ...update.details, ...update.settings });
    if (update.removeOptionIds.length > 0) {
      tx.delete(options)
        .where(and(eq(options.pollId, pollId), inArray(options.id, update.removeOptionIds)))
        .run();
    }
    // Options move in two steps, so that none lands, for a moment, where another still is
    // (an hourly poll moved by an hour): the start is unique per poll.
    const move = (id: string, startsAt: number) =>
      tx
        .update(options)
        .set({ startsAt })
        .where(and(eq(options.id, id), eq(options.pollId, pollId)))
        .run();
    if (update.reanchored.length > 1) update.reanchored.forEach((m, i) => move(m.id, PARKED - i));
    for (const moved of update.reanchored) move(moved.id, moved.startsAt);
    for (const option of update.addOptions) {
      tx.insert(options)
        .values(
          option.kind === 'timed'
            ? {
                id: newShortId(),
                pollId,
                startsAt: option.startsAt,
                durationMinutes: option.durationMinutes,
                position: 0,
              }
            : { id: newShortId(), pollId, date: option.date, position: 0 },
        )
        .run();
    }
    // Positions follow time order, whatever was added or moved.
    const ordered = tx
      .select({ id: options.id })
      .from(options)
      .where(eq(options.pollId, pollId))
      .orderBy(asc(options.startsAt), asc(options.date))
      .all();
    ordered.forEach((o, position) =>
      tx.update(options).set({ position }).where(eq(options.id, o.id)).run(),
    );
    return { ok: true };
  });
}

/**
 * Schedules the poll on one of its own options (or reopens it with null). Each change of the
 * event bumps the iCalendar SEQUENCE so calendars that imported it update it. Two organisers
 * finalising at once: the transactions serialise and the last one wins for everybody.
 */
export function finalisePoll(pollId: string, optionId: string | null, now: number): StatusResult {
  return getDb().transaction((tx) =>
    applyStatus(
      tx,
      pollId,
      optionId === null ? { kind: 'reopen' } : { kind: 'schedule', optionId },
      now,
    ),
  );
}

export function insertComment(
  pollId: string,
  comment: { author: string; body: string },
  now: number,
): string | null {
  return getDb().transaction((tx) => {
    if (!tx.select({ id: polls.id }).from(polls).where(eq(polls.id, pollId)).get()) return null;
    const id = newShortId();
    tx.insert(comments)
      .values({ id, pollId, author: comment.author, body: comment.body, createdAt: now })
      .run();
    touchPoll(tx, pollId, now);
    return id;
  });
}

export function deleteComment(pollId: string, commentId: string, now: number): boolean {
  return getDb().transaction((tx) => {
    const removed =
      tx
        .delete(comments)
        .where(and(eq(comments.id, commentId), eq(comments.pollId, pollId)))
        .run().changes > 0;
    if (removed) touchPoll(tx, pollId, now);
    return removed;
  });
}

export function deletePoll(pollId: string): boolean {
  return getDb().delete(polls).where(eq(polls.id, pollId)).run().changes > 0;
}
