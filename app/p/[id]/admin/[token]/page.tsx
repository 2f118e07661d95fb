import { requestTime } from '@/app/clock';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AdminControls } from '@/components/admin/admin-controls';
import { InvitationsPanel } from '@/components/admin/invitations-panel';
import { remindableNow } from '@/lib/mail/invitation-rules';
import { invitationsOf } from '@/server/invitations';
import { mailEnabled } from '@/server/mail/mail-settings';
import { CopyField } from '@/components/ui/copy-button';
import { PollHeader } from '@/components/poll/poll-header';
import { PollView } from '@/components/poll/poll-view';
import { packPoll } from '@/lib/poll/packed-poll';
import { rankPollForPage } from '@/lib/fairness/poll-ranking';
import { glanceAtZones } from '@/lib/fairness/zone-glance';
import { requestContext } from '@/server/context';
import { scheduledEvent } from '@/server/exports';
import { adminPath, pollPath } from '@/server/links';
import { failedMailOf } from '@/server/mail/failed-mail';
import { viewPoll } from '@/server/views';
import { formatLocale } from '@/app/format-locale';
import { requestOrigin } from '@/app/origin';
import { anonymousName } from '@/app/visible';
import { viewerZone } from '@/app/viewer-zone';
import {
  changePollStatus,
  editPoll,
  inviteGuests,
  remindInvitees,
  removeComment,
  removeParticipant,
  removePoll,
  schedulePoll,
} from '@/app/p/[id]/admin/[token]/actions';
import { postComment } from '@/app/p/[id]/actions';
import { calendarLinks } from '@/lib/export/ics-export';

export const metadata: Metadata = { robots: { index: false } };

export default async function AdminPage({
  params,
  searchParams,
}: PageProps<'/p/[id]/admin/[token]'>) {
  const { id, token } = await params;
  // A wrong token renders exactly the 404 of a missing poll.
  const view = await viewPoll(
    { pollId: id, adminToken: token, require: 'organiser', anonymousName: await anonymousName() },
    requestContext(requestTime()),
  );
  if (!view.ok) notFound();
  const poll = view.stored;
  const t = await getTranslations('admin');
  const glance = glanceAtZones(poll);
  const event = scheduledEvent(poll, await requestOrigin());
  const [zone, locale, origin, query, failedMail, invitations] = await Promise.all([
    viewerZone(poll.timeZone),
    formatLocale(),
    requestOrigin(),
    searchParams,
    failedMailOf({ pollId: id, adminToken: token }, requestContext(requestTime())),
    invitationsOf({ pollId: id, adminToken: token }, requestContext(requestTime())),
  ]);
  const remindedAt = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone.zone,
  });
  return (
    <div className="grid grid-cols-1 gap-6">
      {query.created === '1' && (
        <p
          role="status"
          className="rounded-xl border border-yes bg-yes-soft px-5 py-3 font-semibold"
        >
          {t('created')}
        </p>
      )}
      <section
        className="card grid gap-x-6 gap-y-3 p-5 sm:p-6 md:grid-cols-2"
        aria-labelledby="links-heading"
      >
        <h2 id="links-heading" className="text-lg font-semibold md:col-span-2">
          {t('linksHeading')}
        </h2>
        <div className="grid content-start gap-1">
          <CopyField
            id="participant-link"
            label={t('participantLink')}
            value={`${origin}${pollPath(id)}`}
          />
          <p className="hint">{t('participantLinkHint')}</p>
        </div>
        <div className="grid content-start gap-1">
          <CopyField
            id="admin-link"
            label={t('adminLink')}
            value={`${origin}${adminPath(id, token)}`}
          />
          <p className="rounded-lg bg-warn-soft px-3 py-2 text-sm" role="note">
            <strong>{t('adminWarningTitle')}</strong> {t('adminWarning')}
          </p>
        </div>
      </section>
      <PollHeader poll={poll} />
      {failedMail.length > 0 && (
        <section
          role="alert"
          aria-labelledby="mail-failed-title"
          className="rounded-xl border border-danger bg-no-soft px-5 py-3"
        >
          <h2 id="mail-failed-title" className="font-semibold">
            {t('mailFailed.failedTitle')}
          </h2>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {failedMail.map((m, i) => (
              <li key={i}>
                {t('mailFailed.failedItem', { recipient: m.recipient, error: m.lastError })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {mailEnabled() && (
        <InvitationsPanel
          rows={invitations.map((i) => ({
            email: i.email,
            answered: i.participantId !== null,
            stopped: i.stopped,
            reminded: i.remindedAt === null ? null : remindedAt.format(i.remindedAt),
          }))}
          remindable={remindableNow(invitations, requestTime()).length}
          invite={inviteGuests.bind(null, id, token)}
          remind={remindInvitees.bind(null, id, token)}
        />
      )}
      <PollView
        packed={packPoll(poll)}
        ranking={rankPollForPage(poll)}
        mode="admin"
        initialZone={zone}
        locale={locale}
        nowMs={requestTime()}
        me={null}
        removeAction={removeParticipant.bind(null, id, token)}
        glance={{
          zones: glance.zones,
          cells: [...glance.cells.entries()],
          worst: [...glance.worst.entries()],
        }}
        calendar={event ? { ics: `/api/polls/${id}/event.ics`, ...calendarLinks(event) } : null}
        postComment={postComment.bind(null, id)}
        admin={{
          schedule: schedulePoll.bind(null, id, token),
          edit: editPoll.bind(null, id, token),
          removeComment: removeComment.bind(null, id, token),
          csvUrl: `${adminPath(id, token)}/results.csv`,
          controls: (
            <AdminControls
              status={poll.status}
              participantUrl={pollPath(id)}
              changeStatus={changePollStatus.bind(null, id, token)}
              deletePoll={removePoll.bind(null, id, token)}
            />
          ),
        }}
      />
    </div>
  );
}
