import 'server-only';

/**
 * The store: what the use cases in server/ may ask of a database, and nothing else. Every
 * engine's driver implements this one interface (better-sqlite3 today in db/sqlite-store.ts,
 * PostgreSQL through `pg` next), so a use case never learns which engine it talks to.
 *
 * Every function takes where it runs as its first argument: the transaction (`tx`), so that
 * every statement of a use case runs inside the one transaction it opened, or, for a read
 * that needs no transaction, the store itself (each such read is one consistent snapshot).
 * Types only: nothing here runs.
 */
import type { WriteBucket } from '@/lib/http/rate-limit';
import type { Locale } from '@/lib/i18n/locales';
import type { DigestEntry } from '@/lib/mail/digest';
import type { MailKind, MailMessage, MailRecipient } from '@/lib/mail/mail-message';
import type { PollUpdate } from '@/lib/poll/poll-admin';
import type { PollRecord, PollStatus } from '@/lib/poll/model';
import type { StatusMove } from '@/lib/poll/poll-status';
import type { PreparedOption } from '@/lib/poll/poll-input';
import type { PreparedVote } from '@/lib/poll/vote-input';

declare const readerBrand: unique symbol;
declare const txBrand: unique symbol;

/** Where a read runs: a transaction, or the store outside any transaction. */
export interface Reader {
  readonly [readerBrand]: true;
}

/** A transaction in progress, valid only inside the callback that received it. */
export interface Tx extends Reader {
  readonly [txBrand]: true;
}

/** What an answer is checked against, read inside the answer's transaction. */
export interface AnswerRules {
  status: PollStatus;
  deadline: number | null;
  optionLimit: number | null;
}

/** The participant a calendar feed belongs to. */
export interface FeedOwner {
  pollId: string;
  participantId: string;
}

/** A status move as lib/poll/poll-status.ts decided it. */
export type StatusWrite = Pick<
  Extract<StatusMove, { ok: true }>,
  'status' | 'finalOptionId' | 'eventChanged'
>;

export interface NewPoll {
  title: string;
  description: string;
  location: string;
  organiserName: string;
  timeZone: string;
  kind: PollRecord['kind'];
  guestZones: string[];
  options: PreparedOption[];
  adminTokenHash: string;
  organiserEmail: string | null;
  organiserLocale: Locale;
}

/** The poll's version (moved by every write) and its deadline, read from one indexed row. */
export interface PollStamp {
  version: number;
  deadline: number | null;
}

/** A mail to queue in the transaction of the change that caused it. */
export interface OutgoingMail {
  pollId: string;
  kind: MailKind;
  recipient: string;
  /** Unique per message: queuing the same key twice keeps the first. */
  idempotencyKey: string;
  message: MailMessage;
  /** The hash of the secret in the mail's unsubscribe link, kept with the mail. */
  unsubscribeTokenHash: string;
  /** No sender takes it before (the deadline note); at once when absent. */
  dueAt?: number;
}

/** What an unsubscribe link names. */
export interface UnsubscribeTarget {
  pollId: string;
  recipient: string;
  /** Null once the poll is deleted. */
  pollTitle: string | null;
  /** The address already asked for no more mail about the poll. */
  stopped: boolean;
}

/** A queued mail a sender has taken, until its lease runs out. */
export interface ClaimedMail extends Omit<OutgoingMail, 'unsubscribeTokenHash'> {
  id: string;
  /** Counting this one. */
  attempts: number;
}

/** A mail that kept failing, as the organiser sees it. */
export interface FailedMail {
  kind: MailKind;
  recipient: string;
  attempts: number;
  lastError: string;
}

/** A guest invited by address, as the organiser's page and the mail see it. */
export interface InvitationRecord {
  id: string;
  email: string;
  /** The organiser's language when they invited: the guest's mail is written in it. */
  locale: Locale;
  /** Who answered through the personal link; null while the guest has not answered. */
  participantId: string | null;
  invitedAt: number;
  /** When the organiser last reminded them by hand; null = never. */
  remindedAt: number | null;
  /** The address asked for no more mail about the poll. */
  stopped: boolean;
}

/** The secret of a personal link carried by one mail (its idempotency key). */
export interface InvitationLink {
  invitationId: string;
  tokenHash: string;
  mailKey: string;
}

export interface ClaimRules {
  /** How long a claim holds: past it, the sender is taken to have died and another may take it. */
  leaseMs: number;
  limit: number;
  /** Tries after which a mail stops being claimed and shows as failed. */
  maxAttempts: number;
}

