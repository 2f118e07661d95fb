import { NextResponse } from 'next/server';
import { finalisePoll } from '@/db/mutations';
import { getPollWithVotes, isAdminOf } from '@/db/queries';
import { finaliseSchema } from '@/lib/poll/poll-admin';
import { toPublicPoll } from '@/lib/poll/model';
import { problemsFromZod } from '@/lib/poll/problems';
import { bearerToken } from '@/app/api/bearer';
import { jsonFailure, notFoundJson, readJson } from '@/app/api/json';
import { describeProblems } from '@/app/problem-messages';

/** Schedule the poll on `optionId`, or reopen it with `null` (admin token as Bearer). */
export async function POST(request: Request, { params }: RouteContext<'/api/polls/[id]/finalise'>) {
  const { id } = await params;
  const token = bearerToken(request);
  if (!token || !isAdminOf(id, token)) return await notFoundJson();
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = finaliseSchema.safeParse(body.value);
  if (!parsed.success)
    return jsonFailure(await describeProblems(problemsFromZod(parsed.error), 'api'), 400);
  const result = finalisePoll(id, parsed.data.optionId, Date.now());
  if (!result.ok) {
    return result.reason === 'notFound'
      ? await notFoundJson()
      : jsonFailure(
          await describeProblems({ optionId: [{ code: 'finalOption.unknown' }] }, 'api'),
          400,
        );
  }
  return NextResponse.json(toPublicPoll(getPollWithVotes(id)!), {
    headers: { 'Cache-Control': 'no-store' },
  });
}
