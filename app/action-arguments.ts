import { z } from 'zod';
import type { Failure } from '@/lib/poll/problems';
import { describeProblem } from '@/app/problem-messages';

/**
 * A server action is a public endpoint: whatever a page passes to it arrives as a request
 * body anyone can write, so its arguments are checked like any body before a use case sees
 * them (an object where an id belongs reached SQL as named parameters).
 */
export const actionText = z.string().min(1).max(256);
export const actionForm = z.instanceof(FormData);

export function actionArguments<S extends z.ZodTuple>(
  schema: S,
  args: unknown[],
): z.infer<S> | null {
  const parsed = schema.safeParse(args);
  return parsed.success ? parsed.data : null;
}

/** What a page shows for arguments no page of ours sends. */
export async function unreadable(): Promise<Failure> {
  return (await describeProblem({ code: 'malformed' })).body;
}
