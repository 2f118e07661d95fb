import { headers } from 'next/headers';
import { WRITE_REFUSED_HEADER } from '@/lib/http/rate-limit';

/**
 * Every server action that writes asks this first and hands the verdict to its use case.
 * proxy.ts counts the write and, when the address is over its budget, lets the action run
 * only to say so: a 429 from the proxy would replace the page with an error and lose the
 * form. Returns the seconds to wait, or null within the budget.
 */
export async function writeRefused(): Promise<number | null> {
  const wait = (await headers()).get(WRITE_REFUSED_HEADER);
  return wait === null ? null : Number(wait);
}