export interface Store extends Reader {
  /**
   * Runs `fn` in one transaction: committed when its Promise resolves, rolled back when it
   * rejects. Two transactions never interleave on one connection. Never nest them.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;

  /**
   * Takes the poll's write lock until the transaction ends, before anything that depends on
   * its current state (the yes count of a limited option, a submission key, the version
   * counter). PostgreSQL: `SELECT … FOR UPDATE` on the poll's row. SQLite: nothing to do,
   * as its transactions begin IMMEDIATE and so already serialise every writer.
   */
  lockPoll(tx: Tx, pollId: string): Promise<void>;

  // Reads.
  /** The whole poll, shared and frozen (it may be served from a per-version cache). */
  getPollWithVotes(db: Reader, pollId: string): Promise<PollRecord | null>;
  /** The poll's option ids in order, or null for a missing poll. */
  getOptionIds(db: Reader, pollId: string): Promise<string[] | null>;
  getAnswerRules(db: Reader, pollId: string): Promise<AnswerRules | null>;
  getAdminTokenHash(db: Reader, pollId: string): Promise<string | null>;
  /** What a rendered page of the poll depends on besides the request: null for a missing poll. */
  getPollStamp(db: Reader, pollId: string): Promise<PollStamp | null>;
  getEditTokenHash(db: Reader, pollId: string, participantId: string): Promise<string | null>;
  findParticipantBySubmissionKey(db: Reader, pollId: string, key: string): Promise<string | null>;
  /** Whose calendar feed a feed token's hash opens; null for an unknown one. */
  findFeed(db: Reader, feedTokenHash: string): Promise<FeedOwner | null>;
  /** Yes answers to the option, leaving out one participant's own (when they change theirs). */
  countYes(db: Reader, optionId: string, exceptParticipantId: string | null): Promise<number>;

  // Writes: each one that changes what the poll shows moves its version (the cache key).
  /** Returns the new poll's id. */
  insertPoll(tx: Tx, poll: NewPoll, now: number): Promise<string>;
  /** Returns the new participant's id. */
  insertAnswer(
    tx: Tx,
    pollId: string,
    answer: PreparedVote & { editTokenHash: string; feedTokenHash: string; locale: Locale },
    now: number,
  ): Promise<string>;
  /** Also sets the feed token's hash, which answers older than feeds lack. */
  replaceAnswer(
    tx: Tx,
    pollId: string,
    participantId: string,
    answer: PreparedVote & { feedTokenHash: string },
    now: number,
  ): Promise<void>;
  /**
   * Gives an answer older than feeds its feed token's hash, when the edit token's hash is the
   * participant's and no feed is set yet; false otherwise. The poll's version stays: what the
   * poll shows is unchanged.
   */
  giveFeed(
    tx: Tx,
    participantId: string,
    editTokenHash: string,
    feedTokenHash: string,
  ): Promise<boolean>;
  deleteParticipant(tx: Tx, pollId: string, participantId: string, now: number): Promise<boolean>;
  /** Writes a move decided by lib/poll/poll-status.ts; a changed event bumps its SEQUENCE. */
  writePollStatus(tx: Tx, pollId: string, move: StatusWrite, now: number): Promise<boolean>;
  /** Details, settings and options; the status is left as it is. */
  updatePoll(tx: Tx, pollId: string, update: PollUpdate, now: number): Promise<boolean>;
  /** Returns the comment's id, or null for a missing poll. */
  insertComment(
    tx: Tx,
    pollId: string,
    comment: { author: string; body: string },
    now: number,
  ): Promise<string | null>;
  deleteComment(tx: Tx, pollId: string, commentId: string, now: number): Promise<boolean>;
  /** Its options, answers and comments go with it. */
  deletePoll(tx: Tx, pollId: string): Promise<boolean>;

