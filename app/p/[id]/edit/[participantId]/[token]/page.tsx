import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requestContext } from '@/server/context';
import { viewPoll } from '@/server/views';
import { requestTime } from '@/app/clock';
import { anonymousName } from '@/app/visible';
import { ParticipantView } from '@/app/p/[id]/participant-view';

export const metadata: Metadata = { robots: { index: false } };

/** The private edit link: the same page as the participant's, with their answer loaded. */
export default async function EditAnswerPage({
  params,
}: PageProps<'/p/[id]/edit/[participantId]/[token]'>) {
  const { id, participantId, token } = await params;
  const editor = { participantId, editToken: token };
  const view = await viewPoll(
    { pollId: id, editor, require: 'editor', anonymousName: await anonymousName() },
    requestContext(requestTime()),
  );
  if (!view.ok) notFound();
  return <ParticipantView view={view} me={editor} />;
}
