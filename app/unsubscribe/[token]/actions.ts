'use server';

import { revalidatePath } from 'next/cache';
import type { Failure } from '@/lib/poll/problems';
import { requestContext } from '@/server/context';
import { unsubscribePath } from '@/server/links';
import { unsubscribe } from '@/server/unsubscribe';
import { requestTime } from '@/app/clock';
import { describeProblem } from '@/app/problem-messages';
import { writeRefused } from '@/app/write-budget';

/** The page's button (the token rides in the form): stops the mail, and the page says so. */
export async function stopMail(_previous: Failure | null, form: FormData): Promise<Failure | null> {
  const token = String(form.get('token') ?? '');
  const refused = await writeRefused();
  const result = await unsubscribe(token, requestContext(requestTime(), refused));
  if (!result.ok) return (await describeProblem(result.problem)).body;
  revalidatePath(unsubscribePath(token));
  return null;
}
