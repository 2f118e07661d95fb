import 'server-only';
import { z } from 'zod';
import { hashSecret } from '@/db/tokens';
import type { Context } from '@/server/context';
import { refuse, writeBudgetProblem, type Outcome } from '@/server/problem';

/**
 * The secret of an unsubscribe link (server/mail/unsubscribe-link.ts: 192 bits, base64url).
 * Anything else cannot be one, and is answered like an unknown token.
 */
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/);

/** What the unsubscribe page shows before anything is stopped: GET never stops (scanners). */
export async function viewUnsubscribe(
  token: unknown,
  context: Pick<Context, 'store'>,
): Promise<Outcome<{ pollTitle: string | null; stopped: boolean }>> {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return refuse({ code: 'notFound' });
  const target = await context.store.findUnsubscribe(context.store, hashSecret(parsed.data));
  if (!target) return refuse({ code: 'notFound' });
  return { ok: true, pollTitle: target.pollTitle, stopped: target.stopped };
}

/**
 * No more mail about the link's poll to the link's address, from the page's button or a
 * mail client's one-click POST. What is queued for it and not yet sent is dropped in the
 * same transaction, and nothing is queued for it again (the store skips it). Stopping twice
 * is the same as once.
 */
export async function unsubscribe(
  token: unknown,
  context: Context,
): Promise<Outcome<{ pollTitle: string | null; dropped: number }>> {
  const budget = writeBudgetProblem(context.writeRefusedFor);
  if (budget) return refuse(budget);
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return refuse({ code: 'notFound' });
  const { store, now } = context;
  return store.transaction(async (tx) => {
    const target = await store.findUnsubscribe(tx, hashSecret(parsed.data));
    if (!target) return refuse({ code: 'notFound' });
    const dropped = await store.stopMailTo(tx, target.pollId, target.recipient, now);
    return { ok: true as const, pollTitle: target.pollTitle, dropped };
  });
}
