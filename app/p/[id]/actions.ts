'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { VoteResult } from '@/components/poll/poll-view';
import { insertComment, insertParticipant, updateParticipant } from '@/db/mutations';
import { getOptionIds, isEditorOf } from '@/db/queries';
import { prepareComment } from '@/lib/poll/poll-admin';
import type { Failure } from '@/lib/poll/problems';
import { prepareVote } from '@/lib/poll/vote-input';
import { editPath, requestOrigin } from '@/app/origin';
import { describeProblems, failure } from '@/app/problem-messages';
import { writeRefused } from '@/app/write-budget';
import { describeVoteRefusal } from '@/app/vote-refusal';
import { rememberEditor } from '@/app/p/[id]/edit-cookie';

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
  if (refused) return refused;
  let raw: unknown;
  try {
    raw = JSON.parse(String(formData.get('payload') ?? ''));
  } catch {
    return failure('form.malformed');
  }
  const parsed = envelope.safeParse(raw);
  if (!parsed.success) return failure('form.malformed');
  const { pollId, participantId, editToken } = parsed.data;
  // The rest as sent, not as zod copied it (zod drops `__proto__`; prepareVote refuses it).
  const answer = Object.fromEntries(
    Object.entries(raw as object).filter(([key]) => !Object.hasOwn(envelope.shape, key)),
  );
  const editing = Boolean(participantId && editToken);
  if (editing && !isEditorOf(pollId, participantId!, editToken!)) return failure('poll.notFound');
  const optionIds = getOptionIds(pollId);
  if (!optionIds) return failure('poll.notFound');
  const prepared = prepareVote(answer, optionIds);
  if (!prepared.ok) return describeProblems(prepared.fieldErrors);

  const now = Date.now();
  const result =
    editing && participantId && editToken
      ? updateParticipant(pollId, participantId, editToken, prepared.value, now)
      : insertParticipant(pollId, prepared.value, now);
  if (!result.ok) return (await describeVoteRefusal(result, 'page')).body;
  let editUrl: string | null = null;
  if (result.editToken) {
    await rememberEditor(pollId, result.participantId, result.editToken);
    editUrl = `${await requestOrigin()}${editPath(pollId, result.participantId, result.editToken)}`;
  }
  revalidatePath(`/p/${pollId}`, 'layout');
  return { ok: true, editUrl, updated: editing };
}

export type CommentResult = { ok: true } | Failure;

/** Anyone with the link may comment. */
export async function postComment(
  pollId: string,
  _prev: CommentResult | null,
  formData: FormData,
): Promise<CommentResult> {
  const refused = await writeRefused();
  if (refused) return refused;
  const prepared = prepareComment({
    author: formData.get('author') ?? '',
    body: formData.get('body') ?? '',
  });
  if (!prepared.ok) return describeProblems(prepared.fieldErrors);
  if (!insertComment(pollId, prepared.value, Date.now())) return failure('poll.notFound');
  revalidatePath(`/p/${pollId}`, 'layout');
  return { ok: true };
}
