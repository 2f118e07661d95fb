import { NextResponse } from 'next/server';
import { insertPoll } from '@/db/mutations';
import { preparePoll } from '@/lib/poll/poll-input';
import { jsonFailure, readJson } from '@/app/api/json';
import { adminPath, pollPath, requestOrigin } from '@/app/origin';
import { describeProblems } from '@/app/problem-messages';

export async function POST(request: Request) {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const prepared = preparePoll(body.value);
  if (!prepared.ok) return jsonFailure(await describeProblems(prepared.fieldErrors, 'api'), 400);
  const { id, adminToken } = insertPoll(prepared.value, Date.now());
  const origin = await requestOrigin();
  return NextResponse.json(
    {
      id,
      participantUrl: `${origin}${pollPath(id)}`,
      adminUrl: `${origin}${adminPath(id, adminToken)}`,
      adminToken,
      notices: prepared.value.notices,
    },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
}
