import { NextResponse } from 'next/server';
import { z } from 'zod';
import { updateParticipant } from '@/db/mutations';
import { getOptionIds, isEditorOf } from '@/db/queries';
import { prepareVote } from '@/lib/poll/vote-input';
import { jsonFailure, notFoundJson, readJson } from '@/app/api/json';
import { describeVoteRefusal } from '@/app/vote-refusal';
import { describeProblems, failure } from '@/app/problem-messages';

// A token of the wrong type is no token: the answer is the same 404 as a wrong one.
const tokenSchema = z.string().min(1).max(128).optional().catch(undefined);

/** The edit token comes as `Authorization: Bearer …` or as `editToken` in the body. */
export async function PUT(
  request: Request,
  { params }: RouteContext<'/api/polls/[id]/responses/[participantId]'>,
) {
  const { id, participantId } = await params;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value))
    return jsonFailure(await failure('api.notAnObject', 'api'), 400);
  // The rest of the body as sent, not as zod copied it: zod drops a `__proto__` key, which
  // prepareVote must see to refuse it like any unknown field.
  const { editToken: sentToken, ...answer } = body.value as Record<string, unknown>;
  const bodyToken = tokenSchema.parse(sentToken);
  const bearer = request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const token = bearer ?? bodyToken;
  // Authorise before validating, so a stranger learns nothing from the validation messages.
  if (!token || !isEditorOf(id, participantId, token)) return await notFoundJson();
  const optionIds = getOptionIds(id);
  if (!optionIds) return await notFoundJson();
  const prepared = prepareVote(answer, optionIds);
  if (!prepared.ok) return jsonFailure(await describeProblems(prepared.fieldErrors, 'api'), 400);
  const result = updateParticipant(id, participantId, token, prepared.value, Date.now());
  if (!result.ok) {
    const refusal = await describeVoteRefusal(result, 'api');
    return jsonFailure(refusal.body, refusal.status);
  }
  return NextResponse.json(
    { participantId: result.participantId },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
