import { NextResponse } from 'next/server';
import { requestContext } from '@/server/context';
import { adminPath, pollPath } from '@/server/links';
import { createPoll } from '@/server/polls';
import { requestTime } from '@/app/clock';
import { mailRequest } from '@/app/mail-request';
import { problemJson, readJson } from '@/app/api/json';
import { requestOrigin } from '@/app/origin';

export async function POST(request: Request) {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const result = await createPoll(body, requestContext(requestTime(), null, await mailRequest()));
  if (!result.ok) return await problemJson(result.problem);
  const { id, adminToken, notices } = result;
  const origin = await requestOrigin();
  return NextResponse.json(
    {
      id,
      participantUrl: `${origin}${pollPath(id)}`,
      adminUrl: `${origin}${adminPath(id, adminToken)}`,
      adminToken,
      notices,
    },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
}
