import 'server-only';
import type { DailyWindow } from '@/lib/fairness/model';
import type { PollRecord, VoteValue } from '@/lib/poll/model';

/**
 * Polls read recently, each with the version it was read at, shared by every driver of the
 * store. A large poll is read far more often than it changes (everyone on the mailing list
 * opens it), and reading 10,000 votes is most of the work of a view; the version check that
 * guards a hit is one indexed row. The version is read from the database on every read, so
 * a write by another process (another app instance on the same PostgreSQL, another process
 * on the SQLite file) is seen at once. The cache holds at most CACHE_POLLS polls and
 * CACHE_CELLS option × participant cells (a cell is under 100 bytes: 500,000 of them, some
 * 50 MB), dropping the least recently read.
 *
 * Drivers never consult it inside a transaction: what the transaction wrote may still be
 * rolled back. Outside one, the version and the rows must come from one snapshot, or rows
 * newer than the version would be kept under it (harmless) or older ones under a newer
 * version (stale until the next write): each driver reads both in one read transaction.
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
 * The cached record when it was read at `version` (the poll's version row as the database
 * has it now; null for a missing poll), else undefined and the stale entry is dropped.
 */
export function cachedAt(pollId: string, version: number | null): PollRecord | undefined {
  const hit = cache.entries.get(pollId);
  forget(pollId);
  if (version === null || !hit || hit.version !== version) return undefined;
  keep(pollId, hit);
  return hit.record;
}

/** Freezes `record`, read at `version`, and keeps it for the next reads. */
export function remember(pollId: string, version: number, record: PollRecord): PollRecord {
  const frozen = deepFreeze(record);
  keep(pollId, {
    version,
    record: frozen,
    cells: 1 + record.options.length * record.participants.length,
  });
  return frozen;
}

/**
 * The record is shared between requests, so it is frozen: code that tried to change it would
 * throw instead of leaking one viewer's change into another's page.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The rows a poll is read from, as both schemas type them. */
export interface PollRows {
  poll: Omit<PollRecord, 'options' | 'comments' | 'participants'>;
  options: PollRecord['options'];
  comments: PollRecord['comments'];
  participants: {
    id: string;
    name: string;
    timeZone: string;
    createdAt: number;
    updatedAt: number;
    preferredStart: string | null;
    preferredEnd: string | null;
    neverStart: string | null;
    neverEnd: string | null;
  }[];
  votes: { participantId: string; optionId: string; value: VoteValue; overrideNever: boolean }[];
}

/** One PollRecord from its rows, on either engine: options, participants and comments in the order read. */
export function pollRecordOf(rows: PollRows): PollRecord {
  const byParticipant = new Map<string, Record<string, VoteValue>>();
  const overrides = new Map<string, string[]>();
  for (const v of rows.votes) {
    const entry = byParticipant.get(v.participantId) ?? {};
    entry[v.optionId] = v.value;
    byParticipant.set(v.participantId, entry);
    if (v.overrideNever)
      overrides.set(v.participantId, [...(overrides.get(v.participantId) ?? []), v.optionId]);
  }
  const { poll } = rows;
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
    options: rows.options,
    comments: rows.comments,
    participants: rows.participants.map((p) => ({
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

function windowOf(start: string | null, end: string | null): DailyWindow | null {
  return start && end
    ? { start: start as DailyWindow['start'], end: end as DailyWindow['end'] }
    : null;
}
