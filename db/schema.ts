import { relations } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import type { DigestEntry } from '@/lib/mail/digest';

export const polls = sqliteTable('polls', {
  id: text('id').primaryKey(),
  adminTokenHash: text('admin_token_hash').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  location: text('location').notNull().default(''),
  organiserName: text('organiser_name').notNull().default(''),
  /** Where the organiser's mail goes (never shown to anyone); null = no mail. */
  organiserEmail: text('organiser_email'),
  /** The catalogue the organiser created the poll in: their mail is written in it. */
  organiserLocale: text('organiser_locale').notNull().default('en'),
  /** The organiser's IANA zone: the zone every timed option was entered in. */
  timeZone: text('time_zone').notNull(),
  kind: text('kind', { enum: ['timed', 'allDay'] }).notNull(),
  status: text('status', { enum: ['open', 'closed', 'scheduled'] })
    .notNull()
    .default('open'),
  /** IANA zones the organiser says guests are in, as a JSON array: shown before anyone answers. */
  guestZones: text('guest_zones', { mode: 'json' }).$type<string[]>().notNull().default([]),
  /** The option chosen when the poll was finalised (status 'scheduled'). */
  finalOptionId: text('final_option_id'),
  /** iCalendar SEQUENCE: grows each time the final choice changes, so calendars update. */
  finalSequence: integer('final_sequence').notNull().default(0),
  /** UTC ms after which answers are refused; null = no deadline. */
  deadline: integer('deadline'),
  /** Most "yes" answers an option may take; null = unlimited. */
  optionLimit: integer('option_limit'),
  privacy: text('privacy', { enum: ['public', 'hideNames', 'afterAnswer', 'organiserOnly'] })
    .notNull()
    .default('public'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  /**
   * Grows by one in every transaction that changes what the poll shows (its answers,
   * options, comments or settings): the key of the read cache, which a millisecond
   * timestamp could not be (two answers can land in the same millisecond).
   */
  version: integer('version').notNull().default(0),
});

export const options = sqliteTable(
  'options',
  {
    id: text('id').primaryKey(),
    pollId: text('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    /** UTC milliseconds; null for all-day options. */
    startsAt: integer('starts_at'),
    durationMinutes: integer('duration_minutes'),
    /** Floating date YYYY-MM-DD; null for timed options. */
    date: text('date'),
    position: integer('position').notNull(),
  },
  (t) => [
    index('options_poll_idx').on(t.pollId, t.position),
    uniqueIndex('options_poll_start_uq').on(t.pollId, t.startsAt),
    uniqueIndex('options_poll_date_uq').on(t.pollId, t.date),
  ],
);

export const participants = sqliteTable(
  'participants',
  {
    id: text('id').primaryKey(),
    pollId: text('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The IANA zone detected in (or chosen by) the participant's browser. */
    timeZone: text('time_zone').notNull(),
    /** Their working hours and hard "never" window, local "HH:mm" (fairness.md §3.2, §3.4). */
    preferredStart: text('preferred_start'),
    preferredEnd: text('preferred_end'),
    neverStart: text('never_start'),
    neverEnd: text('never_end'),
    editTokenHash: text('edit_token_hash').notNull(),
    /**
     * SHA-256 of their calendar feed's token (itself derived from the edit token); null for
     * an answer older than feeds until its editor next opens the poll with the edit token.
     */
    feedTokenHash: text('feed_token_hash'),
    /** Client-chosen key that makes a repeated submit (double click, retry) a no-op. */
    submissionKey: text('submission_key').notNull(),
    /** Where their edit link and the scheduled time go (never shown to others); null = no mail. */
    email: text('email'),
    /** The catalogue they answered in: their mail is written in it. */
    locale: text('locale').notNull().default('en'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('participants_poll_idx').on(t.pollId, t.createdAt),
    uniqueIndex('participants_submission_uq').on(t.pollId, t.submissionKey),
    uniqueIndex('participants_feed_uq').on(t.feedTokenHash),
  ],
);

export const votes = sqliteTable(
  'votes',
  {
    participantId: text('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    optionId: text('option_id')
      .notNull()
      .references(() => options.id, { onDelete: 'cascade' }),
    value: text('value', { enum: ['yes', 'ifneedbe', 'no'] }).notNull(),
    /** The participant confirmed this slot although it falls in their never window. */
    overrideNever: integer('override_never', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.optionId] }),
    index('votes_option_idx').on(t.optionId),
  ],
);

export const comments = sqliteTable(
  'comments',
  {
    id: text('id').primaryKey(),
    pollId: text('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    author: text('author').notNull(),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('comments_poll_idx').on(t.pollId, t.createdAt)],
);

/**
 * Mail waiting to leave, written in the same transaction as the change that caused it (so a
 * rolled-back change sends nothing) and delivered by server/mail-sender.ts. No foreign key to
 * the poll: the cancellation written when a poll is deleted must outlive the poll's row.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    pollId: text('poll_id').notNull(),
    /** What the mail is (organiserCreated, editLink, scheduled, cancelled, …), for the admin page. */
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    /** The rendered message (subject, text, html, headers, calendar part) as JSON. */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Also the Message-ID: a retry after a crash carries the same one (see mail-sender.ts). */
    idempotencyKey: text('idempotency_key').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** A sender holds the message until then; after it (a crash) another may take it. */
    leaseExpiresAt: integer('lease_expires_at'),
    sentAt: integer('sent_at'),
    lastError: text('last_error'),
    /**
     * The organiser's digest only: who it names so far. While no sender has taken the row,
     * each new answer or comment joins it and its payload is rendered again.
     */
    digest: text('digest', { mode: 'json' }).$type<DigestEntry[]>(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_uq').on(t.idempotencyKey),
    index('outbox_due_idx').on(t.sentAt, t.nextAttemptAt),
    index('outbox_poll_idx').on(t.pollId),
  ],
);

/**
 * The secret of one mail's unsubscribe link (List-Unsubscribe), hashed like the admin token:
 * it names a poll and an address. A mail's token cannot be rebuilt from its hash, so each
 * mail gets its own. No foreign key, like the outbox: the cancellation of a deleted poll
 * carries one too.
 */
export const unsubscribeTokens = sqliteTable(
  'unsubscribe_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    pollId: text('poll_id').notNull(),
    recipient: text('recipient').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('unsubscribe_tokens_poll_idx').on(t.pollId)],
);

/** An address that asked for no more mail about a poll: nothing is queued or sent to it. */
export const mailStops = sqliteTable(
  'mail_stops',
  {
    pollId: text('poll_id').notNull(),
    recipient: text('recipient').notNull(),
    stoppedAt: integer('stopped_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.recipient] })],
);

/**
 * A guest the organiser invited by address (never shown to anyone but the organiser). Linked
 * to the participant who answered through their personal link; the link is lost again (set
 * null) when the organiser removes that answer, and the guest counts as not answered.
 */
export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    pollId: text('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    /** Lower case, as lib/mail/address.ts folds it: one invitation per address and poll. */
    email: text('email').notNull(),
    participantId: text('participant_id').references(() => participants.id, {
      onDelete: 'set null',
    }),
    /** The organiser's catalogue when they invited: the guest's mail is written in it. */
    locale: text('locale').notNull().default('en'),
    invitedAt: integer('invited_at').notNull(),
    /** When the organiser last sent the reminder by hand; null = never. */
    remindedAt: integer('reminded_at'),
  },
  (t) => [uniqueIndex('invitations_poll_email_uq').on(t.pollId, t.email)],
);

/**
 * The SHA-256 of the secret in one mail's personal link (the invitation, each reminder): a
 * token cannot be rebuilt from its hash, so each mail that carries the link gets its own.
 * `mailKey` is that mail's idempotency key, so a reminder dropped before it left takes its
 * token with it.
 */
export const invitationLinks = sqliteTable(
  'invitation_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    invitationId: text('invitation_id')
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    mailKey: text('mail_key').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('invitation_links_invitation_idx').on(t.invitationId),
    index('invitation_links_mail_idx').on(t.mailKey),
  ],
);

/**
 * Each client address's write budget (lib/http/rate-limit.ts), kept here rather than in a
 * process so that every app instance on the database counts against one budget. A row last
 * refilled more than a minute ago is as good as none, and is forgotten.
 */
export const writeBudgets = sqliteTable(
  'write_budgets',
  {
    client: text('client').primaryKey(),
    tokens: real('tokens').notNull(),
    refilledAt: integer('refilled_at').notNull(),
  },
  (t) => [index('write_budgets_refilled_idx').on(t.refilledAt)],
);

export const pollsRelations = relations(polls, ({ many }) => ({
  options: many(options),
  participants: many(participants),
}));
export const optionsRelations = relations(options, ({ one }) => ({
  poll: one(polls, { fields: [options.pollId], references: [polls.id] }),
}));
export const participantsRelations = relations(participants, ({ one, many }) => ({
  poll: one(polls, { fields: [participants.pollId], references: [polls.id] }),
  votes: many(votes),
}));
export const votesRelations = relations(votes, ({ one }) => ({
  participant: one(participants, { fields: [votes.participantId], references: [participants.id] }),
  option: one(options, { fields: [votes.optionId], references: [options.id] }),
}));

export type PollRow = typeof polls.$inferSelect;
export type OptionRow = typeof options.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;
export type VoteRow = typeof votes.$inferSelect;
export type CommentRow = typeof comments.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
