import 'server-only';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import { cachedAt, deepFreeze, pollRecordOf, remember } from '@/db/poll-cache';
import type { PgDb } from '@/db/postgres/client';
import { inTransaction, pgOf, poolOf } from '@/db/postgres/handle';
import { comments, options, participants, polls, votes } from '@/db/postgres/schema';
import type { AnswerRules, FeedOwner, PollStamp, Reader } from '@/db/store';
import type { PollRecord } from '@/lib/poll/model';

/**
 * As on SQLite (db/queries.ts): frozen, shared, cached per version (db/poll-cache.ts). A hit
 * costs one indexed read of the version row; a miss reads the version and the rows in one
 * REPEATABLE READ snapshot, so what is kept under a version is what that version showed.
 */
export async function getPollWithVotes(on: Reader, pollId: string): Promise<PollRecord | null> {
  const postgres = await poolOf(on);
  if (!postgres) {
    const record = await readPoll(await pgOf(on), pollId);
    return record && deepFreeze(record);
  }
  const hit = cachedAt(pollId, await readVersion(postgres.db, pollId));
  if (hit) return hit;
  return inTransaction(postgres, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (tx) => {
    const db = await pgOf(tx);
    const version = await readVersion(db, pollId);
    if (version === null) return null;
    const record = await readPoll(db, pollId);
    return record && remember(pollId, version, record);
  });
}

async function readVersion(db: PgDb, pollId: string): Promise<number | null> {
  const [head] = await db
    .select({ version: polls.version })
    .from(polls)
    .where(eq(polls.id, pollId));
  return head?.version ?? null;
}

async function readPoll(db: PgDb, pollId: string): Promise<PollRecord | null> {
  const [poll] = await db.select().from(polls).where(eq(polls.id, pollId));
  if (!poll) return null;
  // One after the other: the statements of a transaction share its one connection.
  const optionRows = await db
    .select({
      id: options.id,
      startsAt: options.startsAt,
      durationMinutes: options.durationMinutes,
      date: options.date,
    })
    .from(options)
    .where(eq(options.pollId, pollId))
    .orderBy(asc(options.position));
  const people = await db
    .select()
    .from(participants)
    .where(eq(participants.pollId, pollId))
    .orderBy(asc(participants.createdAt), asc(participants.id));
  const voteRows = await db
    .select({
      participantId: votes.participantId,
      optionId: votes.optionId,
      value: votes.value,
      overrideNever: votes.overrideNever,
    })
    .from(votes)
    .innerJoin(participants, eq(votes.participantId, participants.id))
    .where(eq(participants.pollId, pollId));
  const commentRows = await db
    .select({
      id: comments.id,
      author: comments.author,
      body: comments.body,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .where(eq(comments.pollId, pollId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  return pollRecordOf({
    poll,
    options: optionRows,
    participants: people,
    votes: voteRows,
    comments: commentRows,
  });
}

export async function getOptionIds(on: Reader, pollId: string): Promise<string[] | null> {
  const db = await pgOf(on);
  // One statement, so the answer is one snapshot even outside a transaction.
  const rows = await db
    .select({ id: options.id })
    .from(polls)
    .leftJoin(options, eq(options.pollId, polls.id))
    .where(eq(polls.id, pollId))
    .orderBy(asc(options.position));
  if (rows.length === 0) return null;
  return rows.flatMap((row) => (row.id === null ? [] : [row.id]));
}

export async function getAnswerRules(on: Reader, pollId: string): Promise<AnswerRules | null> {
  const [row] = await (
    await pgOf(on)
  )
    .select({ status: polls.status, deadline: polls.deadline, optionLimit: polls.optionLimit })
    .from(polls)
    .where(eq(polls.id, pollId));
  return row ?? null;
}

export async function findParticipantBySubmissionKey(
  on: Reader,
  pollId: string,
  key: string,
): Promise<string | null> {
  const [row] = await (
    await pgOf(on)
  )
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.pollId, pollId), eq(participants.submissionKey, key)));
  return row?.id ?? null;
}

export async function countYes(
  on: Reader,
  optionId: string,
  exceptParticipantId: string | null,
): Promise<number> {
  const [row] = await (
    await pgOf(on)
  )
    .select({ n: count() })
    .from(votes)
    .where(
      and(
        eq(votes.optionId, optionId),
        eq(votes.value, 'yes'),
        exceptParticipantId === null ? undefined : ne(votes.participantId, exceptParticipantId),
      ),
    );
  return row?.n ?? 0;
}

export async function getAdminTokenHash(on: Reader, pollId: string): Promise<string | null> {
  const [row] = await (
    await pgOf(on)
  )
    .select({ hash: polls.adminTokenHash })
    .from(polls)
    .where(eq(polls.id, pollId));
  return row?.hash ?? null;
}

export async function getPollStamp(on: Reader, pollId: string): Promise<PollStamp | null> {
  const [row] = await (
    await pgOf(on)
  )
    .select({ version: polls.version, deadline: polls.deadline })
    .from(polls)
    .where(eq(polls.id, pollId));
  return row ?? null;
}

export async function getEditTokenHash(
  on: Reader,
  pollId: string,
  participantId: string,
): Promise<string | null> {
  const [row] = await (
    await pgOf(on)
  )
    .select({ pollId: participants.pollId, hash: participants.editTokenHash })
    .from(participants)
    .where(eq(participants.id, participantId));
  return row !== undefined && row.pollId === pollId ? row.hash : null;
}

export async function findFeed(on: Reader, feedTokenHash: string): Promise<FeedOwner | null> {
  const [row] = await (
    await pgOf(on)
  )
    .select({ pollId: participants.pollId, participantId: participants.id })
    .from(participants)
    .where(eq(participants.feedTokenHash, feedTokenHash));
  return row ?? null;
}
