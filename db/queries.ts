import 'server-only';
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { connectionOf, preparedOnce, type Db } from '@/db/client';
import { cachedAt, deepFreeze, pollRecordOf, remember } from '@/db/poll-cache';
import { comments, options, participants, polls, votes } from '@/db/schema';
import type { AnswerRules, FeedOwner, PollStamp, Reader } from '@/db/store';
import type { PollRecord } from '@/lib/poll/model';

type Select = Pick<Db, 'select'>;

/**
 * The poll with its options (in order), participants (oldest first) and every vote, frozen
 * and shared (db/poll-cache.ts). Inside a transaction it is read afresh and never cached.
 */
export async function getPollWithVotes(on: Reader, pollId: string): Promise<PollRecord | null> {
  const db = connectionOf(on);
  if (db.$client.inTransaction) {
    const record = readPoll(db, pollId);
    return record && deepFreeze(record);
  }
  // One read transaction: the version and the rows come from the same snapshot.
  return db.transaction((tx) => {
    const head = tx
      .select({ version: polls.version })
      .from(polls)
      .where(eq(polls.id, pollId))
      .get();
    const hit = cachedAt(pollId, head?.version ?? null);
    if (hit || !head) return hit ?? null;
    const record = readPoll(tx, pollId);
    return record && remember(pollId, head.version, record);
  });
}

function readPoll(db: Select, pollId: string): PollRecord | null {
  const poll = db.select().from(polls).where(eq(polls.id, pollId)).get();
  if (!poll) return null;
  return pollRecordOf({
    poll,
    options: db
      .select({
        id: options.id,
        startsAt: options.startsAt,
        durationMinutes: options.durationMinutes,
        date: options.date,
      })
      .from(options)
      .where(eq(options.pollId, pollId))
      .orderBy(asc(options.position))
      .all(),
    participants: db
      .select()
      .from(participants)
      .where(eq(participants.pollId, pollId))
      .orderBy(asc(participants.createdAt), asc(participants.id))
      .all(),
    votes: db
      .select({
        participantId: votes.participantId,
        optionId: votes.optionId,
        value: votes.value,
        overrideNever: votes.overrideNever,
      })
      .from(votes)
      .innerJoin(participants, eq(votes.participantId, participants.id))
      .where(eq(participants.pollId, pollId))
      .all(),
    comments: db
      .select({
        id: comments.id,
        author: comments.author,
        body: comments.body,
        createdAt: comments.createdAt,
      })
      .from(comments)
      .where(eq(comments.pollId, pollId))
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .all(),
  });
}

/**
 * The poll's option ids, or null for a missing poll: all an answer needs to be checked.
 * Cheaper than getPollWithVotes, which reads every vote of a poll that may have hundreds.
 */
export async function getOptionIds(on: Reader, pollId: string): Promise<string[] | null> {
  const statements = pollStatements(on);
  if (!statements.pollExists.get({ pollId })) return null;
  return statements.optionIds.all({ pollId }).map((o) => o.id);
}

export async function getAnswerRules(on: Reader, pollId: string): Promise<AnswerRules | null> {
  return pollStatements(on).answerRules.get({ pollId }) ?? null;
}

export async function findParticipantBySubmissionKey(
  on: Reader,
  pollId: string,
  key: string,
): Promise<string | null> {
  return pollStatements(on).bySubmissionKey.get({ pollId, key })?.id ?? null;
}

export async function countYes(
  on: Reader,
  optionId: string,
  exceptParticipantId: string | null,
): Promise<number> {
  const row = connectionOf(on)
    .select({ n: count() })
    .from(votes)
    .where(
      and(
        eq(votes.optionId, optionId),
        eq(votes.value, 'yes'),
        exceptParticipantId === null ? undefined : ne(votes.participantId, exceptParticipantId),
      ),
    )
    .get();
  return row?.n ?? 0;
}

const pollStatements = preparedOnce((db) => ({
  pollExists: db
    .select({ id: polls.id })
    .from(polls)
    .where(eq(polls.id, sql.placeholder('pollId')))
    .prepare(),
  optionIds: db
    .select({ id: options.id })
    .from(options)
    .where(eq(options.pollId, sql.placeholder('pollId')))
    .orderBy(asc(options.position))
    .prepare(),
  answerRules: db
    .select({ status: polls.status, deadline: polls.deadline, optionLimit: polls.optionLimit })
    .from(polls)
    .where(eq(polls.id, sql.placeholder('pollId')))
    .prepare(),
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
}));

/** The hash of the poll's admin token; null for a missing poll. */
export async function getAdminTokenHash(on: Reader, pollId: string): Promise<string | null> {
  const row = connectionOf(on)
    .select({ hash: polls.adminTokenHash })
    .from(polls)
    .where(eq(polls.id, pollId))
    .get();
  return row?.hash ?? null;
}

export async function getPollStamp(on: Reader, pollId: string): Promise<PollStamp | null> {
  const row = connectionOf(on)
    .select({ version: polls.version, deadline: polls.deadline })
    .from(polls)
    .where(eq(polls.id, pollId))
    .get();
  return row ?? null;
}

/** The hash of the participant's edit token; null unless they answered this very poll. */
export async function getEditTokenHash(
  on: Reader,
  pollId: string,
  participantId: string,
): Promise<string | null> {
  const row = connectionOf(on)
    .select({ pollId: participants.pollId, hash: participants.editTokenHash })
    .from(participants)
    .where(eq(participants.id, participantId))
    .get();
  return row !== undefined && row.pollId === pollId ? row.hash : null;
}

export async function findFeed(on: Reader, feedTokenHash: string): Promise<FeedOwner | null> {
  const row = connectionOf(on)
    .select({ pollId: participants.pollId, participantId: participants.id })
    .from(participants)
    .where(eq(participants.feedTokenHash, feedTokenHash))
    .get();
  return row ?? null;
}
