import type { VoteWriteResult } from '@/db/mutations';
import type { Failure } from '@/lib/poll/problems';
import { describeProblems, failure, type Audience } from '@/app/problem-messages';

type Refusal = Exclude<VoteWriteResult, { ok: true }>;

/** The words and HTTP status for an answer the database refused, shared by pages and API. */
export async function describeVoteRefusal(
  refusal: Refusal,
  audience: Audience,
): Promise<{ status: number; body: Failure }> {
  switch (refusal.reason) {
    case 'notFound':
      return {
        status: 404,
        body: await failure(audience === 'api' ? 'api.notFound' : 'poll.notFound', audience),
      };
    case 'closed':
      return { status: 409, body: await failure('poll.closed', audience) };
    case 'deadline':
      return { status: 409, body: await failure('poll.deadlinePassed', audience) };
    case 'full':
      return {
        status: 409,
        body: await describeProblems(
          { votes: [{ code: 'votes.optionFull', values: { optionId: refusal.optionId } }] },
          audience,
        ),
      };
    case 'unknownOption':
      return {
        status: 400,
        body: await describeProblems(
          { votes: [{ code: 'votes.unknownOption', values: { optionId: '' } }] },
          audience,
        ),
      };
  }
}
