import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getPollWithVotes } from '@/db/queries';
import { editorFromCookie } from '@/app/p/[id]/edit-cookie';
import { ParticipantView } from '@/app/p/[id]/participant-view';

export async function generateMetadata({ params }: PageProps<'/p/[id]'>): Promise<Metadata> {
  const poll = getPollWithVotes((await params).id);
  return { title: poll?.title, robots: { index: false } };
}

export default async function ParticipantPage({ params }: PageProps<'/p/[id]'>) {
  const { id } = await params;
  const poll = getPollWithVotes(id);
  if (!poll) notFound();
  return <ParticipantView stored={poll} me={await editorFromCookie(id)} />;
}
