import { NextResponse } from 'next/server';
import { submitAnswer } from '@/server/answers';
import { requestContext } from '@/server/context';
import { editPath, feedUrl } from '@/server/links';
import { requestTime } from '@/app/clock';
import { mailRequest } from '@/app/mail-request';
import { problemJson, readJson } from '@/app/api/json';
import { requestOrigin } from '@/app/origin';

export async function POST(
  request: Request,
  { params }: RouteContext<'/api/polls/[id]/responses'>,
) {
  const { id } = await params;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const result = await submitAnswer(
    { pollId: id, editor: null, answer: body.value },
    requestContext(requestTime(), null, await mailRequest()),
  );
  if (!result.ok) return await problemJson(result.problem);
  if (!result.editToken) {
    // The same submissionKey again: the answer is already stored; its token was shown once.
    return NextResponse.json(
      { participantId: result.participantId, duplicate: true },
      { status: 200 },
    );
  }
  const origin = await requestOrigin();
  return NextResponse.json(
    {
      participantId: result.participantId,
      editToken: result.editToken,
      editUrl: `${origin}${editPath(id, result.participantId, result.editToken)}`,
      feedUrl: feedUrl(origin, result.editToken),
    },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
}
