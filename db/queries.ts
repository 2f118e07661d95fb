import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb, preparedOnce, type Db } from '@/db/client';
import { comments, options, participants, polls, votes } from '@/db/schema';
import { secretMatches } from '@/db/tokens';
import type { DailyWindow } from '@/lib/fairness/model';
import type { VoteValue } from '@/lib/poll/model';
import type { PollRecord } from '@/lib/poll/model';

type Reader = Pick<Db, 'select'>;

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
 * throw instead of leaking one viewer's change into another's page.
 */
export function getPollWithVotes(pollId: string): PollRecord | null {
  // One read transaction: the version and the rows come from the same snapshot.
  return getDb().transaction((tx) => {
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

function readPoll(db: Reader, pollId: string): PollRecord | null {
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
export function getOptionIds(pollId: string): string[] | null {
  if (!optionStatements().pollExists.get({ pollId })) return null;
  return optionIdsOf(pollId);
}

/** The poll's option ids in their order; none for a missing poll. */
export function optionIdsOf(pollId: string): string[] {
  return optionStatements()
    .optionIds.all({ pollId })
    .map((o) => o.id);
}

const optionStatements = preparedOnce((db) => ({
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
}));

function windowOf(start: string | null, end: string | null): DailyWindow | null {
  return start && end
    ? { start: start as DailyWindow['start'], end: end as DailyWindow['end'] }
    : null;
}

/** A wrong token and a missing poll are the same answer: false. */
export function isAdminOf(pollId: string, adminToken: string): boolean {
  const row = getDb()
    .select({ hash: polls.adminTokenHash })
    .from(polls)
    .where(eq(polls.id, pollId))
    .get();
  return row !== undefined && secretMatches(adminToken, row.hash);
}

export function isEditorOf(pollId: string, participantId: string, editToken: string): boolean {
  const row = getDb()
    .select({ pollId: participants.pollId, hash: participants.editTokenHash })
    .from(participants)
    .where(eq(participants.id, participantId))
    .get();
  return row !== undefined && row.pollId === pollId && secretMatches(editToken, row.hash);
}
