import { NextResponse } from 'next/server';
import { getPollWithVotes } from '@/db/queries';
import { rankPoll } from '@/lib/poll-ranking';
import { toPublicPoll } from '@/lib/poll-shape';
import { notFoundJson } from '@/app/api/json';

/** The poll with its answers and the server's fairness ranking (best first, explained). */
export async function GET(_request: Request, { params }: RouteContext<'/api/polls/[id]'>) {
  const poll = getPollWithVotes((await params).id);
  if (!poll) return await notFoundJson();
  const ranking = rankPoll(poll).map(({ id, rank, keys, explanation, summary }) => ({
    optionId: id,
    rank,
    keys,
    summary,
    explanation,
  }));
  return NextResponse.json({ ...toPublicPoll(poll), ranking }, { headers: { 'Cache-Control': 'no-store' } });
}
