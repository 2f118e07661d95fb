import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requestContext } from '@/server/context';
import { pollTitle, viewPoll } from '@/server/views';
import { requestTime } from '@/app/clock';
import { anonymousName } from '@/app/visible';
import { editorCookie } from '@/app/p/[id]/edit-cookie';
import { ParticipantView } from '@/app/p/[id]/participant-view';

export async function generateMetadata({ params }: PageProps<'/p/[id]'>): Promise<Metadata> {
  const title = await pollTitle((await params).id, requestContext(requestTime()));
  return { title: title ?? undefined, robots: { index: false } };
}

export default async function ParticipantPage({ params }: PageProps<'/p/[id]'>) {
  const { id } = await params;
  const editor = await editorCookie(id);
  const view = await viewPoll(
    { pollId: id, editor, anonymousName: await anonymousName() },
    requestContext(requestTime()),
  );
  if (!view.ok) notFound();
  // A cookie whose token no longer matches is ignored, as if there were none.
  return <ParticipantView view={view} me={view.viewer.participantId ? editor : null} />;
}
