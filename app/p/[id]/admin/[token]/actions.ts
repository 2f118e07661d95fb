'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { redirect } from 'next/navigation';
import type { CountResult, EditResult } from '@/components/poll/action-results';
import { splitAddresses } from '@/lib/mail/address-list';
import type { Failure } from '@/lib/poll/problems';
import { removeAnswer } from '@/server/answers';
import { deleteComment } from '@/server/comments';
import { remindGuests as remind } from '@/server/invitations';
import { requestContext, type Context } from '@/server/context';
import { deletePoll, editPoll as edit, finalisePoll, setPollStatus } from '@/server/polls';
import type { Outcome } from '@/server/problem';
import { requestTime } from '@/app/clock';
import { mailRequest } from '@/app/mail-request';
import { formPayload } from '@/app/form-payload';
import { describeProblem, describeProblems, failure } from '@/app/problem-messages';
import { writeRefused } from '@/app/write-budget';
import { actionArguments, actionForm, actionText, unreadable } from '@/app/action-arguments';

const pollAndToken = z.tuple([actionText, actionText]);
const pollTokenAndId = z.tuple([actionText, actionText, actionText]);

/** The organiser's change as the admin page shows it: refreshed on success, else in words. */
async function settle(pollId: string, outcome: Outcome): Promise<Failure | null> {
  if (!outcome.ok) return (await describeProblem(outcome.problem)).body;
  revalidatePath(`/p/${pollId}`, 'layout');
  return null;
}

async function context(refused: number | null): Promise<Context> {
  return requestContext(requestTime(), refused, await mailRequest());
}

export async function removeParticipant(
  pollId: string,
  adminToken: string,
  participantId: string,
): Promise<Failure | null> {
  const refused = await writeRefused();
  if (!actionArguments(pollTokenAndId, [pollId, adminToken, participantId])) return unreadable();
  return settle(
    pollId,
    await removeAnswer({ pollId, adminToken, participantId }, await context(refused)),
  );
}

export async function changePollStatus(
  pollId: string,
  adminToken: string,
  status: 'open' | 'closed',
): Promise<Failure | null> {
  const refused = await writeRefused();
  const statuses = z.tuple([actionText, actionText, z.enum(['open', 'closed'])]);
  if (!actionArguments(statuses, [pollId, adminToken, status])) return unreadable();
  return settle(
    pollId,
    await setPollStatus({ pollId, adminToken, status }, await context(refused)),
  );
}

export async function removePoll(pollId: string, adminToken: string): Promise<Failure | null> {
  const refused = await writeRefused();
  if (!actionArguments(pollAndToken, [pollId, adminToken])) return unreadable();
  const failed = await settle(
    pollId,
    await deletePoll({ pollId, adminToken }, await context(refused)),
  );
  if (failed) return failed;
  redirect('/?deleted=1');
}

/** The admin page's edit form: the same use case as PATCH /api/polls/{id}. */
export async function editPoll(
  pollId: string,
  adminToken: string,
  _prev: EditResult | null,
  formData: FormData,
): Promise<EditResult> {
  const refused = await writeRefused();
  const form = z.tuple([actionText, actionText, z.unknown(), actionForm]);
  if (!actionArguments(form, [pollId, adminToken, _prev, formData])) return unreadable();
  const result = await edit(
    { pollId, adminToken, payload: formPayload(formData) },
    await context(refused),
  );
  return (await settle(pollId, result)) ?? { ok: true, notices: result.ok ? result.notices : [] };
}

export async function schedulePoll(
  pollId: string,
  adminToken: string,
  optionId: string | null,
): Promise<Failure | null> {
  const refused = await writeRefused();
  const choice = z.tuple([actionText, actionText, actionText.nullable()]);
  if (!actionArguments(choice, [pollId, adminToken, optionId])) return unreadable();
  const result = await finalisePoll(
    { pollId, adminToken, payload: { ok: true, value: { optionId } } },
    await context(refused),
  );
  // The page only offers the poll's own options: anything else is one message.
  if (!result.ok && result.problem.code === 'invalid') return failure('finalOption.unknown');
  return settle(pollId, result);
}

export async function removeComment(
  pollId: string,
  adminToken: string,
  commentId: string,
): Promise<Failure | null> {
  const refused = await writeRefused();
  if (!actionArguments(pollTokenAndId, [pollId, adminToken, commentId])) return unreadable();
  const result = await deleteComment({ pollId, adminToken, commentId }, await context(refused));
  // A comment already gone is what the organiser wanted.
  const gone = !result.ok && result.problem.code === 'commentNotFound';
  return settle(pollId, gone ? { ok: true } : result);
}

/** The admin page's "Invite guests" form: the edit route's `invitees`, one field of addresses. */
export async function inviteGuests(
  pollId: string,
  adminToken: string,
  _prev: CountResult | null,
  formData: FormData,
): Promise<CountResult> {
  const refused = await writeRefused();
  const form = z.tuple([actionText, actionText, z.unknown(), actionForm]);
  if (!actionArguments(form, [pollId, adminToken, _prev, formData])) return unreadable();
  const sent = String(formData.get('invitees') ?? '');
  const invitees = splitAddresses(sent);
  if (invitees.length === 0)
    return { ...(await describeProblems({ invitees: [{ code: 'invitees.none' }] })), sent };
  const result = await edit(
    { pollId, adminToken, payload: { ok: true, value: { invitees } } },
    await context(refused),
  );
  const failed = await settle(pollId, result);
  return failed ? { ...failed, sent } : { ok: true, count: invitees.length };
}

/** The button that reminds the guests who have not answered. */
export async function remindInvitees(pollId: string, adminToken: string): Promise<CountResult> {
  const refused = await writeRefused();
  if (!actionArguments(pollAndToken, [pollId, adminToken])) return unreadable();
  const result = await remind({ pollId, adminToken }, await context(refused));
  return (await settle(pollId, result)) ?? { ok: true, count: result.ok ? result.reminded : 0 };
}
