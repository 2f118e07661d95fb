'use server';

import { redirect } from 'next/navigation';
import { insertPoll } from '@/db/mutations';
import { preparePoll } from '@/lib/poll/poll-input';
import type { Failure } from '@/lib/poll/problems';
import { adminPath } from '@/app/origin';
import { describeProblems, failure } from '@/app/problem-messages';
import { writeRefused } from '@/app/write-budget';

/** Creates the poll and takes the organiser to its admin page, whose URL holds the secret. */
export async function createPoll(_prev: Failure | null, formData: FormData): Promise<Failure> {
  const refused = await writeRefused();
  if (refused) return refused;
  let payload: unknown;
  try {
    payload = JSON.parse(String(formData.get('payload') ?? ''));
  } catch {
    return failure('form.malformed');
  }
  const prepared = preparePoll(payload);
  if (!prepared.ok) return describeProblems(prepared.fieldErrors);
  const { id, adminToken } = insertPoll(prepared.value, Date.now());
  redirect(`${adminPath(id, adminToken)}?created=1`);
}
