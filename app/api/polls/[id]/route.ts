import { NextResponse } from 'next/server';
import { getPollWithVotes } from '@/db/queries';
import { toPublicPoll } from '@/lib/poll-shape';
import { notFoundJson } from '@/app/api/json';

export async function GET(_request: Request, { params }: RouteContext<'/api/polls/[id]'>) {
  const poll = getPollWithVotes((await params).id);
  if (!poll) return await notFoundJson();
  return NextResponse.json(toPublicPoll(poll), { headers: { 'Cache-Control': 'no-store' } });
}
