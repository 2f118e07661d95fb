import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requestContext } from '@/server/context';
import { invitationExists } from '@/server/invitations';
import { viewPoll } from '@/server/views';
import { requestTime } from '@/app/clock';
import { anonymousName } from '@/app/visible';
import { submitInvitedVote } from '@/app/p/[id]/actions';
import { editorCookie } from '@/app/p/[id]/edit-cookie';
import { ParticipantView } from '@/app/p/[id]/participant-view';

export const metadata: Metadata = { robots: { index: false } };

/**
 * A guest's personal link: the participant page, whose answer is marked as their invitation's.
 * Never kept by the page cache (lib/http/page-cache.ts keeps only the poll and admin paths).
 */
export default async function InvitationPage({ params }: PageProps<'/p/[id]/invite/[token]'>) {
  const { id, token } = await params;
  const context = requestContext(requestTime());
  // A wrong token renders exactly the 404 of a missing poll.
  if (!(await invitationExists({ pollId: id, token }, context))) notFound();
  const editor = await editorCookie(id);
  const view = await viewPoll(
    { pollId: id, editor, anonymousName: await anonymousName() },
    context,
  );
  if (!view.ok) notFound();
  return (
    <ParticipantView
      view={view}
      me={view.viewer.participantId ? editor : null}
      submitAction={submitInvitedVote.bind(null, token)}
    />
  );
}
