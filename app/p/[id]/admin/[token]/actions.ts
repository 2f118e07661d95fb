'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { deleteParticipant, deletePoll, setPollStatus } from '@/db/mutations';
import { isAdminOf } from '@/db/queries';
import type { Failure } from '@/lib/problems';
import { failure } from '@/app/problem-messages';

function refresh(pollId: string) {
  revalidatePath(`/p/${pollId}`, 'layout');
}

export async function removeParticipant(pollId: string, adminToken: string, participantId: string): Promise<Failure | null> {
  if (!isAdminOf(pollId, adminToken)) return failure('poll.notFound');
  if (!deleteParticipant(pollId, participantId, Date.now())) return failure('participant.notFound');
  refresh(pollId);
  return null;
}

export async function changePollStatus(pollId: string, adminToken: string, status: 'open' | 'closed'): Promise<Failure | null> {
  if (!isAdminOf(pollId, adminToken)) return failure('poll.notFound');
  if (status !== 'open' && status !== 'closed') return failure('form.malformed');
  setPollStatus(pollId, status, Date.now());
  refresh(pollId);
  return null;
}

export async function removePoll(pollId: string, adminToken: string): Promise<Failure | null> {
  if (!isAdminOf(pollId, adminToken)) return failure('poll.notFound');
  deletePoll(pollId);
  refresh(pollId);
  redirect('/?deleted=1');
}
