import { z } from 'zod';
import type { DailyWindow } from '@/lib/fairness/model';
import { optionalEmailSchema } from '@/lib/mail/address';
import { LIMITS } from '@/lib/poll/limits';
import { zoneSchema } from '@/lib/poll/poll-input';
import { VOTE_VALUES, type VoteValue } from '@/lib/poll/model';
import {
  addProblem,
  problemsFromZod,
  type FieldProblems,
  type Prepared,
} from '@/lib/poll/problems';
import { HIDDEN_CONTROL, hasVisibleText, isCleanSingleLine } from '@/lib/poll/text-input';

const hm = z
  .string({ error: 'hours.malformed' })
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'hours.malformed') as z.ZodType<
  DailyWindow['start']
>;
const dailyWindow = z.strictObject({ start: hm, end: hm }, { error: 'hours.malformed' });

export const submitVoteSchema = z
  .object({
    name: z
      .string({ error: 'name.required' })
      .trim()
      .min(1, 'name.required')
      .max(LIMITS.name, 'name.tooLong')
      .refine(hasVisibleText, 'name.required')
      .refine(isCleanSingleLine, HIDDEN_CONTROL),
    timeZone: zoneSchema,
    // Keys are checked against the poll's own options below, which names the problem.
    votes: z.record(z.string(), z.enum(VOTE_VALUES, { error: 'votes.invalidValue' }), {
      error: 'votes.required',
    }),
    /** Working hours: outside them a time counts as discomfort (fairness.md §3.2). */
    workingHours: dailyWindow.optional(),
    /** Hard window ("never at night"): a yes inside it counts as no unless overridden. */
    neverWindow: dailyWindow.nullable().optional(),
    /** Options the participant confirmed although they fall in the never window. */
    overrideNever: z
      .array(z.string().max(64), { error: 'votes.unknownOption' })
      .max(LIMITS.options)
      .optional(),
    /** Where their private edit link is mailed (when mail is on); never shown to others. */
    email: optionalEmailSchema,
    /**
     * The token of an invited guest's personal link (the last part of /p/{id}/invite/{token}),
     * for clients that answer through the API: the answer then counts as that guest's.
     */
    invitation: z.string().max(64).optional(),
    /** Makes a repeated submit (double click, network retry) land once. */
    submissionKey: z
      .string({ error: 'submissionKey.invalid' })
      .trim()
      .min(8, 'submissionKey.invalid')
      .max(64, 'submissionKey.invalid')
      .optional(),
  })
  .strict();

export type SubmitVoteInput = z.input<typeof submitVoteSchema>;

export interface PreparedVote {
  name: string;
  timeZone: string;
  votes: { optionId: string; value: VoteValue; overrideNever: boolean }[];
  workingHours: DailyWindow | null;
  neverWindow: DailyWindow | null;
  submissionKey: string | null;
  email: string | null;
}

/**
 * The personal link's token an answer names, read before the answer is validated: a wrong one
 * must look like a missing poll, whatever else is wrong with the answer.
 */
export function invitationNamedIn(raw: unknown): string | null {
  const named = z.object({ invitation: z.string().min(1) }).safeParse(raw);
  return named.success ? named.data.invitation : null;
}

/** Validates an answer against the poll's own options: a vote for another poll's option is refused. */
export function prepareVote(raw: unknown, optionIds: readonly string[]): Prepared<PreparedVote> {
  const parsed = submitVoteSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: problemsFromZod(parsed.error) };
  const known = new Set(optionIds);
  const problems: FieldProblems = {};
  const votes: PreparedVote['votes'] = [];
  const overrides = new Set(parsed.data.overrideNever ?? []);
  for (const optionId of overrides) {
    if (!known.has(optionId))
      addProblem(problems, 'overrideNever', { code: 'votes.unknownOption', values: { optionId } });
  }
  // Zod drops a `__proto__` key from a record; it names no option, so say so like any other.
  const sent = (raw as { votes?: unknown }).votes;
  if (typeof sent === 'object' && sent !== null && Object.hasOwn(sent, '__proto__'))
    addProblem(problems, 'votes', {
      code: 'votes.unknownOption',
      values: { optionId: '__proto__' },
    });
  for (const [optionId, value] of Object.entries(parsed.data.votes)) {
    if (!known.has(optionId)) {
      addProblem(problems, 'votes', { code: 'votes.unknownOption', values: { optionId } });
      continue;
    }
    votes.push({ optionId, value, overrideNever: overrides.has(optionId) && value !== 'no' });
  }
  if (Object.keys(problems).length > 0) return { ok: false, fieldErrors: problems };
  return {
    ok: true,
    value: {
      name: parsed.data.name,
      timeZone: parsed.data.timeZone,
      votes,
      workingHours: parsed.data.workingHours ?? null,
      neverWindow: parsed.data.neverWindow ?? null,
      submissionKey: parsed.data.submissionKey ?? null,
      email: parsed.data.email,
    },
  };
}
