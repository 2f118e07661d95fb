import 'server-only';
import { prepareComment } from '@/lib/poll/poll-admin';
import type { Context } from '@/server/context';
import { wakeMailSender } from '@/server/mail/mail-sender';
import { queueDigest } from '@/server/mail/poll-mail';
import { organiserWrite } from '@/server/organiser-write';
import { refuse, writeBudgetProblem, type Outcome } from '@/server/problem';

/** Anyone with the poll's link may comment: `{ author, body }`. */
export async function postComment(
  input: { pollId: string; comment: unknown },
  context: Context,
): Promise<Outcome<{ commentId: string }>> {
  const budget = writeBudgetProblem(context.writeRefusedFor);
  if (budget) return refuse(budget);
  const prepared = prepareComment(input.comment);
  if (!prepared.ok) return refuse({ code: 'invalid', fieldErrors: prepared.fieldErrors });
  const { store, now, mail } = context;
  const commentId = await store.transaction(async (tx) => {
    await store.lockPoll(tx, input.pollId);
    const id = await store.insertComment(tx, input.pollId, prepared.value, now);
    if (id && mail) {
      const entry = { kind: 'comment' as const, name: prepared.value.author };
      await queueDigest(store, tx, mail, input.pollId, entry, now);
    }
    return id;
  });
  if (commentId && mail) wakeMailSender();
  return commentId ? { ok: true, commentId } : refuse({ code: 'notFound' });
}

/** The organiser may delete any comment. */
export function deleteComment(
  input: { pollId: string; adminToken: string | null; commentId: string },
  context: Context,
): Promise<Outcome> {
  return organiserWrite(input, context, async (tx) =>
    (await context.store.deleteComment(tx, input.pollId, input.commentId, context.now))
      ? { ok: true }
      : refuse({ code: 'commentNotFound' }),
  );
}
