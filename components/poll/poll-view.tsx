'use client';

import { useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import type { CommentResult, EditResult, VoteResult } from '@/components/poll/action-results';
import { CalendarFeed } from '@/components/poll/calendar-feed';
import { CommentsSection } from '@/components/poll/comments-section';
import { DeadlineNotice } from '@/components/poll/deadline-notice';
import { RankingList, type OptionOrder } from '@/components/poll/ranking-list';
import { ResultsTable } from '@/components/poll/results-table';
import { ScheduleBanner } from '@/components/poll/schedule-banner';
import { usePollViewModel } from '@/components/poll/use-poll-view-model';
import { useClockChoice, useViewerZone } from '@/components/poll/viewer-preferences';
import { VoteForm } from '@/components/poll/vote-form';
import { ZoneBar } from '@/components/poll/zone-bar';
import { ClockChangeNotices } from '@/components/ui/clock-change-notice';
import type { GlanceCell, GlanceColumn } from '@/lib/fairness/zone-glance';
import type { RankedOptionView } from '@/lib/fairness/poll-ranking';
import { DEFAULT_WORKING_HOURS } from '@/lib/fairness/never-window';
import type { PackedPoll } from '@/lib/poll/packed-poll';
import { answersRefused } from '@/lib/poll/model';
import { everyOptionPast } from '@/lib/poll/past-options';
import type { ResultsHidden } from '@/lib/poll/privacy';
import type { Failure } from '@/lib/poll/problems';
import { withHourCycle } from '@/lib/time/slot-display';
import { placeLabel } from '@/lib/places/place-label';
import { optionInstants } from '@/lib/time/offset-label';
import type { ViewerZone } from '@/lib/time/viewer-zone';

// The organiser's panels load with the admin page only: participants never download them.
const EditPollPanel = dynamic(() =>
  import('@/components/admin/edit-poll-panel').then((m) => m.EditPollPanel),
);
const FinalisePanel = dynamic(() =>
  import('@/components/admin/finalise-panel').then((m) => m.FinalisePanel),
);
const ScheduleThis = dynamic(() =>
  import('@/components/admin/finalise-panel').then((m) => m.ScheduleThis),
);
const ZoneGlanceTable = dynamic(() =>
  import('@/components/admin/zone-glance').then((m) => m.ZoneGlanceTable),
);

export function PollView({
  packed,
  ranking,
  mode,
  initialZone,
  locale,
  nowMs,
  me,
  feedUrl = null,
  submitAction,
  removeAction,
  glance,
  calendar,
  hidden = null,
  postComment,
  admin,
  mailEnabled = false,
}: {
  packed: PackedPoll;
  /** Download and add-to-calendar links once the poll is scheduled. */
  calendar: { ics: string; google: string; outlook: string } | null;
  /** Set when privacy settings hide the answers from this viewer. */
  hidden?: ResultsHidden;
  postComment: (prev: CommentResult | null, data: FormData) => Promise<CommentResult>;
  admin?: {
    schedule: (optionId: string | null) => Promise<Failure | null>;
    edit: (prev: EditResult | null, data: FormData) => Promise<EditResult>;
    removeComment: (commentId: string) => Promise<Failure | null>;
    csvUrl: string;
    /** Close, reopen and delete: shown in the collapsed settings with the edit form. */
    controls: ReactNode;
  };
  /** The organiser's view of every option at each involved place's clock. */
  glance?: {
    zones: Pick<GlanceColumn, 'id' | 'place' | 'workingHours'>[];
    cells: [string, GlanceCell[]][];
    worst: [string, number][];
  };
  /** The server's fairness ranking, best first. */
  ranking: readonly RankedOptionView[];
  mode: 'participant' | 'admin';
  initialZone: ViewerZone;
  locale: string;
  nowMs: number;
  me: { participantId: string; editToken: string } | null;
  /** The viewer's own calendar feed (webcal://), when they hold their edit token. */
  feedUrl?: string | null;
  submitAction?: (prev: VoteResult | null, data: FormData) => Promise<VoteResult>;
  removeAction?: (participantId: string) => Promise<Failure | null>;
  /** The server can send mail: the answer form offers an address field. */
  mailEnabled?: boolean;
}) {
  const t = useTranslations('poll');
  const tp = useTranslations('privacyNotice');
  const [hour12, chooseClock] = useClockChoice();
  const [viewer, chooseZone] = useViewerZone(initialZone);
  const zone = viewer.zone;
  const [order, setOrder] = useState<OptionOrder>('ranked');
  const displayLocale = withHourCycle(locale, hour12);
  const { poll, views, viewsById, tallies, best, finalView, clockNotices } = usePollViewModel({
    packed,
    ranking,
    zone,
    locale: displayLocale,
  });
  const mine = me ? poll.participants.find((p) => p.id === me.participantId) : undefined;
  const isTimed = poll.kind === 'timed';
  const refused = answersRefused(poll, nowMs);
  // While the viewer can answer, the results grid is the answer form's (wide screens).
  const answering = mode === 'participant' && !refused && Boolean(submitAction);

  return (
    <div className="grid grid-cols-1 gap-6">
      {finalView && calendar && (
        <ScheduleBanner
          view={finalView}
          zoneLabel={
            isTimed ? t('zoneName', { place: placeLabel(viewer.place ?? zone, locale) }) : null
          }
          calendar={calendar}
        />
      )}
      {isTimed && (
        <ZoneBar
          viewer={viewer}
          instantsMs={optionInstants(poll.options)}
          onZone={chooseZone}
          hour12={hour12}
          onHour12={chooseClock}
          locale={locale}
          nowMs={nowMs}
        />
      )}

      <ClockChangeNotices notices={clockNotices} locale={displayLocale} />

      {poll.deadline !== null && (
        <DeadlineNotice
          deadline={poll.deadline}
          zone={zone ?? poll.timeZone}
          locale={displayLocale}
          nowMs={nowMs}
        />
      )}

      {!answering && feedUrl && (
        <CalendarFeed url={feedUrl} level={2} className="card p-4 sm:p-6" />
      )}

      {answering && submitAction && (
        <VoteForm
          poll={poll}
          views={views}
          tallies={tallies}
          zone={zone}
          me={me}
          feedUrl={feedUrl}
          initialName={mine?.name ?? ''}
          initialVotes={mine?.votes ?? {}}
          initialHours={
            mine
              ? {
                  workingHours: mine.workingHours ?? DEFAULT_WORKING_HOURS,
                  neverWindow: mine.neverWindow,
                }
              : null
          }
          initialOverrides={mine?.overrideNever ?? []}
          mailEnabled={mailEnabled}
          locale={displayLocale}
          action={submitAction}
          grid={
            hidden
              ? undefined
              : (answers) => (
                  <ResultsTable
                    poll={poll}
                    views={views}
                    tallies={tallies}
                    best={best}
                    highlightId={me?.participantId ?? null}
                    locale={displayLocale}
                    mine={answers}
                  />
                )
          }
        />
      )}
      {poll.status !== 'scheduled' && everyOptionPast(poll, nowMs) && (
        <p role="status" className="card bg-warn-soft px-5 py-4 font-medium">
          {t('pastNotice')}
        </p>
      )}
      {poll.status === 'closed' && (
        <p role="status" className="card px-5 py-4 font-medium">
          {t('closedNotice')}
        </p>
      )}

      {hidden && (
        <p role="status" className="card px-5 py-4 font-medium">
          {tp(hidden)}
        </p>
      )}

      {admin ? (
        <RankingList
          poll={poll}
          ranking={ranking}
          views={viewsById}
          order={order}
          onOrderChange={setOrder}
          locale={displayLocale}
          // The local-times table below shows every place's hour: the page stays short.
          openBest={!(glance && isTimed)}
          itemAction={
            poll.status === 'scheduled'
              ? undefined
              : (r, label) => (
                  <ScheduleThis optionId={r.id} label={label} schedule={admin.schedule} />
                )
          }
        >
          <FinalisePanel
            ranking={ranking}
            views={views}
            status={poll.status}
            finalOptionId={poll.finalOptionId}
            schedule={admin.schedule}
          />
        </RankingList>
      ) : (
        poll.participants.length > 0 &&
        !hidden && (
          <RankingList
            poll={poll}
            ranking={ranking}
            views={viewsById}
            order={order}
            onOrderChange={setOrder}
            locale={displayLocale}
          />
        )
      )}

      {!answering && (!hidden || poll.participants.length > 0) && (
        <ResultsTable
          poll={poll}
          views={views}
          locale={displayLocale}
          tallies={tallies}
          best={best}
          highlightId={me?.participantId ?? null}
          removeAction={mode === 'admin' ? removeAction : undefined}
        />
      )}

      {glance && isTimed && zone && (
        <ZoneGlanceTable
          zones={glance.zones}
          cells={glance.cells}
          worst={new Map(glance.worst)}
          views={viewsById}
          ranks={new Map(ranking.map((r) => [r.id, r.rank]))}
          locale={displayLocale}
        />
      )}

      {admin && (
        <EditPollPanel
          poll={poll}
          views={viewsById}
          action={admin.edit}
          csvUrl={admin.csvUrl}
          locale={displayLocale}
          controls={admin.controls}
        />
      )}

      <CommentsSection
        comments={poll.comments}
        zone={zone ?? poll.timeZone}
        locale={displayLocale}
        post={postComment}
        remove={admin?.removeComment}
      />
    </div>
  );
}
