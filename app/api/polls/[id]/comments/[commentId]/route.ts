import { NextResponse } from 'next/server';
import { deleteComment } from '@/server/comments';
import { requestContext } from '@/server/context';
import { requestTime } from '@/app/clock';
import { bearerToken } from '@/app/api/bearer';
import { problemJson } from '@/app/api/json';

/** The organiser (admin token as Bearer) may delete any comment. */
export async function DELETE(
  request: Request,
  { params }: RouteContext<'/api/polls/[id]/comments/[commentId]'>,
) {
  const { id, commentId } = await params;
  const result = await deleteComment(
    { pollId: id, adminToken: bearerToken(request), commentId },
    requestContext(requestTime()),
  );
  if (!result.ok) return await problemJson(result.problem);
  return new NextResponse(null, { status: 204 });
}
