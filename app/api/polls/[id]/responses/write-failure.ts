import type { NextResponse } from 'next/server';
import { jsonFailure, notFoundJson } from '@/app/api/json';
import { describeProblems, failure } from '@/app/problem-messages';

export async function writeFailure(reason: 'notFound' | 'closed' | 'unknownOption'): Promise<NextResponse> {
  if (reason === 'notFound') return await notFoundJson();
  if (reason === 'closed') return jsonFailure(await failure('poll.closed', 'api'), 409);
  return jsonFailure(await describeProblems({ votes: [{ code: 'votes.unknownOption', values: { optionId: '' } }] }, 'api'), 400);
}
