import 'server-only';
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { connectionOf, preparedOnce, type Db } from '@/db/client';
import { comments, options, participants, polls, votes } from '@/db/schema';
import type { AnswerRules, Reader } from '@/db/store';
import type { DailyWindow } from '@/lib/fairness/model';
import type { VoteValue } from '@/lib/poll/model';
import type { PollRecord } from '@/lib/poll/model';

type Select = Pick<Db, 'select'>;

/**
 * Polls read recently, each with the version it was read at. A large poll is read far more
 * often than it changes (everyone on the mailing list opens it), and reading 10,000 votes
 * is most of the work of a view; the version check that guards a hit is one indexed row.
 * Every process checks the version in the database, so a write by another process is seen.
 * The cache holds at most CACHE_POLLS polls and CACHE_CELLS option × participant cells (a
 * cell is under 100 bytes: 500,000 of them, some 50 MB), dropping the least recently read.
 */
const CACHE_POLLS = 32;
const CACHE_CELLS = 500_000;
interface CacheEntry {
  version: number;
  record: PollRecord;
  cells: number;
}
const globalForCache = globalThis as unknown as {
  kairosPollCache?: { entries: Map<string, CacheEntry>; cells: number };
};
const cache = (globalForCache.kairosPollCache ??= { entries: new Map(), cells: 0 });

function forget(pollId: string) {
  const entry = cache.entries.get(pollId);
  if (!entry) return;
  cache.entries.delete(pollId);
  cache.cells -= entry.cells;
}

function keep(pollId: string, entry: CacheEntry) {
  cache.entries.set(pollId, entry);
  cache.cells += entry.cells;
  // A single poll over the cell budget stays alone: it is the one being read.
  while (
    cache.entries.size > 1 &&
    (cache.entries.size > CACHE_POLLS || cache.cells > CACHE_CELLS)
  ) {
    forget(cache.entries.keys().next().value!);
  }
}

/**
 * The poll with its options (in order), participants (oldest first) and every vote. The
 * record is shared between requests, so it is frozen: code that tried to change it would
 * throw instead of leaking one viewer's change into another's page. Inside a transaction it
 * is read afresh and never cached: what the transaction wrote may still be rolled back.
 */
export async function getPollWithVotes(on: Reader, pollId: string): Promise<PollRecord | null> {
  const db = connectionOf(on);
  if (db.$client.inTransaction) return deepFreeze(readPoll(db, pollId));
  // One read transaction: the version and the rows come from the same snapshot.
  return db.transaction((tx) => {
    const head = tx
      .select({ version: polls.version })
      .from(polls)
      .where(eq(polls.id, pollId))
      .get();
    const hit = cache.entries.get(pollId);
    forget(pollId);
    if (!head) return null;
    if (hit && hit.version === head.version) {
      keep(pollId, hit);
      return hit.record;
    }
    const record = deepFreeze(readPoll(tx, pollId));
    if (!record) return null;
    keep(pollId, {
      version: head.version,
      record,
      cells: 1 + record.options.length * record.participants.length,
    });
    return record;
  });
}

function readPoll(db: Select, pollId: string): PollRecord | null {
  const poll = db.select().from(polls).where(eq(polls.id, pollId)).get();
  if (!poll) return null;
  const optionRows = db
    .select({
      id: options.id,
      startsAt: options.startsAt,
      durationMinutes: options.durationMinutes,
      date: options.date,
    })
    .from(options)
    .where(eq(options.pollId, pollId))
    .orderBy(asc(options.position))
    .all();
  const people = db
    .select()
    .from(participants)
    .where(eq(participants.pollId, pollId))
    .orderBy(asc(participants.createdAt), asc(participants.id))
    .all();
  const voteRows = db
    .select({
      participantId: votes.participantId,
      optionId: votes.optionId,
      value: votes.value,
      overrideNever: votes.overrideNever,
    })
    .from(votes)
    .innerJoin(participants, eq(votes.participantId, participants.id))
    .where(eq(participants.pollId, pollId))
    .all();
  const byParticipant = new Map<string, Record<string, VoteValue>>();
  const overrides = new Map<string, string[]>();
  for (const v of voteRows) {
    const entry = byParticipant.get(v.participantId) ?? {};
    entry[v.optionId] = v.value;
    byParticipant.set(v.participantId, entry);
    if (v.overrideNever)
      overrides.set(v.participantId, [...(overrides.get(v.participantId) ?? []), v.optionId]);
  }
  return {
    id: poll.id,
    title: poll.title,
    description: poll.description,
    location: poll.location,
    organiserName: poll.organiserName,
    timeZone: poll.timeZone,
    kind: poll.kind,
    status: poll.status,
    guestZones: poll.guestZones,
    finalOptionId: poll.finalOptionId,
    finalSequence: poll.finalSequence,
    deadline: poll.deadline,
    optionLimit: poll.optionLimit,
    privacy: poll.privacy,
    createdAt: poll.createdAt,
    updatedAt: poll.updatedAt,
    options: optionRows,
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
    participants: people.map((p) => ({
      id: p.id,
      name: p.name,
      timeZone: p.timeZone,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      votes: byParticipant.get(p.id) ?? {},
      workingHours: windowOf(p.preferredStart, p.preferredEnd),
      neverWindow: windowOf(p.neverStart, p.neverEnd),
      overrideNever: overrides.get(p.id) ?? [],
    })),
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
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

function windowOf(start: string | null, end: string | null): DailyWindow | null {
  return start && end
    ? { start: start as DailyWindow['start'], end: end as DailyWindow['end'] }
    : null;
}

/** The hash of the poll's admin token; null for a missing poll. */
export async function getAdminTokenHash(on: Reader, pollId: string): Promise<string | null> {
  const row = connectionOf(on)
    .select({ hash: polls.adminTokenHash })
    .from(polls)
    .where(eq(polls.id, pollId))
    .get();
  return row?.hash ?? null;
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
