import { NextResponse } from 'next/server';
import { postComment } from '@/server/comments';
import { requestContext } from '@/server/context';
import { requestTime } from '@/app/clock';
import { mailRequest } from '@/app/mail-request';
import { problemJson, readJson } from '@/app/api/json';

/** Anyone with the poll's link may comment: `{ author, body }`. */
export async function POST(request: Request, { params }: RouteContext<'/api/polls/[id]/comments'>) {
  const { id } = await params;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const result = await postComment(
    { pollId: id, comment: body.value },
    requestContext(requestTime(), null, await mailRequest()),
  );
  if (!result.ok) return await problemJson(result.problem);
  return NextResponse.json({ id: result.commentId }, { status: 201 });
}
