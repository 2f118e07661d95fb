import { NextResponse } from 'next/server';
import { toPublicPoll } from '@/lib/poll/model';
import { requestContext } from '@/server/context';
import { finalisePoll } from '@/server/polls';
import { requestTime } from '@/app/clock';
import { mailRequest } from '@/app/mail-request';
import { bearerToken } from '@/app/api/bearer';
import { problemJson, readJson } from '@/app/api/json';

/** Schedule the poll on `optionId`, or reopen it with `null` (admin token as Bearer). */
export async function POST(request: Request, { params }: RouteContext<'/api/polls/[id]/finalise'>) {
  const { id } = await params;
  const body = await readJson(request);
  const result = await finalisePoll(
    { pollId: id, adminToken: bearerToken(request), payload: body },
    requestContext(requestTime(), null, await mailRequest()),
  );
  // The token is checked first: a stranger's unreadable body is still a missing poll.
  if (!result.ok)
    return !body.ok && result.problem.code === 'malformed'
      ? body.response
      : await problemJson(result.problem);
  return NextResponse.json(toPublicPoll(result.poll), {
    headers: { 'Cache-Control': 'no-store' },
  });
}
