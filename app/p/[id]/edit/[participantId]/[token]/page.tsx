import { requestTime } from '@/app/clock';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PollHeader } from '@/components/poll-header';
import { PollView } from '@/components/poll-view';
import { rankPoll } from '@/lib/poll-ranking';
import { getPollWithVotes, isEditorOf } from '@/db/queries';
import { formatLocale } from '@/app/format-locale';
import { savedViewerZone } from '@/app/viewer-zone';
import { submitVote } from '@/app/p/[id]/actions';

export const metadata: Metadata = { robots: { index: false } };

/** The private edit link: the same page as the participant's, with their answer loaded. */
export default async function EditAnswerPage({ params }: PageProps<'/p/[id]/edit/[participantId]/[token]'>) {
  const { id, participantId, token } = await params;
  const poll = isEditorOf(id, participantId, token) ? getPollWithVotes(id) : null;
  if (!poll) notFound();
  const [zone, locale] = await Promise.all([savedViewerZone(), formatLocale()]);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PollHeader poll={poll} />
      <PollView
        poll={poll}
        ranking={rankPoll(poll)}
        mode="participant"
        initialZone={zone}
        locale={locale}
        nowMs={requestTime()}
        me={{ participantId, editToken: token }}
        submitAction={submitVote}
      />
    </div>
  );
}
