import 'server-only';
import type { FailedMail } from '@/db/store';
import { isOrganiser } from '@/server/access';
import type { Context } from '@/server/context';
import { DEFAULT_CLAIM_RULES } from '@/server/mail/mail-sender';

/** The poll's mail that kept failing, for the organiser's eyes only (it names addresses). */
export async function failedMailOf(
  input: { pollId: string; adminToken: string | null },
  context: Pick<Context, 'store'>,
): Promise<FailedMail[]> {
  const { store } = context;
  if (!(await isOrganiser(store, store, input.pollId, input.adminToken))) return [];
  return store.getFailedMail(store, input.pollId, DEFAULT_CLAIM_RULES.maxAttempts);
}
