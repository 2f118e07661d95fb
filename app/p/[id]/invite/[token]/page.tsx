import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requestContext } from '@/server/context';
import { openInvitation } from '@/server/invitations';
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
  const invitation = await openInvitation({ pollId: id, token }, context);
  // A wrong token renders exactly the 404 of a missing poll.
  if (!invitation) notFound();
  // This browser's own answer is loaded only when it is the one given from this link: a
  // second guest on a shared computer answers for themselves, not over the first.
  const cookie = await editorCookie(id);
  const editor = cookie && cookie.participantId === invitation.participantId ? cookie : null;
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
