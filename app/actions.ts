'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { Failure } from '@/lib/poll/problems';
import { requestContext } from '@/server/context';
import { adminPath } from '@/server/links';
import { createPoll as create } from '@/server/polls';
import { requestTime } from '@/app/clock';
import { mailRequest } from '@/app/mail-request';
import { actionArguments, actionForm, unreadable } from '@/app/action-arguments';
import { formPayload } from '@/app/form-payload';
import { describeProblem } from '@/app/problem-messages';
import { writeRefused } from '@/app/write-budget';

/** Creates the poll and takes the organiser to its admin page, whose URL holds the secret. */
export async function createPoll(_prev: Failure | null, formData: FormData): Promise<Failure> {
  const refused = await writeRefused();
  if (!actionArguments(z.tuple([z.unknown(), actionForm]), [_prev, formData])) return unreadable();
  const result = await create(
    formPayload(formData),
    requestContext(requestTime(), refused, await mailRequest()),
  );
  if (!result.ok) return (await describeProblem(result.problem)).body;
  redirect(`${adminPath(result.id, result.adminToken)}?created=1`);
}
