import { rankPoll } from '@/lib/fairness/poll-ranking';
import { toPublicPoll, type PollRecord } from '@/lib/poll/model';
import type { ResultsHidden } from '@/lib/poll/privacy';

/**
 * The poll as `GET /api/polls/{id}` answers it (the OpenAPI document's PollWithRanking): the
 * public record and the server's ranking, each option with the tally the page and the CSV show.
 */
export function pollJson(poll: PollRecord, hidden: ResultsHidden) {
  const ranking = rankPoll(poll).map(
    ({ id: optionId, rank, keys, explanation, tally, summary }) => ({
      optionId,
      rank,
      keys,
      summary,
      tally,
      explanation,
    }),
  );
  return { ...toPublicPoll(poll), resultsHidden: hidden, ranking };
}
