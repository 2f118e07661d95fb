import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getPollWithVotes, isEditorOf } from '@/db/queries';
import { ParticipantView } from '@/app/p/[id]/participant-view';

export const metadata: Metadata = { robots: { index: false } };

/** The private edit link: the same page as the participant's, with their answer loaded. */
export default async function EditAnswerPage({
  params,
}: PageProps<'/p/[id]/edit/[participantId]/[token]'>) {
  const { id, participantId, token } = await params;
  const poll = isEditorOf(id, participantId, token) ? getPollWithVotes(id) : null;
  if (!poll) notFound();
  return <ParticipantView stored={poll} me={{ participantId, editToken: token }} />;
}
