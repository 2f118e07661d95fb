import { PollHeader } from '@/components/poll/poll-header';
import { PollView } from '@/components/poll/poll-view';
import { calendarLinks } from '@/lib/export/ics-export';
import { packPoll } from '@/lib/poll/packed-poll';
import { rankPollForPage } from '@/lib/fairness/poll-ranking';
import type { PollRecord } from '@/lib/poll/model';
import { requestTime } from '@/app/clock';
import { formatLocale } from '@/app/format-locale';
import { requestOrigin } from '@/app/origin';
import { scheduledEvent } from '@/app/scheduled-event';
import { savedViewerZone } from '@/app/viewer-zone';
import { pollForViewer } from '@/app/visible';
import { postComment, submitVote } from '@/app/p/[id]/actions';

/** The participant's page, shared by the poll link and the private edit link. */
export async function ParticipantView({
  stored,
  me,
}: {
  stored: PollRecord;
  me: { participantId: string; editToken: string } | null;
}) {
  const [zone, locale, origin] = await Promise.all([
    savedViewerZone(),
    formatLocale(),
    requestOrigin(),
  ]);
  const { poll, hidden } = await pollForViewer(stored, {
    admin: false,
    participantId: me?.participantId ?? null,
  });
  const event = scheduledEvent(stored, origin);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PollHeader poll={poll} />
      <PollView
        packed={packPoll(poll)}
        ranking={rankPollForPage(poll)}
        hidden={hidden}
        mode="participant"
        initialZone={zone}
        locale={locale}
        nowMs={requestTime()}
        me={me}
        submitAction={submitVote}
        postComment={postComment.bind(null, stored.id)}
        calendar={
          event ? { ics: `/api/polls/${stored.id}/event.ics`, ...calendarLinks(event) } : null
        }
      />
    </div>
  );
}
