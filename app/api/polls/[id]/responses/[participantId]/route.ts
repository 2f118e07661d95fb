import { NextResponse } from 'next/server';
import { z } from 'zod';
import { submitAnswer } from '@/server/answers';
import { requestContext } from '@/server/context';
import { requestTime } from '@/app/clock';
import { mailRequest } from '@/app/mail-request';
import { bearerToken } from '@/app/api/bearer';
import { jsonFailure, notFoundJson, problemJson, readJson } from '@/app/api/json';
import { failure } from '@/app/problem-messages';

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
  // the answer's schema must see to refuse it like any unknown field.
  const { editToken: sentToken, ...answer } = body.value as Record<string, unknown>;
  const editToken = bearerToken(request) ?? tokenSchema.parse(sentToken);
  if (!editToken) return await notFoundJson();
  // The use case checks the token before the answer, so a stranger learns nothing from
  // the validation messages.
  const result = await submitAnswer(
    { pollId: id, editor: { participantId, editToken }, answer },
    requestContext(requestTime(), null, await mailRequest()),
  );
  if (!result.ok) return await problemJson(result.problem);
  return NextResponse.json(
    { participantId: result.participantId },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
