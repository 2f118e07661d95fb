import { relations } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

export const polls = sqliteTable('polls', {
  id: text('id').primaryKey(),
  adminTokenHash: text('admin_token_hash').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  location: text('location').notNull().default(''),
  organiserName: text('organiser_name').notNull().default(''),
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
    /** Client-chosen key that makes a repeated submit (double click, retry) a no-op. */
    submissionKey: text('submission_key').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('participants_poll_idx').on(t.pollId, t.createdAt),
    uniqueIndex('participants_submission_uq').on(t.pollId, t.submissionKey),
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
