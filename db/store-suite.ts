import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewPoll, Store } from '@/db/store';
import type { PreparedVote } from '@/lib/poll/vote-input';
import { fullBucket, takeWrite } from '@/lib/http/rate-limit';

/**
 * The store's behaviour, one suite for every engine: db/sqlite-store.test.ts and
 * db/postgres/store.pg-test.ts run it, each on a fresh database per test.
 */
export interface OpenedStore {
  store: Store;
  /** Rows of a table, counted on a connection of its own: only committed data is seen. */
  rows(table: string): Promise<number>;
  /** The poll's version row, read on a connection of its own. */
  version(pollId: string): Promise<number>;
  /** A second store on the same database, as another app instance would open it. */
  another(): Promise<Store>;
  /** Clears an answer's feed token, as a database migrated from before feeds holds it. */
  forgetFeed(participantId: string): Promise<void>;
  close(): Promise<void>;
}

export const NOW = Date.UTC(2026, 9, 1, 12);

/** One write against a budget, as server/write-budget.ts spends it: lock, take, save. */
export function spendWrite(client: string, now: number, perMinute: number, store: Store) {
  return store.transaction(async (tx) => {
    const bucket = await store.lockWriteBucket(tx, client, fullBucket(perMinute, now));
    const taken = takeWrite(bucket, now, perMinute);
    await store.saveWriteBucket(tx, client, taken.bucket);
    return taken.decision;
  });
}
const HOUR = 3_600_000;

/** SQLite throws its own error; drizzle wraps PostgreSQL's, which it keeps as the cause. */
function isUniqueViolation(error: unknown): boolean {
  const { message, cause } = error as { message?: string; cause?: { message?: string } };
  return /unique/i.test(`${message} ${cause?.message}`);
}

let opened: OpenedStore;
let store: Store;
const rows = (table: string) => opened.rows(table);
const version = (pollId: string) => opened.version(pollId);

export const poll: NewPoll = {
  title: 'Planning',
  description: '',
  location: '',
  organiserName: 'Ada',
  timeZone: 'Europe/Rome',
  kind: 'timed',
  guestZones: [],
  options: [
    { kind: 'timed', startsAt: NOW + 24 * HOUR, durationMinutes: 60 },
    { kind: 'timed', startsAt: NOW + 48 * HOUR, durationMinutes: 60 },
  ],
  adminTokenHash: 'hash-of-admin-token',
  organiserEmail: null,
  organiserLocale: 'en',
};

let feeds = 0;

export function answer(
  optionIds: string[],
  value: 'yes' | 'no',
  submissionKey: string | null = null,
  // Unique per answer, as each edit token's feed token is.
  feedTokenHash = `hash-of-feed-token-${++feeds}`,
) {
  return {
    name: 'Grace',
    timeZone: 'Asia/Kathmandu',
    votes: optionIds.map((optionId) => ({ optionId, value, overrideNever: false })),
    workingHours: null,
    neverWindow: null,
    submissionKey,
    email: null,
    editTokenHash: 'hash-of-edit-token',
    feedTokenHash,
    locale: 'en',
  } satisfies PreparedVote & { editTokenHash: string; feedTokenHash: string; locale: 'en' };
}

async function createPoll() {
  const id = await store.transaction((tx) => store.insertPoll(tx, poll, NOW));
  const optionIds = (await store.getOptionIds(store, id))!;
  return { id, optionIds };
}