  // Mail. Addresses are read only here, never in PollRecord, so no page or API can show one.
  /** The organiser and every participant with an address that has not unsubscribed. */
  getMailRecipients(db: Reader, pollId: string): Promise<MailRecipient[]>;
  /** The poll and address an unsubscribe token's hash names, or null for an unknown one. */
  findUnsubscribe(db: Reader, tokenHash: string): Promise<UnsubscribeTarget | null>;
  /** Deletes the unsubscribe tokens made before `before`; returns how many went. */
  forgetUnsubscribeTokens(tx: Tx, before: number): Promise<number>;
  /**
   * No more mail about the poll to the address: records the stop and drops what is queued
   * for it and not yet sent; returns how many were dropped.
   */
  stopMailTo(tx: Tx, pollId: string, recipient: string, now: number): Promise<number>;
  /** Skips a mail to an address that stopped mail about its poll; stores its unsubscribe token. */
  enqueueMail(tx: Tx, mails: OutgoingMail[], now: number): Promise<void>;
  /** Drops the poll's unsent mail of one kind (a deadline note that no longer holds). */
  dropQueuedMail(tx: Tx, pollId: string, kind: MailKind): Promise<number>;
  /** The poll's digest that no sender has taken yet, with whom it names so far. */
  getPendingDigest(
    db: Reader,
    pollId: string,
  ): Promise<{ id: string; idempotencyKey: string; entries: DigestEntry[] } | null>;
  /** Queues a digest naming `entries`, due at `dueAt` (no sender takes it before). */
  enqueueDigest(
    tx: Tx,
    mail: OutgoingMail,
    entries: DigestEntry[],
    dueAt: number,
    now: number,
  ): Promise<void>;
  /**
   * The pending digest `id`, rendered again with more entries (its key and due time stay);
   * false when a sender took it in the meantime.
   */
  updatePendingDigest(
    tx: Tx,
    id: string,
    mail: OutgoingMail,
    entries: DigestEntry[],
    now: number,
  ): Promise<boolean>;
  /**
   * Takes due mail for sending: unsent, under `maxAttempts`, due, and not held by a live
   * lease; counts the attempt and sets the lease, in the caller's transaction. PostgreSQL:
   * `SELECT … FOR UPDATE SKIP LOCKED`, so two instances never take the same row.
   */
  claimMail(tx: Tx, now: number, rules: ClaimRules): Promise<ClaimedMail[]>;
  markMailSent(tx: Tx, id: string, now: number): Promise<void>;
  /** Frees the claim and sets when to try again. */
  markMailFailed(tx: Tx, id: string, error: string, nextAttemptAt: number): Promise<void>;
  /** The poll's mail that has used up its attempts without going out. */
  getFailedMail(db: Reader, pollId: string, maxAttempts: number): Promise<FailedMail[]>;

  // Invitations. Their addresses are read only here and on the organiser's page.
  /** The poll's invitations, oldest first. */
  getInvitations(db: Reader, pollId: string): Promise<InvitationRecord[]>;
  /** The invitation a personal link's token hash names on this poll, or null. */
  findInvitation(db: Reader, pollId: string, tokenHash: string): Promise<InvitationRecord | null>;
  /** New invitations (addresses not yet invited, the caller checked); moves the version. */
  insertInvitations(
    tx: Tx,
    pollId: string,
    emails: string[],
    locale: Locale,
    now: number,
  ): Promise<InvitationRecord[]>;
  addInvitationLinks(tx: Tx, links: InvitationLink[], now: number): Promise<void>;
  /** The answer given through the invitation's link; the answer's write moves the version. */
  linkInvitation(tx: Tx, invitationId: string, participantId: string): Promise<void>;
  /** Records a reminder sent by hand; moves the version (the page says when). */
  markInvitationsReminded(tx: Tx, pollId: string, ids: string[], now: number): Promise<void>;
  /** The idempotency keys of the poll's mail of one kind, and whether each has left. */
  getMailKeys(
    db: Reader,
    pollId: string,
    kind: MailKind,
  ): Promise<{ key: string; sent: boolean }[]>;
  /** Moves when an unsent mail is due (the parked note that everyone answered). */
  setMailDue(tx: Tx, key: string, dueAt: number): Promise<void>;
  /** Drops unsent mail by key, with the personal links it carried. */
  dropMailByKeys(tx: Tx, keys: string[]): Promise<void>;

  // The write budget: lib/http/rate-limit.ts decides, the store keeps one bucket per client
  // for every instance on the database.
  /** The client's bucket, locked until the transaction ends; created as `fresh` if it has none. */
  lockWriteBucket(tx: Tx, client: string, fresh: WriteBucket): Promise<WriteBucket>;
  saveWriteBucket(tx: Tx, client: string, bucket: WriteBucket): Promise<void>;
  /** Forgets buckets last refilled before `before` (full again by now); returns how many. */
  forgetWriteBuckets(tx: Tx, before: number): Promise<number>;
}
