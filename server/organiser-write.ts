import 'server-only';
import type { Tx } from '@/db/store';
import { isOrganiser } from '@/server/access';
import type { Context } from '@/server/context';
import { refuse, writeBudgetProblem, type Outcome } from '@/server/problem';

/**
 * The steps every organiser's change starts with, in one transaction under the poll's lock:
 * the admin token (a wrong one reads as a missing poll), then the write budget, then `write`.
 */
export function organiserWrite<T extends object>(
  target: { pollId: string; adminToken: string | null },
  context: Context,
  write: (tx: Tx) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  const { store } = context;
  return store.transaction(async (tx): Promise<Outcome<T>> => {
    await store.lockPoll(tx, target.pollId);
    if (!(await isOrganiser(store, tx, target.pollId, target.adminToken)))
      return refuse({ code: 'notFound' });
    const budget = writeBudgetProblem(context.writeRefusedFor);
    if (budget) return refuse(budget);
    return write(tx);
  });
}