export function describeStore(engine: string, open: () => Promise<OpenedStore>) {
  describe(`the ${engine} store`, () => {
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.close();
    });

    it('creates a poll with its options in order, open, with the admin token hash', async () => {
      const { id, optionIds } = await createPoll();
      const stored = (await store.getPollWithVotes(store, id))!;
      expect(stored.title).toBe('Planning');
      expect(stored.status).toBe('open');
      expect(stored.options.map((o) => o.startsAt)).toEqual([NOW + 24 * HOUR, NOW + 48 * HOUR]);
      expect(stored.options.map((o) => o.id)).toEqual(optionIds);
      expect(await store.getAdminTokenHash(store, id)).toBe('hash-of-admin-token');
      expect(await store.getAnswerRules(store, id)).toEqual({
        status: 'open',
        deadline: null,
        optionLimit: null,
      });
    });

    it('reads nothing for a poll that does not exist', async () => {
      expect(await store.getPollWithVotes(store, 'missing')).toBeNull();
      expect(await store.getOptionIds(store, 'missing')).toBeNull();
      expect(await store.getAnswerRules(store, 'missing')).toBeNull();
      expect(await store.getAdminTokenHash(store, 'missing')).toBeNull();
    });

    it('stamps a poll with its version and deadline, and nothing for a missing one', async () => {
      const { id, optionIds } = await createPoll();
      const first = await store.getPollStamp(store, id);
      expect(first).toEqual({ version: await version(id), deadline: null });
      await store.transaction((tx) => store.insertAnswer(tx, id, answer(optionIds, 'yes'), NOW));
      const deadline = NOW + 7 * 24 * HOUR;
      await store.transaction((tx) =>
        store.updatePoll(
          tx,
          id,
          {
            details: {},
            settings: { deadline },
            addOptions: [],
            removeOptionIds: [],
            invitees: [],
            reanchored: [],
            notices: [],
          },
          NOW + 1,
        ),
      );
      const later = (await store.getPollStamp(store, id))!;
      expect(later).toEqual({ version: await version(id), deadline });
      expect(later.version).toBeGreaterThanOrEqual(first!.version + 2);
      expect(await store.getPollStamp(store, 'missing')).toBeNull();
    });

    it('stores an answer and shows it in the next read, moving the version', async () => {
      const { id, optionIds } = await createPoll();
      expect((await store.getPollWithVotes(store, id))!.participants).toHaveLength(0);
      const before = await version(id);
      const participantId = await store.transaction((tx) =>
        store.insertAnswer(tx, id, answer(optionIds, 'yes'), NOW),
      );
      expect(await version(id)).toBe(before + 1);
      const stored = (await store.getPollWithVotes(store, id))!;
      expect(stored.participants.map((p) => [p.id, p.votes])).toEqual([
        [participantId, { [optionIds[0]!]: 'yes', [optionIds[1]!]: 'yes' }],
      ]);
      expect(await store.getEditTokenHash(store, id, participantId)).toBe('hash-of-edit-token');
      expect(await store.getEditTokenHash(store, 'other-poll', participantId)).toBeNull();
    });

    it('replaces an answer whole, and counts yes answers without the participant’s own', async () => {
      const { id, optionIds } = await createPoll();
      const [first] = optionIds as [string];
      const participantId = await store.transaction((tx) =>
        store.insertAnswer(tx, id, answer([first], 'yes'), NOW),
      );
      await store.transaction((tx) => store.insertAnswer(tx, id, answer([first], 'yes'), NOW));
      expect(await store.countYes(store, first, null)).toBe(2);
      expect(await store.countYes(store, first, participantId)).toBe(1);
      await store.transaction((tx) =>
        store.replaceAnswer(tx, id, participantId, answer([first], 'no'), NOW + 1),
      );
      expect(await store.countYes(store, first, null)).toBe(1);
      const mine = (await store.getPollWithVotes(store, id))!.participants.find(
        (p) => p.id === participantId,
      )!;
      expect(mine.votes).toEqual({ [first]: 'no' });
    });

    it('finds a participant by their feed token’s hash, and sets it again on a change', async () => {
      const { id, optionIds } = await createPoll();
      const participantId = await store.transaction((tx) =>
        store.insertAnswer(tx, id, answer(optionIds, 'yes', null, 'feed-hash-1'), NOW),
      );
      expect(await store.findFeed(store, 'feed-hash-1')).toEqual({ pollId: id, participantId });
      expect(await store.findFeed(store, 'feed-hash-2')).toBeNull();
      await store.transaction((tx) =>
        store.replaceAnswer(
          tx,
          id,
          participantId,
          answer(optionIds, 'no', null, 'feed-hash-2'),
          NOW + 1,
        ),
      );
      expect(await store.findFeed(store, 'feed-hash-2')).toEqual({ pollId: id, participantId });
      expect(await store.findFeed(store, 'feed-hash-1')).toBeNull();
      await store.transaction((tx) => store.deleteParticipant(tx, id, participantId, NOW + 2));
      expect(await store.findFeed(store, 'feed-hash-2')).toBeNull();
    });

    it('gives an answer older than feeds its feed once, only under its own edit token', async () => {
      const { id, optionIds } = await createPoll();
      const participantId = await store.transaction((tx) =>
        store.insertAnswer(tx, id, answer(optionIds, 'yes', null, 'feed-hash-old'), NOW),
      );
      await opened.forgetFeed(participantId);
      const before = await version(id);
      const give = (editTokenHash: string, feedTokenHash: string) =>
        store.transaction((tx) => store.giveFeed(tx, participantId, editTokenHash, feedTokenHash));
      expect(await give('hash-of-another-edit-token', 'feed-hash-stolen')).toBe(false);
      expect(await store.findFeed(store, 'feed-hash-stolen')).toBeNull();
      expect(await give('hash-of-edit-token', 'feed-hash-new')).toBe(true);
      expect(await store.findFeed(store, 'feed-hash-new')).toEqual({ pollId: id, participantId });
      // Set once: a second feed for the same answer is refused, the first one stays.
      expect(await give('hash-of-edit-token', 'feed-hash-other')).toBe(false);
      expect(await store.findFeed(store, 'feed-hash-new')).toEqual({ pollId: id, participantId });
      expect(await version(id)).toBe(before);
    });

    it('finds an answer by its submission key, and refuses a second row with the same key', async () => {
      const { id, optionIds } = await createPoll();
      const participantId = await store.transaction((tx) =>
        store.insertAnswer(tx, id, answer(optionIds, 'yes', 'key-1'), NOW),
      );
      expect(await store.findParticipantBySubmissionKey(store, id, 'key-1')).toBe(participantId);
      expect(await store.findParticipantBySubmissionKey(store, id, 'key-2')).toBeNull();
      await expect(
        store.transaction((tx) =>
          store.insertAnswer(tx, id, answer(optionIds, 'yes', 'key-1'), NOW),
        ),
      ).rejects.toSatisfy(isUniqueViolation);
      expect(await rows('participants')).toBe(1);
    });

    it('bumps the version and the iCalendar sequence when the poll is finalised', async () => {
      const { id, optionIds } = await createPoll();
      const before = await version(id);
      const schedule = {
        status: 'scheduled',
        finalOptionId: optionIds[1]!,
        eventChanged: true,
      } as const;
      expect(await store.transaction((tx) => store.writePollStatus(tx, id, schedule, NOW))).toBe(
        true,
      );
      const scheduled = (await store.getPollWithVotes(store, id))!;
      expect(await version(id)).toBe(before + 1);
      expect([scheduled.status, scheduled.finalOptionId, scheduled.finalSequence]).toEqual([
        'scheduled',
        optionIds[1],
        1,
      ]);
      const reopen = { status: 'open', finalOptionId: null, eventChanged: true } as const;
      expect(
        await store.transaction((tx) => store.writePollStatus(tx, 'missing', reopen, NOW)),
      ).toBe(false);
    });

    it('deletes a poll with its options, answers, votes and comments', async () => {
      const { id, optionIds } = await createPoll();
      const other = await createPoll();
      await store.transaction(async (tx) => {
        await store.insertAnswer(tx, id, answer(optionIds, 'yes'), NOW);
        await store.insertComment(tx, id, { author: 'Grace', body: 'Either works' }, NOW);
        await store.insertAnswer(tx, other.id, answer(other.optionIds, 'yes'), NOW);
      });
      expect(await store.transaction((tx) => store.deletePoll(tx, id))).toBe(true);
      expect(await store.getPollWithVotes(store, id)).toBeNull();
      expect(await Promise.all(['polls', 'options', 'participants', 'votes'].map(rows))).toEqual([
        1, 2, 1, 2,
      ]);
      expect(await rows('comments')).toBe(0);
      expect(await store.transaction((tx) => store.deletePoll(tx, id))).toBe(false);
    });

    it('rolls a failed transaction back whole', async () => {
      const { id, optionIds } = await createPoll();
      await expect(
        store.transaction(async (tx) => {
          await store.insertAnswer(tx, id, answer(optionIds, 'yes'), NOW);
          throw new Error('after the first write');
        }),
      ).rejects.toThrow('after the first write');
      expect(await rows('participants')).toBe(0);
      expect((await store.getPollWithVotes(store, id))!.participants).toHaveLength(0);
    });

    it('never lets two transactions interleave on its connection', async () => {
      const { id, optionIds } = await createPoll();
      const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));
      const failing = store.transaction(async (tx) => {
        await store.insertAnswer(tx, id, answer(optionIds, 'yes'), NOW);
        await yieldToOthers();
        throw new Error('rolled back');
      });
      // Started while the first is open: were it to run inside it, its answer would be rolled
      // back with the first one's.
      const succeeding = store.transaction(async (tx) => {
        await yieldToOthers();
        return store.insertAnswer(tx, id, answer(optionIds, 'no'), NOW);
      });
      await expect(failing).rejects.toThrow('rolled back');
      const kept = await succeeding;
      const stored = (await store.getPollWithVotes(store, id))!;
      expect(stored.participants.map((p) => p.id)).toEqual([kept]);
      expect(await rows('votes')).toBe(2);
    });

    it('reads outside a transaction only what was committed', async () => {
      const { id, optionIds } = await createPoll();
      let seenOutside: number | undefined;
      await store.transaction(async (tx) => {
        await store.insertAnswer(tx, id, answer(optionIds, 'yes'), NOW);
        seenOutside = (await store.getPollWithVotes(store, id))!.participants.length;
        expect((await store.getPollWithVotes(tx, id))!.participants).toHaveLength(1);
      });
      expect(seenOutside).toBe(0);
      expect((await store.getPollWithVotes(store, id))!.participants).toHaveLength(1);
    });

    it('serves a cached poll only while its version row is unchanged, whoever wrote', async () => {
      const { id, optionIds } = await createPoll();
      const first = await store.getPollWithVotes(store, id);
      expect(await store.getPollWithVotes(store, id)).toBe(first);
      const other = await opened.another();
      await other.transaction(async (tx) => {
        await other.lockPoll(tx, id);
        await other.insertAnswer(tx, id, answer(optionIds, 'yes'), NOW);
      });
      const after = (await store.getPollWithVotes(store, id))!;
      expect(after).not.toBe(first);
      expect(after.participants).toHaveLength(1);
      expect(Object.isFrozen(after.participants[0])).toBe(true);
    });

    it('keeps one write budget for every instance on the database', async () => {
      const other = await opened.another();
      const spend = (on: Store, now = NOW) => spendWrite('198.51.100.7', now, 10, on);
      // One after the other: two SQLite stores in one process would wait on each other's lock
      // (store.pg-test.ts sends them concurrently).
      const verdicts = [];
      for (let i = 0; i < 16; i++) verdicts.push(await spend(i % 2 ? store : other));
      expect(verdicts.filter((v) => v.ok)).toHaveLength(10);
      // 10 a minute: one write comes back every 6 s, for either instance.
      expect(verdicts.find((v) => !v.ok)).toEqual({ ok: false, retryAfterSeconds: 6 });
      expect((await spend(other, NOW + 6_000)).ok).toBe(true);
      expect((await spend(store, NOW + 6_000)).ok).toBe(false);
      expect((await spendWrite('203.0.113.9', NOW, 10, store)).ok).toBe(true);
    });

    it('forgets only the buckets that are full again', async () => {
      await spendWrite('198.51.100.7', NOW, 10, store);
      await spendWrite('203.0.113.9', NOW + 30_000, 10, store);
      expect(await store.transaction((tx) => store.forgetWriteBuckets(tx, NOW + 1))).toBe(1);
      expect(await rows('write_budgets')).toBe(1);
    });

    it('finds an unsubscribe token by its hash, stops the address and drops its queued mail', async () => {
      const id = await store.transaction((tx) =>
        store.insertPoll(tx, { ...poll, organiserEmail: 'ada@example.org' }, NOW),
      );
      const mail = (to: string, key: string) => ({
        pollId: id,
        kind: 'editLink' as const,
        recipient: to,
        idempotencyKey: key,
        message: { subject: 's', text: 't', html: '<p>t</p>', headers: {}, calendar: null },
        unsubscribeTokenHash: `hash-${key}`,
      });
      await store.transaction((tx) =>
        store.enqueueMail(
          tx,
          [
            mail('ada@example.org', 'a1'),
            mail('ada@example.org', 'a2'),
            mail('bo@example.org', 'b1'),
          ],
          NOW,
        ),
      );
      // A second queuing of a key keeps the first mail and its token only.
      await store.transaction((tx) =>
        store.enqueueMail(
          tx,
          [{ ...mail('ada@example.org', 'a1'), unsubscribeTokenHash: 'x' }],
          NOW,
        ),
      );
      expect(await rows('unsubscribe_tokens')).toBe(3);
      expect(await store.findUnsubscribe(store, 'x')).toBeNull();
      expect(await store.findUnsubscribe(store, 'hash-a2')).toEqual({
        pollId: id,
        recipient: 'ada@example.org',
        pollTitle: 'Planning',
        stopped: false,
      });

      expect(
        await store.transaction((tx) => store.stopMailTo(tx, id, 'ada@example.org', NOW)),
      ).toBe(2);
      // Twice is once.
      expect(
        await store.transaction((tx) => store.stopMailTo(tx, id, 'ada@example.org', NOW)),
      ).toBe(0);
      expect((await store.findUnsubscribe(store, 'hash-a1'))?.stopped).toBe(true);
      expect(await rows('outbox')).toBe(1);
      expect(await store.getMailRecipients(store, id)).toEqual([]);
      // Nothing is queued to the address again; to others, as before.
      await store.transaction((tx) =>
        store.enqueueMail(tx, [mail('ada@example.org', 'a3'), mail('bo@example.org', 'b2')], NOW),
      );
      expect(await rows('outbox')).toBe(2);
      const claimed = await store.transaction((tx) =>
        store.claimMail(tx, NOW, { leaseMs: 60_000, limit: 10, maxAttempts: 3 }),
      );
      expect(claimed.map((m) => m.recipient)).toEqual(['bo@example.org', 'bo@example.org']);
    });

    it('keeps one pending digest per poll, which no sender takes before it is due', async () => {
      const { id } = await createPoll();
      const digest = (text: string, token: string) => ({
        pollId: id,
        kind: 'digest' as const,
        recipient: 'ada@example.org',
        idempotencyKey: `${id}.digest.1`,
        message: { subject: 's', text, html: `<p>${text}</p>`, headers: {}, calendar: null },
        unsubscribeTokenHash: token,
      });
      const rules = { leaseMs: 60_000, limit: 10, maxAttempts: 3 };
      const due = NOW + 15 * 60_000;
      const grace = { kind: 'answer' as const, name: 'Grace' };
      const alan = { kind: 'comment' as const, name: 'Alan' };
      await store.transaction((tx) =>
        store.enqueueDigest(tx, digest('Grace', 'd1'), [grace], due, NOW),
      );
      const pending = await store.getPendingDigest(store, id);
      expect(pending).toEqual({
        id: expect.any(String),
        idempotencyKey: `${id}.digest.1`,
        entries: [grace],
      });
      expect(await store.transaction((tx) => store.claimMail(tx, due - 1, rules))).toEqual([]);
      expect(
        await store.transaction((tx) =>
          store.updatePendingDigest(
            tx,
            pending!.id,
            digest('Grace, Alan', 'd2'),
            [grace, alan],
            NOW,
          ),
        ),
      ).toBe(true);
      expect((await store.getPendingDigest(store, id))?.entries).toEqual([grace, alan]);
      expect((await store.findUnsubscribe(store, 'd2'))?.recipient).toBe('ada@example.org');

      const claimed = await store.transaction((tx) => store.claimMail(tx, due, rules));
      expect(claimed.map((m) => m.message.text)).toEqual(['Grace, Alan']);
      // Taken: nothing joins it any more.
      expect(await store.getPendingDigest(store, id)).toBeNull();
      expect(
        await store.transaction((tx) =>
          store.updatePendingDigest(tx, pending!.id, digest('late', 'd3'), [grace], NOW),
        ),
      ).toBe(false);
      expect(await store.findUnsubscribe(store, 'd3')).toBeNull();
    });

    it('forgets the unsubscribe tokens made before a time, and no others', async () => {
      const id = await store.transaction((tx) => store.insertPoll(tx, poll, NOW));
      const mail = (key: string) => ({
        pollId: id,
        kind: 'editLink' as const,
        recipient: 'ada@example.org',
        idempotencyKey: key,
        message: { subject: 's', text: 't', html: '<p>t</p>', headers: {}, calendar: null },
        unsubscribeTokenHash: `forget-${key}`,
      });
      // Before every other test's mail, so that a store the tests share counts these alone.
      const early = NOW - 2_000;
      await store.transaction((tx) => store.enqueueMail(tx, [mail('old')], early));
      await store.transaction((tx) => store.enqueueMail(tx, [mail('new')], early + 1_000));
      const forget = (before: number) =>
        store.transaction((tx) => store.forgetUnsubscribeTokens(tx, before));
      expect(await forget(early)).toBe(0);
      expect(await forget(early + 1_000)).toBe(1);
      expect(await store.findUnsubscribe(store, 'forget-old')).toBeNull();
      expect((await store.findUnsubscribe(store, 'forget-new'))?.pollId).toBe(id);
    });

    it('holds a mail with a due time until then, and drops a kind of unsent mail', async () => {
      const { id } = await createPoll();
      const note = (kind: 'deadline' | 'editLink', key: string, dueAt?: number) => ({
        pollId: id,
        kind,
        recipient: 'ada@example.org',
        idempotencyKey: key,
        message: { subject: 's', text: key, html: '<p>t</p>', headers: {}, calendar: null },
        unsubscribeTokenHash: `hash-${key}`,
        ...(dueAt === undefined ? {} : { dueAt }),
      });
      const rules = { leaseMs: 60_000, limit: 10, maxAttempts: 3 };
      await store.transaction((tx) =>
        store.enqueueMail(
          tx,
          [
            note('deadline', 'n1', NOW + HOUR),
            note('editLink', 'e1'),
            note('deadline', 'n2', NOW + 2 * HOUR),
          ],
          NOW,
        ),
      );
      const claimed = await store.transaction((tx) => store.claimMail(tx, NOW, rules));
      expect(claimed.map((m) => m.idempotencyKey)).toEqual(['e1']);
      await store.transaction((tx) => store.markMailSent(tx, claimed[0]!.id, NOW));
      expect(await store.transaction((tx) => store.dropQueuedMail(tx, id, 'deadline'))).toBe(2);
      expect(await store.transaction((tx) => store.claimMail(tx, NOW + 3 * HOUR, rules))).toEqual(
        [],
      );
    });
  });
}
