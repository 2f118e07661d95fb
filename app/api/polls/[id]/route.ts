import { NextResponse } from 'next/server';
import { deletePoll, updatePoll } from '@/db/mutations';
import { getPollWithVotes, isAdminOf, isEditorOf } from '@/db/queries';
import { preparePollUpdate } from '@/lib/poll-admin';
import { rankPoll } from '@/lib/poll-ranking';
import { toPublicPoll } from '@/lib/poll-shape';
import { bearerToken } from '@/app/api/bearer';
import { jsonFailure, notFoundJson, readJson } from '@/app/api/json';
import { describeProblems } from '@/app/problem-messages';
import { pollForViewer } from '@/app/visible';

/**
 * The poll with its answers and the server's fairness ranking, as this caller may see them:
 * the admin token (Bearer) sees everything; `X-Kairos-Participant: <participantId>.<editToken>`
 * identifies a participant for the "after answering" privacy setting.
 */
export async function GET(request: Request, { params }: RouteContext<'/api/polls/[id]'>) {
  const { id } = await params;
  const stored = getPollWithVotes(id);
  if (!stored) return await notFoundJson();
  const token = bearerToken(request);
  const [participantId, editToken] = request.headers.get('x-kairos-participant')?.split('.') ?? [];
  const viewer = {
    admin: token !== null && isAdminOf(id, token),
    participantId: participantId && editToken && isEditorOf(id, participantId, editToken) ? participantId : null,
  };
  const { poll, hidden } = await pollForViewer(stored, viewer, 'api');
  const ranking = rankPoll(poll).map(({ id: optionId, rank, keys, explanation, summary }) => ({ optionId, rank, keys, summary, explanation }));
  return NextResponse.json({ ...toPublicPoll(poll), resultsHidden: hidden, ranking }, { headers: { 'Cache-Control': 'no-store' } });
}

/** Edit the poll (admin token as Bearer): details, options, deadline, limit, privacy. */
export async function PATCH(request: Request, { params }: RouteContext<'/api/polls/[id]'>) {
  const { id } = await params;
  const token = bearerToken(request);
  if (!token || !isAdminOf(id, token)) return await notFoundJson();
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const poll = getPollWithVotes(id);
  if (!poll) return await notFoundJson();
  const prepared = preparePollUpdate(body.value, poll, Date.now());
  if (!prepared.ok) return jsonFailure(await describeProblems(prepared.fieldErrors, 'api'), 400);
  if (!updatePoll(id, prepared.value, Date.now()).ok) return await notFoundJson();
  return NextResponse.json(toPublicPoll(getPollWithVotes(id)!), { headers: { 'Cache-Control': 'no-store' } });
}

export async function DELETE(request: Request, { params }: RouteContext<'/api/polls/[id]'>) {
  const { id } = await params;
  const token = bearerToken(request);
  if (!token || !isAdminOf(id, token) || !deletePoll(id)) return await notFoundJson();
  return new NextResponse(null, { status: 204 });
}
