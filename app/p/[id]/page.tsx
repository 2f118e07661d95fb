import { requestTime } from '@/app/clock';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PollHeader } from '@/components/poll-header';
import { PollView } from '@/components/poll-view';
import { rankPoll } from '@/lib/poll-ranking';
import { getPollWithVotes } from '@/db/queries';
import { formatLocale } from '@/app/format-locale';
import { savedViewerZone } from '@/app/viewer-zone';
import { submitVote } from '@/app/p/[id]/actions';
import { editorFromCookie } from '@/app/p/[id]/edit-cookie';

export async function generateMetadata({ params }: PageProps<'/p/[id]'>): Promise<Metadata> {
  const poll = getPollWithVotes((await params).id);
  return { title: poll?.title, robots: { index: false } };
}

export default async function ParticipantPage({ params }: PageProps<'/p/[id]'>) {
  const { id } = await params;
  const poll = getPollWithVotes(id);
  if (!poll) notFound();
  const [zone, locale, me] = await Promise.all([savedViewerZone(), formatLocale(), editorFromCookie(id)]);
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
        me={me}
        submitAction={submitVote}
      />
    </div>
  );
}
