import { NextResponse } from 'next/server';
import { deleteComment } from '@/db/mutations';
import { isAdminOf } from '@/db/queries';
import { bearerToken } from '@/app/api/bearer';
import { notFoundJson } from '@/app/api/json';

/** The organiser (admin token as Bearer) may delete any comment. */
export async function DELETE(
  request: Request,
  { params }: RouteContext<'/api/polls/[id]/comments/[commentId]'>,
) {
  const { id, commentId } = await params;
  const token = bearerToken(request);
  if (!token || !isAdminOf(id, token) || !deleteComment(id, commentId, Date.now()))
    return await notFoundJson();
  return new NextResponse(null, { status: 204 });
}
