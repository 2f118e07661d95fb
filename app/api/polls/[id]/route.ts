import { createHash } from 'node:crypto';
import { NextResponse } from 'next/server';
import { pollJson } from '@/lib/export/poll-json';
import { toPublicPoll, type PollRecord } from '@/lib/poll/model';
import type { ResultsHidden } from '@/lib/poll/privacy';
import { parseEditorCredential } from '@/server/access';
import { requestContext } from '@/server/context';
import { deletePoll, editPoll } from '@/server/polls';
import { viewPoll } from '@/server/views';
import { requestTime } from '@/app/clock';
import { mailRequest } from '@/app/mail-request';
import { bearerToken } from '@/app/api/bearer';
import { notFoundJson, problemJson, readJson } from '@/app/api/json';
import { anonymousName } from '@/app/visible';

/**
 * The poll with its answers and the server's fairness ranking, as this caller may see them:
 * the admin token (Bearer) sees everything; `X-Kairos-Participant: <participantId>.<editToken>`
 * identifies a participant for the "after answering" privacy setting.
 */
export async function GET(request: Request, { params }: RouteContext<'/api/polls/[id]'>) {
  const { id } = await params;
  const view = await viewPoll(
    {
      pollId: id,
      adminToken: bearerToken(request),
      editor: parseEditorCredential(request.headers.get('x-kairos-participant')),
      anonymousName: await anonymousName('api'),
    },
    requestContext(requestTime()),
  );
  if (!view.ok) return await notFoundJson();
  const { stored, poll, hidden } = view;
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
  return JSON.stringify(pollJson(poll, hidden));
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
  const body = await readJson(request);
  const result = await editPoll(
    { pollId: id, adminToken: bearerToken(request), payload: body },
    requestContext(requestTime(), null, await mailRequest()),
  );
  // The token is checked first: a stranger's unreadable body is still a missing poll.
  if (!result.ok)
    return !body.ok && result.problem.code === 'malformed'
      ? body.response
      : await problemJson(result.problem);
  return NextResponse.json(
    { ...toPublicPoll(result.poll), notices: result.notices },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

export async function DELETE(request: Request, { params }: RouteContext<'/api/polls/[id]'>) {
  const { id } = await params;
  const result = await deletePoll(
    { pollId: id, adminToken: bearerToken(request) },
    requestContext(requestTime(), null, await mailRequest()),
  );
  if (!result.ok) return await problemJson(result.problem);
  return new NextResponse(null, { status: 204 });
}
