import 'server-only';
import type { InvitationRecord } from '@/db/store';
import { hashSecret } from '@/db/tokens';
import { isOrganiser } from '@/server/access';
import type { Context } from '@/server/context';
import { queueReminders } from '@/server/mail/invitation-mail';
import { wakeMailSender } from '@/server/mail/mail-sender';
import { organiserWrite } from '@/server/organiser-write';
import { refuse, type Outcome } from '@/server/problem';

/** The guests invited by address and who answered, for the organiser's eyes only. */
export async function invitationsOf(
  input: { pollId: string; adminToken: string | null },
  context: Pick<Context, 'store'>,
): Promise<InvitationRecord[]> {
  const { store } = context;
  if (!(await isOrganiser(store, store, input.pollId, input.adminToken))) return [];
  return store.getInvitations(store, input.pollId);
}

/**
 * What a personal link names: who answered from it so far (null: nobody yet), or null for a
 * wrong link, which renders the 404 of a missing poll.
 */
export async function openInvitation(
  input: { pollId: string; token: string },
  context: Pick<Context, 'store'>,
): Promise<{ participantId: string | null } | null> {
  const { store } = context;
  const invitation = await store.findInvitation(store, input.pollId, hashSecret(input.token));
  return invitation ? { participantId: invitation.participantId } : null;
}

/**
 * The organiser's button: one reminder to each guest who has not answered and was not
 * reminded in the last 24 hours (lib/mail/invitation-rules.ts); returns how many.
 */
export async function remindGuests(
  input: { pollId: string; adminToken: string | null },
  context: Context,
): Promise<Outcome<{ reminded: number }>> {
  const { store, now, mail } = context;
  const outcome = await organiserWrite(input, context, async (tx) => {
    const poll = await store.getPollWithVotes(tx, input.pollId);
    if (!poll) return refuse({ code: 'notFound' });
    return { ok: true, reminded: mail ? await queueReminders(store, tx, mail, poll, now) : 0 };
  });
  if (outcome.ok && outcome.reminded > 0) wakeMailSender();
  return outcome;
}
