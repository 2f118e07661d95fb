import { NextResponse } from 'next/server';
import { insertParticipant } from '@/db/mutations';
import { getOptionIds } from '@/db/queries';
import { prepareVote } from '@/lib/poll/vote-input';
import { jsonFailure, notFoundJson, readJson } from '@/app/api/json';
import { describeVoteRefusal } from '@/app/vote-refusal';
import { editPath, requestOrigin } from '@/app/origin';
import { describeProblems } from '@/app/problem-messages';

export async function POST(
  request: Request,
  { params }: RouteContext<'/api/polls/[id]/responses'>,
) {
  const { id } = await params;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const optionIds = getOptionIds(id);
  if (!optionIds) return await notFoundJson();
  const prepared = prepareVote(body.value, optionIds);
  if (!prepared.ok) return jsonFailure(await describeProblems(prepared.fieldErrors, 'api'), 400);
  const result = insertParticipant(id, prepared.value, Date.now());
  if (!result.ok) {
    const refusal = await describeVoteRefusal(result, 'api');
    return jsonFailure(refusal.body, refusal.status);
  }
  if (!result.editToken) {
    // The same submissionKey again: the answer is already stored; its token was shown once.
    return NextResponse.json(
      { participantId: result.participantId, duplicate: true },
      { status: 200 },
    );
  }
  return NextResponse.json(
    {
      participantId: result.participantId,
      editToken: result.editToken,
      editUrl: `${await requestOrigin()}${editPath(id, result.participantId, result.editToken)}`,
    },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
}
