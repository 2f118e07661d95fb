import { z } from 'zod';
import { LIMITS, VOTE_VALUES, zoneSchema, type VoteValue } from '@/lib/poll-input';
import { addProblem, problemsFromZod, type FieldProblems, type Prepared } from '@/lib/problems';

export const submitVoteSchema = z
  .object({
    name: z
      .string({ error: 'name.required' })
      .trim()
      .min(1, 'name.required')
      .max(LIMITS.name, 'name.tooLong'),
    timeZone: zoneSchema,
    votes: z.record(
      z.string().max(64, 'votes.unknownOption'),
      z.enum(VOTE_VALUES, { error: 'votes.invalidValue' }),
      { error: 'votes.required' },
    ),
    /** Makes a repeated submit (double click, network retry) land once. */
    submissionKey: z.string().trim().min(8).max(64).optional(),
  })
  .strict();

export type SubmitVoteInput = z.input<typeof submitVoteSchema>;

export interface PreparedVote {
  name: string;
  timeZone: string;
  votes: { optionId: string; value: VoteValue }[];
  submissionKey: string | null;
}

/** Validates an answer against the poll's own options: a vote for another poll's option is refused. */
export function prepareVote(raw: unknown, optionIds: readonly string[]): Prepared<PreparedVote> {
  const parsed = submitVoteSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: problemsFromZod(parsed.error) };
  const known = new Set(optionIds);
  const problems: FieldProblems = {};
  const votes: PreparedVote['votes'] = [];
  for (const [optionId, value] of Object.entries(parsed.data.votes)) {
    if (!known.has(optionId)) {
      addProblem(problems, 'votes', { code: 'votes.unknownOption', values: { optionId } });
      continue;
    }
    votes.push({ optionId, value });
  }
  if (Object.keys(problems).length > 0) return { ok: false, fieldErrors: problems };
  return {
    ok: true,
    value: {
      name: parsed.data.name,
      timeZone: parsed.data.timeZone,
      votes,
      submissionKey: parsed.data.submissionKey ?? null,
    },
  };
}
