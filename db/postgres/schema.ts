import { relations } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { DigestEntry } from '@/lib/mail/digest';

/**
 * The PostgreSQL twin of db/schema.ts: same tables, columns, indexes and unique constraints,
 * with the same TypeScript row types, so one store interface can sit on either engine
 * (schema-parity.test.ts fails when the two drift). Where the engines differ:
 * - instants (UTC ms) are `bigint` in number mode: they pass 2^31 but stay below 2^53;
 * - `override_never` is a real `boolean` (SQLite stores 0/1, drizzle reads both as boolean);
 * - `guest_zones` is `jsonb` (SQLite keeps the same JSON array as text).
 * Comments on the meaning of each column live in db/schema.ts.
 */

const instant = (name: string) => bigint(name, { mode: 'number' });

export const polls = pgTable('polls', {
  id: text('id').primaryKey(),
  adminTokenHash: text('admin_token_hash').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  location: text('location').notNull().default(''),
  organiserName: text('organiser_name').notNull().default(''),
  organiserEmail: text('organiser_email'),
  organiserLocale: text('organiser_locale').notNull().default('en'),
  timeZone: text('time_zone').notNull(),
  kind: text('kind', { enum: ['timed', 'allDay'] }).notNull(),
  status: text('status', { enum: ['open', 'closed', 'scheduled'] })
    .notNull()
    .default('open'),
  guestZones: jsonb('guest_zones').$type<string[]>().notNull().default([]),
  finalOptionId: text('final_option_id'),
  finalSequence: integer('final_sequence').notNull().default(0),
  deadline: instant('deadline'),
  optionLimit: integer('option_limit'),
  privacy: text('privacy', { enum: ['public', 'hideNames', 'afterAnswer', 'organiserOnly'] })
    .notNull()
    .default('public'),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
  version: integer('version').notNull().default(0),
});

export const options = pgTable(
  'options',
  {
    id: text('id').primaryKey(),
    pollId: text('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    startsAt: instant('starts_at'),
    durationMinutes: integer('duration_minutes'),
    date: text('date'),
    position: integer('position').notNull(),
  },
  (t) => [
    index('options_poll_idx').on(t.pollId, t.position),
    uniqueIndex('options_poll_start_uq').on(t.pollId, t.startsAt),
    uniqueIndex('options_poll_date_uq').on(t.pollId, t.date),
  ],
);

export const participants = pgTable(
  'participants',
  {
    id: text('id').primaryKey(),
    pollId: text('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    preferredStart: text('preferred_start'),
    preferredEnd: text('preferred_end'),
    neverStart: text('never_start'),
    neverEnd: text('never_end'),
    editTokenHash: text('edit_token_hash').notNull(),
    feedTokenHash: text('feed_token_hash'),
    submissionKey: text('submission_key').notNull(),
    email: text('email'),
    locale: text('locale').notNull().default('en'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('participants_poll_idx').on(t.pollId, t.createdAt),
    uniqueIndex('participants_submission_uq').on(t.pollId, t.submissionKey),
    uniqueIndex('participants_feed_uq').on(t.feedTokenHash),
  ],
);

export const votes = pgTable(
  'votes',
  {
    participantId: text('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    optionId: text('option_id')
      .notNull()
      .references(() => options.id, { onDelete: 'cascade' }),
    value: text('value', { enum: ['yes', 'ifneedbe', 'no'] }).notNull(),
    overrideNever: boolean('override_never').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.optionId] }),
    index('votes_option_idx').on(t.optionId),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: text('id').primaryKey(),
    pollId: text('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    author: text('author').notNull(),
    body: text('body').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('comments_poll_idx').on(t.pollId, t.createdAt)],
);

export const outbox = pgTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    pollId: text('poll_id').notNull(),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    leaseExpiresAt: instant('lease_expires_at'),
    sentAt: instant('sent_at'),
    lastError: text('last_error'),
    digest: jsonb('digest').$type<DigestEntry[]>(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_uq').on(t.idempotencyKey),
    index('outbox_due_idx').on(t.sentAt, t.nextAttemptAt),
    index('outbox_poll_idx').on(t.pollId),
  ],
);

export const unsubscribeTokens = pgTable(
  'unsubscribe_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    pollId: text('poll_id').notNull(),
    recipient: text('recipient').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('unsubscribe_tokens_poll_idx').on(t.pollId)],
);

export const mailStops = pgTable(
  'mail_stops',
  {
    pollId: text('poll_id').notNull(),
    recipient: text('recipient').notNull(),
    stoppedAt: instant('stopped_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.recipient] })],
);

export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    pollId: text('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    participantId: text('participant_id').references(() => participants.id, {
      onDelete: 'set null',
    }),
    locale: text('locale').notNull().default('en'),
    invitedAt: instant('invited_at').notNull(),
    remindedAt: instant('reminded_at'),
  },
  (t) => [uniqueIndex('invitations_poll_email_uq').on(t.pollId, t.email)],
);

export const invitationLinks = pgTable(
  'invitation_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    invitationId: text('invitation_id')
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    mailKey: text('mail_key').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('invitation_links_invitation_idx').on(t.invitationId),
    index('invitation_links_mail_idx').on(t.mailKey),
  ],
);

export const writeBudgets = pgTable(
  'write_budgets',
  {
    client: text('client').primaryKey(),
    tokens: doublePrecision('tokens').notNull(),
    refilledAt: instant('refilled_at').notNull(),
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
