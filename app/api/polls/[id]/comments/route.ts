import { NextResponse } from 'next/server';
import { insertComment } from '@/db/mutations';
import { prepareComment } from '@/lib/poll/poll-admin';
import { jsonFailure, notFoundJson, readJson } from '@/app/api/json';
import { describeProblems } from '@/app/problem-messages';

/** Anyone with the poll's link may comment: `{ author, body }`. */
export async function POST(request: Request, { params }: RouteContext<'/api/polls/[id]/comments'>) {
  const { id } = await params;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const prepared = prepareComment(body.value);
  if (!prepared.ok) return jsonFailure(await describeProblems(prepared.fieldErrors, 'api'), 400);
  const commentId = insertComment(id, prepared.value, Date.now());
  if (!commentId) return await notFoundJson();
  return NextResponse.json({ id: commentId }, { status: 201 });
}
