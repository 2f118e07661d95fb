import { PollHeader } from '@/components/poll/poll-header';
import { PollView } from '@/components/poll/poll-view';
import { calendarLinks } from '@/lib/export/ics-export';
import { packPoll } from '@/lib/poll/packed-poll';
import { rankPollForPage } from '@/lib/fairness/poll-ranking';
import type { EditorCredential } from '@/server/access';
import { scheduledEvent } from '@/server/exports';
import { editorFeedUrl } from '@/server/feed';
import { requestContext } from '@/server/context';
import type { PollViewOutcome } from '@/server/views';
import { requestTime } from '@/app/clock';
import { formatLocale } from '@/app/format-locale';
import { requestOrigin } from '@/app/origin';
import { viewerZone } from '@/app/viewer-zone';
import { postComment, submitVote } from '@/app/p/[id]/actions';
import { mailEnabled } from '@/server/mail/mail-settings';

/** The participant's page, shared by the poll link, the private edit link and a guest's personal link. */
export async function ParticipantView({
  view,
  me,
  submitAction = submitVote,
}: {
  view: Extract<PollViewOutcome, { ok: true }>;
  me: EditorCredential | null;
  submitAction?: typeof submitVote;
}) {
  const { stored, poll, hidden } = view;
  const [zone, locale, origin] = await Promise.all([
    viewerZone(poll.timeZone),
    formatLocale(),
    requestOrigin(),
  ]);
  const event = scheduledEvent(stored, origin);
  const feedUrl = me
    ? await editorFeedUrl({ editor: me, origin }, requestContext(requestTime()))
    : null;
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
        feedUrl={feedUrl}
        submitAction={submitAction}
        mailEnabled={mailEnabled()}
        postComment={postComment.bind(null, stored.id)}
        calendar={
          event ? { ics: `/api/polls/${stored.id}/event.ics`, ...calendarLinks(event) } : null
        }
      />
    </div>
  );
}
