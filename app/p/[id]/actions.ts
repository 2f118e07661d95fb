'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { VoteResult } from '@/components/poll/action-results';
import { ANSWER_FIELDS, answerWithFields } from '@/lib/poll/answer-form';
import type { Failure } from '@/lib/poll/problems';
import { submitAnswer } from '@/server/answers';
import { postComment as post } from '@/server/comments';
import { requestContext } from '@/server/context';
import { editPath, feedUrl } from '@/server/links';
import { writeBudgetProblem } from '@/server/problem';
import { requestTime } from '@/app/clock';
import { mailRequest } from '@/app/mail-request';
import { formPayload } from '@/app/form-payload';
import { requestOrigin } from '@/app/origin';
import { describeProblem } from '@/app/problem-messages';
import { writeRefused } from '@/app/write-budget';
import { rememberEditor } from '@/app/p/[id]/edit-cookie';
import { actionArguments, actionForm, actionText, unreadable } from '@/app/action-arguments';

const envelope = z.looseObject({
  pollId: z.string().min(1).max(64),
  participantId: z.string().min(1).max(64).optional(),
  editToken: z.string().min(1).max(128).optional(),
});

/** Stores a new answer, or replaces this browser's own one when it holds the edit token. */
export async function submitVote(
  _prev: VoteResult | null,
  formData: FormData,
): Promise<VoteResult> {
  const refused = await writeRefused();
  if (!actionArguments(z.tuple([z.unknown(), actionForm]), [_prev, formData])) return unreadable();
  return vote(formData, null, refused);
}

/** The same, from a guest's personal link: the answer is marked as their invitation's. */
export async function submitInvitedVote(
  invitation: string,
  _prev: VoteResult | null,
  formData: FormData,
): Promise<VoteResult> {
  const refused = await writeRefused();
  const args = z.tuple([actionText, z.unknown(), actionForm]);
  if (!actionArguments(args, [invitation, _prev, formData])) return unreadable();
  return vote(formData, invitation, refused);
}

async function vote(
  formData: FormData,
  invitation: string | null,
  refused: number | null,
): Promise<VoteResult> {
  const sent = formPayload(formData);
  // Without JavaScript the payload is the one rendered; the form's fields hold the answer.
  // With it the payload is the answer, as the page's state built it.
  const payload =
    sent.ok && formData.has(ANSWER_FIELDS.unscripted)
      ? { ok: true as const, value: answerWithFields(sent.value, formData) }
      : sent;
  const parsed = payload.ok ? envelope.safeParse(payload.value) : null;
  // An unreadable form from a client over its budget hears about the budget, as any other.
  if (!payload.ok || !parsed?.success)
    return (await describeProblem(writeBudgetProblem(refused) ?? { code: 'malformed' })).body;
  const { pollId, participantId, editToken } = parsed.data;
  // The rest as sent, not as zod copied it (zod drops `__proto__`; the answer's schema refuses it).
  const answer = Object.fromEntries(
    Object.entries(payload.value as object).filter(([key]) => !Object.hasOwn(envelope.shape, key)),
  );
  const editor = participantId && editToken ? { participantId, editToken } : null;
  const result = await submitAnswer(
    { pollId, editor, answer, invitation },
    requestContext(requestTime(), refused, await mailRequest()),
  );
  if (!result.ok) return (await describeProblem(result.problem)).body;
  let links = { editUrl: null as string | null, feedUrl: null as string | null };
  if (result.editToken) {
    await rememberEditor(pollId, result.participantId, result.editToken);
    const origin = await requestOrigin();
    links = {
      editUrl: `${origin}${editPath(pollId, result.participantId, result.editToken)}`,
      feedUrl: feedUrl(origin, result.editToken),
    };
  }
  revalidatePath(`/p/${pollId}`, 'layout');
  return { ok: true, ...links, updated: editor !== null };
}

export type CommentResult = { ok: true } | Failure;

/** Anyone with the link may comment. */
export async function postComment(
  pollId: string,
  _prev: CommentResult | null,
  formData: FormData,
): Promise<CommentResult> {
  const refused = await writeRefused();
  if (!actionArguments(z.tuple([actionText, z.unknown(), actionForm]), [pollId, _prev, formData]))
    return unreadable();
  const result = await post(
    {
      pollId,
      comment: { author: formData.get('author') ?? '', body: formData.get('body') ?? '' },
    },
    requestContext(requestTime(), refused, await mailRequest()),
  );
  if (!result.ok) return (await describeProblem(result.problem)).body;
  revalidatePath(`/p/${pollId}`, 'layout');
  return { ok: true };
}
