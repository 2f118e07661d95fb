import { createHash } from 'node:crypto';
import { NextResponse } from 'next/server';
import { deletePoll, updatePoll } from '@/db/mutations';
import { getPollWithVotes, isAdminOf, isEditorOf } from '@/db/queries';
import { preparePollUpdate } from '@/lib/poll/poll-admin';
import { rankPoll } from '@/lib/fairness/poll-ranking';
import { toPublicPoll, type PollRecord } from '@/lib/poll/model';
import type { ResultsHidden } from '@/lib/poll/privacy';
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
    participantId:
      participantId && editToken && isEditorOf(id, participantId, editToken) ? participantId : null,
  };
  const { poll, hidden } = await pollForViewer(stored, viewer, 'api');
  const { body, etag } =
    poll === stored
      ? (wholePollBodies.get(stored) ?? remember(stored))
      : withEtag(pollBody(poll, hidden));
  const headers = {
    'Cache-Control': 'private, no-cache',
    ETag: etag,
    Vary: 'Authorization, X-Kairos-Participant',
  };
  if (matchesEtag(request.headers.get('if-none-match'), etag))
    return new NextResponse(null, { status: 304, headers });
  return new NextResponse(body, { headers: { ...headers, 'Content-Type': 'application/json' } });
}

function pollBody(poll: PollRecord, hidden: ResultsHidden): string {
  const ranking = rankPoll(poll).map(({ id: optionId, rank, keys, explanation, summary }) => ({
    optionId,
    rank,
    keys,
    summary,
    explanation,
  }));
  return JSON.stringify({ ...toPublicPoll(poll), resultsHidden: hidden, ranking });
}

function withEtag(body: string): { body: string; etag: string } {
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/**
 * The body of a poll every viewer sees whole (public, or the organiser), serialised once per
 * stored version: the record is shared until the poll changes (db/queries.ts), so a busy
 * poll is ranked and serialised once, not once per request.
 */
const wholePollBodies = new WeakMap<PollRecord, { body: string; etag: string }>();

function remember(poll: PollRecord) {
  const entry = withEtag(pollBody(poll, null));
  wholePollBodies.set(poll, entry);
  return entry;
}

function matchesEtag(header: string | null, etag: string): boolean {
  return (
    header !== null &&
    header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)
  );
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
  return NextResponse.json(toPublicPoll(getPollWithVotes(id)!), {
    headers: { 'Cache-Control': 'no-store' },
  });
}

export async function DELETE(request: Request, { params }: RouteContext<'/api/polls/[id]'>) {
  const { id } = await params;
  const token = bearerToken(request);
  if (!token || !isAdminOf(id, token) || !deletePoll(id)) return await notFoundJson();
  return new NextResponse(null, { status: 204 });
}
