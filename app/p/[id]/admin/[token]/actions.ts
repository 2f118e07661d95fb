'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import {
  deleteComment,
  deleteParticipant,
  deletePoll,
  finalisePoll,
  setPollStatus,
  updatePoll,
} from '@/db/mutations';
import { getPollWithVotes, isAdminOf } from '@/db/queries';
import { finaliseSchema, preparePollUpdate } from '@/lib/poll/poll-admin';
import type { Failure } from '@/lib/poll/problems';
import { describeProblems, failure } from '@/app/problem-messages';
import { writeRefused } from '@/app/write-budget';

function refresh(pollId: string) {
  revalidatePath(`/p/${pollId}`, 'layout');
}

export async function removeParticipant(
  pollId: string,
  adminToken: string,
  participantId: string,
): Promise<Failure | null> {
  const refused = await writeRefused();
  if (refused) return refused;
  if (!isAdminOf(pollId, adminToken)) return failure('poll.notFound');
  if (!deleteParticipant(pollId, participantId, Date.now())) return failure('participant.notFound');
  refresh(pollId);
  return null;
}

export async function changePollStatus(
  pollId: string,
  adminToken: string,
  status: 'open' | 'closed',
): Promise<Failure | null> {
  const refused = await writeRefused();
  if (refused) return refused;
  if (!isAdminOf(pollId, adminToken)) return failure('poll.notFound');
  if (status !== 'open' && status !== 'closed') return failure('form.malformed');
  const result = setPollStatus(pollId, status, Date.now());
  if (!result.ok) return failure(result.reason === 'notAllowed' ? result.code : 'poll.notFound');
  refresh(pollId);
  return null;
}

export async function removePoll(pollId: string, adminToken: string): Promise<Failure | null> {
  const refused = await writeRefused();
  if (refused) return refused;
  if (!isAdminOf(pollId, adminToken)) return failure('poll.notFound');
  deletePoll(pollId);
  refresh(pollId);
  redirect('/?deleted=1');
}

export type EditResult = { ok: true } | Failure;

/** The admin page's edit form: the same checks as PATCH /api/polls/{id}. */
export async function editPoll(
  pollId: string,
  adminToken: string,
  _prev: EditResult | null,
  formData: FormData,
): Promise<EditResult> {
  const refused = await writeRefused();
  if (refused) return refused;
  if (!isAdminOf(pollId, adminToken)) return failure('poll.notFound');
  let payload: unknown;
  try {
    payload = JSON.parse(String(formData.get('payload') ?? ''));
  } catch {
    return failure('form.malformed');
  }
  const poll = getPollWithVotes(pollId);
  if (!poll) return failure('poll.notFound');
  const prepared = preparePollUpdate(payload, poll, Date.now());
  if (!prepared.ok) return describeProblems(prepared.fieldErrors);
  if (!updatePoll(pollId, prepared.value, Date.now()).ok) return failure('poll.notFound');
  refresh(pollId);
  return { ok: true };
}

export async function schedulePoll(
  pollId: string,
  adminToken: string,
  optionId: string | null,
): Promise<Failure | null> {
  const refused = await writeRefused();
  if (refused) return refused;
  if (!isAdminOf(pollId, adminToken)) return failure('poll.notFound');
  const parsed = finaliseSchema.safeParse({ optionId });
  if (!parsed.success) return failure('finalOption.unknown');
  const result = finalisePoll(pollId, parsed.data.optionId, Date.now());
  if (!result.ok)
    return failure(result.reason === 'notFound' ? 'poll.notFound' : 'finalOption.unknown');
  refresh(pollId);
  return null;
}

export async function removeComment(
  pollId: string,
  adminToken: string,
  commentId: string,
): Promise<Failure | null> {
  const refused = await writeRefused();
  if (refused) return refused;
  if (!isAdminOf(pollId, adminToken)) return failure('poll.notFound');
  deleteComment(pollId, commentId, Date.now());
  refresh(pollId);
  return null;
}
