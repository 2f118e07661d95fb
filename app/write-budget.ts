import { headers } from 'next/headers';
import type { Failure } from '@/lib/poll/problems';
import { WRITE_REFUSED_HEADER } from '@/lib/http/rate-limit';
import { failure } from '@/app/problem-messages';

/**
 * Every server action that writes asks this first. proxy.ts counts the write and, when the
 * address is over its budget, lets the action run only to say so: a 429 from the proxy
 * would replace the page with an error and lose the form.
 */
export async function writeRefused(): Promise<Failure | null> {
  const wait = (await headers()).get(WRITE_REFUSED_HEADER);
  return wait === null ? null : failure('api.rateLimited', 'page', { seconds: Number(wait) });
}
