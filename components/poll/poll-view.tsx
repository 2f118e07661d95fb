'use client';

import { useActionState, useEffect, useMemo, useState } from 'react';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { DateTime } from 'luxon';
import { ClockChangeNotices } from '@/components/ui/clock-change-notice';
import { CommentsSection } from '@/components/poll/comments-section';
import { CopyField } from '@/components/ui/copy-button';
import { ScheduleBanner } from '@/components/poll/schedule-banner';
import { clockChangeNotices } from '@/lib/time/clock-change-notice';
import type { ResultsHidden } from '@/lib/poll/privacy';
import { FieldError } from '@/components/ui/field-error';
import { HoursFields } from '@/components/poll/hours-fields';
import { RankingList, useExplanationText, type OptionOrder } from '@/components/poll/ranking-list';
import { ResultsTable } from '@/components/poll/results-table';
import { VoteIcon, VOTE_STYLE } from '@/components/ui/vote-mark';
import { ZonePicker } from '@/components/ui/zone-picker';
import type { GlanceCell } from '@/lib/fairness/zone-glance';
import type { RankedOptionView } from '@/lib/fairness/poll-ranking';
import { unpackPoll, type PackedPoll } from '@/lib/poll/packed-poll';
import { answersRefused, VOTE_VALUES, type PollRecord, type VoteValue } from '@/lib/poll/model';
import type { Failure } from '@/lib/poll/problems';
import {
  describeDate,
  describeTimedSlot,
  describeWallInterval,
  usesHour12,
  withHourCycle,
  zoneOffsetLabel,
} from '@/lib/time/slot-display';
import {
  DEFAULT_NEVER_WINDOW,
  DEFAULT_WORKING_HOURS,
  neverWindowConflicts,
} from '@/lib/fairness/never-window';
import type { DailyWindow } from '@/lib/fairness/model';
import { tallyOptions } from '@/lib/poll/tally';
import { placeName } from '@/lib/time/time-zone';
import { submitInPlace } from '@/components/ui/submit-in-place';

// The organiser's panels load with the admin page only: participants never download them.
const EditPollPanel = dynamic(() =>
  import('@/components/admin/edit-poll-panel').then((m) => m.EditPollPanel),
);
const FinalisePanel = dynamic(() =>
  import('@/components/admin/finalise-panel').then((m) => m.FinalisePanel),
);
const ZoneGlanceTable = dynamic(() =>
  import('@/components/admin/zone-glance').then((m) => m.ZoneGlanceTable),
);

export type VoteResult = { ok: true; editUrl: string | null; updated: boolean } | Failure;
type CommentResult = { ok: true } | Failure;
type EditResult = { ok: true } | Failure;

export interface OptionView {
  id: string;
  weekday: string;
  day: string;
  month: string;
  dateLabel: string;
  dayMonth: string;
  /** The viewer's local date of the start (the floating date for all-day options). */
  localDate: string;
  timeRange: string | null;
  organiserNote: string | null;
  crossesMidnight: boolean;
}

const ZONE_COOKIE = 'kairos_tz';
const YEAR_SECONDS = 365 * 24 * 3600;

function rememberZone(zone: string) {
  document.cookie = `${ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`;
}

function newSubmissionKey(): string {
  return crypto.randomUUID();
}

export function PollView({
  packed,
  ranking,
  mode,
  initialZone,
  locale,
  nowMs,
  me,
  submitAction,
  removeAction,
  glance,
  calendar,
  hidden = null,
  postComment,
  admin,
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
  };
  /** The organiser's view of every option at each involved place's clock. */
  glance?: { zones: { id: string; place: string }[]; cells: [string, GlanceCell[]][] };
  /** The server's fairness ranking, best first. */
  ranking: readonly RankedOptionView[];
  mode: 'participant' | 'admin';
  initialZone: string | null;
  locale: string;
  nowMs: number;
  me: { participantId: string; editToken: string } | null;
  submitAction?: (prev: VoteResult | null, data: FormData) => Promise<VoteResult>;
  removeAction?: (participantId: string) => Promise<Failure | null>;
}) {
  const t = useTranslations('poll');
  const tp = useTranslations('privacyNotice');
  const poll = useMemo(() => unpackPoll(packed), [packed]);
  const [zone, setZone] = useState<string | null>(initialZone);
  const [changingZone, setChangingZone] = useState(false);
  const [order, setOrder] = useState<OptionOrder>('ranked');
  const [hour12, setHour12] = useState<boolean | null>(null);
  const displayLocale = withHourCycle(locale, hour12);

  useEffect(() => {
    const saved = readSavedClock();
    // The viewer's clock choice lives in this browser only; it applies after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (saved !== null) setHour12(saved);
  }, []);

  useEffect(() => {
    if (initialZone) return;
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    // The browser's zone exists only on the client; SSR renders without times until now.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setZone(detected);
    rememberZone(detected);
  }, [initialZone]);

  const views: OptionView[] = useMemo(
    () =>
      poll.options.map((o) => {
        if (o.startsAt !== null && o.durationMinutes !== null) {
          const v = describeTimedSlot(
            o.startsAt,
            o.durationMinutes,
            zone ?? poll.timeZone,
            poll.timeZone,
            { locale: displayLocale },
          );
          return {
            id: o.id,
            weekday: v.weekday,
            day: v.day,
            month: v.month,
            dateLabel: v.dateLabel,
            dayMonth: v.dayMonth,
            localDate: v.localDate,
            timeRange: zone ? v.timeRange : null,
            organiserNote:
              zone && zone !== poll.timeZone
                ? t(v.organiser.otherDate ? 'organiserTimeOtherDate' : 'organiserTime', {
                    place: v.organiser.place,
                    time: v.organiser.timeRange,
                    date: v.organiser.dateLabel,
                  })
                : null,
            crossesMidnight: v.crossesMidnight,
          };
        }
        const d = describeDate(o.date ?? '', { locale: displayLocale });
        return { ...d, id: o.id, timeRange: null, organiserNote: null, crossesMidnight: false };
      }),
    [poll.options, poll.timeZone, zone, displayLocale, t],
  );
  const tallies = useMemo(
    () =>
      tallyOptions(
        poll.options.map((o) => o.id),
        poll.participants,
      ),
    [poll.options, poll.participants],
  );
  const viewsById = useMemo(() => new Map(views.map((v) => [v.id, v])), [views]);
  const top = ranking[0];
  const best = new Set(top && top.keys.canAttend > 0 ? [top.id] : []);
  const columns =
    order === 'ranked'
      ? ranking.map((r) => viewsById.get(r.id)).filter((v) => v !== undefined)
      : views;
  const mine = me ? poll.participants.find((p) => p.id === me.participantId) : undefined;
  const isTimed = poll.kind === 'timed';
  const explain = useExplanationText(displayLocale);
  const finalView =
    poll.status === 'scheduled' && poll.finalOptionId
      ? viewsById.get(poll.finalOptionId)
      : undefined;
  const refused = answersRefused(poll, nowMs);
  const clockNotices = useMemo(() => {
    const timed = poll.options.filter((o) => o.startsAt !== null && o.durationMinutes !== null);
    if (timed.length === 0) return [];
    const fromMs = Math.min(...timed.map((o) => o.startsAt as number));
    const toMs = Math.max(
      ...timed.map((o) => (o.startsAt as number) + (o.durationMinutes as number) * 60_000),
    );
    const zones = [
      zone ?? poll.timeZone,
      poll.timeZone,
      ...poll.guestZones,
      ...poll.participants.map((p) => p.timeZone),
    ];
    return clockChangeNotices({ zones, fromMs, toMs, referenceZone: zone ?? poll.timeZone });
  }, [poll.options, poll.timeZone, poll.guestZones, poll.participants, zone]);
  const utcHint = zone !== null && (zone === 'UTC' || zone === 'Etc/UTC');

  return (
    <div className="grid grid-cols-1 gap-6">
      {finalView && calendar && (
        <ScheduleBanner
          view={finalView}
          zoneLabel={zone && isTimed ? t('zoneName', { place: placeName(zone) }) : null}
          calendar={calendar}
        />
      )}
      {isTimed && (
        <section
          className="card flex flex-wrap items-center justify-between gap-3 px-5 py-4"
          aria-label={t('zoneBarLabel')}
        >
          <p>
            {zone ? (
              <>
                {t('timesIn')} <strong>{t('zoneName', { place: placeName(zone) })}</strong>{' '}
                <span className="text-muted">({zoneOffsetLabel(zone, nowMs)})</span>
              </>
            ) : (
              <span className="text-muted">{t('detectingZone')}</span>
            )}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <div
              className="inline-flex rounded-xl border border-line p-1"
              role="group"
              aria-label={t('clock')}
            >
              {([true, false] as const).map((twelve) => (
                <button
                  key={String(twelve)}
                  type="button"
                  aria-pressed={(hour12 ?? usesHour12(locale)) === twelve}
                  onClick={() => {
                    setHour12(twelve);
                    saveClock(twelve);
                  }}
                  className={`rounded-lg px-2.5 py-1 text-sm font-semibold ${(hour12 ?? usesHour12(locale)) === twelve ? 'bg-accent text-accent-ink' : 'text-muted'}`}
                >
                  {twelve ? t('clock12') : t('clock24')}
                </button>
              ))}
            </div>
            <button
              type="button"
              className="btn"
              aria-expanded={changingZone}
              onClick={() => setChangingZone((v) => !v)}
            >
              {t('changeZone')}
            </button>
          </div>
          {utcHint && (
            <p role="status" className="w-full rounded-lg bg-warn-soft px-3 py-2 text-sm">
              {t('utcHint')}
            </p>
          )}
          {changingZone && zone && (
            <div className="w-full">
              <ZonePicker
                label={t('zonePickerLabel')}
                value={zone}
                nowMs={nowMs}
                onChange={(z) => {
                  setZone(z);
                  rememberZone(z);
                }}
              />
            </div>
          )}
        </section>
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

      {mode === 'participant' && !refused && submitAction && (
        <VoteForm
          poll={poll}
          views={views}
          tallies={tallies}
          zone={zone}
          me={me}
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
          locale={displayLocale}
          action={submitAction}
        />
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

      {glance && isTimed && zone && (
        <ZoneGlanceTable
          zones={glance.zones}
          cells={glance.cells}
          views={viewsById}
          locale={displayLocale}
        />
      )}

      {poll.participants.length > 0 && !hidden && (
        <RankingList
          poll={poll}
          ranking={ranking}
          views={viewsById}
          order={order}
          onOrderChange={setOrder}
          locale={displayLocale}
        />
      )}

      {admin && (
        <FinalisePanel
          ranking={ranking}
          views={viewsById}
          status={poll.status}
          finalOptionId={poll.finalOptionId}
          schedule={admin.schedule}
          explain={(r) => explain(r.explanation)}
        />
      )}

      {(!hidden || poll.participants.length > 0) && (
        <ResultsTable
          poll={poll}
          views={columns}
          tallies={tallies}
          best={best}
          highlightId={me?.participantId ?? null}
          removeAction={mode === 'admin' ? removeAction : undefined}
        />
      )}

      {admin && (
        <EditPollPanel
          poll={poll}
          views={viewsById}
          action={admin.edit}
          csvUrl={admin.csvUrl}
          locale={displayLocale}
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

function DeadlineNotice({
  deadline,
  zone,
  locale,
  nowMs,
}: {
  deadline: number;
  zone: string;
  locale: string;
  nowMs: number;
}) {
  const t = useTranslations('deadline');
  const when = DateTime.fromMillis(deadline, { zone, locale });
  const date = when.toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY);
  return (
    <p role="status" className="card px-5 py-3 text-sm font-medium">
      {deadline > nowMs
        ? t('closesAt', {
            date,
            relative: when.toRelative({ base: DateTime.fromMillis(nowMs) }) ?? '',
          })
        : t('closed', { date })}
    </p>
  );
}

function VoteForm({
  poll,
  views,
  tallies,
  zone,
  me,
  initialName,
  initialVotes,
  initialHours,
  initialOverrides,
  locale,
  action,
}: {
  poll: PollRecord;
  views: OptionView[];
  tallies: ReturnType<typeof tallyOptions>;
  zone: string | null;
  me: { participantId: string; editToken: string } | null;
  initialName: string;
  initialVotes: Record<string, VoteValue>;
  initialHours: { workingHours: DailyWindow; neverWindow: DailyWindow | null } | null;
  initialOverrides: string[];
  locale: string;
  action: (prev: VoteResult | null, data: FormData) => Promise<VoteResult>;
}) {
  const t = useTranslations('poll');
  const [state, formAction, pending] = useActionState(action, null);
  const [name, setName] = useState(initialName);
  const [votes, setVotes] = useState<Record<string, VoteValue>>(initialVotes);
  const [submissionKey] = useState(newSubmissionKey);
  const [workingHours, setWorkingHours] = useState<DailyWindow>(
    initialHours?.workingHours ?? DEFAULT_WORKING_HOURS,
  );
  const [neverWindow, setNeverWindow] = useState<DailyWindow | null>(
    initialHours ? initialHours.neverWindow : DEFAULT_NEVER_WINDOW,
  );
  const [lastNever, setLastNever] = useState<DailyWindow>(
    initialHours?.neverWindow ?? DEFAULT_NEVER_WINDOW,
  );
  const [overrides, setOverrides] = useState<Set<string>>(new Set(initialOverrides));

  useEffect(() => {
    if (initialHours) return;
    const saved = readSavedHours();
    if (!saved) return;
    // localStorage exists only in the browser: the saved hours arrive after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setWorkingHours(saved.workingHours);
    setNeverWindow(saved.neverWindow);
    if (saved.neverWindow) setLastNever(saved.neverWindow);
  }, [initialHours]);

  function changeHours(next: { workingHours: DailyWindow; neverWindow: DailyWindow | null }) {
    setWorkingHours(next.workingHours);
    setNeverWindow(next.neverWindow);
    if (next.neverWindow) setLastNever(next.neverWindow);
    saveHours(next);
  }

  const conflicts = useMemo(
    () =>
      zone
        ? neverWindowConflicts(poll.options, zone, neverWindow)
        : new Map<string, { localStart: string; localEnd: string }>(),
    [poll.options, zone, neverWindow],
  );
  const errors = state && !state.ok ? state.fieldErrors : {};
  // Translated once, not three times per option.
  const voteLabels = { yes: t('votes.yes'), ifneedbe: t('votes.ifneedbe'), no: t('votes.no') };
  const unanswered = views.filter((v) => !votes[v.id]).length;

  const payload = JSON.stringify({
    pollId: poll.id,
    name,
    timeZone: zone ?? '',
    votes,
    workingHours,
    neverWindow,
    overrideNever: [...overrides].filter((id) => conflicts.has(id) && votes[id] !== 'no'),
    submissionKey,
    ...(me ? { participantId: me.participantId, editToken: me.editToken } : {}),
  });

  return (
    <section className="card p-5 sm:p-6" aria-labelledby="answer-heading">
      <h2 id="answer-heading" className="text-lg font-semibold">
        {me ? t('editHeading') : t('answerHeading')}
      </h2>
      <p className="hint mt-1">{t('answerHint')}</p>
      <Legend />
      {state?.ok && (
        <div role="status" className="mt-4 grid gap-3 rounded-xl border border-yes bg-yes-soft p-4">
          <p className="font-semibold">{state.updated ? t('savedUpdate') : t('savedNew')}</p>
          {state.editUrl && (
            <>
              <CopyField id="edit-link" label={t('editLinkLabel')} value={state.editUrl} />
              <p className="text-sm">{t('editLinkHint')}</p>
            </>
          )}
        </div>
      )}
      {state && !state.ok && (
        <p
          role="alert"
          className="mt-4 rounded-xl border border-danger bg-no-soft px-4 py-3 text-sm font-semibold"
        >
          {state.message}
        </p>
      )}
      <form
        action={formAction}
        onSubmit={submitInPlace(formAction)}
        className="mt-4 grid gap-4"
        noValidate
      >
        <input type="hidden" name="payload" value={payload} />
        <div className="max-w-sm">
          <label htmlFor="participant-name" className="label">
            {t('yourName')}
          </label>
          <input
            id="participant-name"
            className="field"
            value={name}
            autoComplete="name"
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(errors.name)}
            aria-describedby="participant-name-error"
          />
          <FieldError id="participant-name-error" messages={errors.name} />
        </div>
        {poll.kind === 'timed' && (
          <HoursFields
            workingHours={workingHours}
            neverWindow={neverWindow}
            lastNever={lastNever}
            onWorkingHours={(w) => changeHours({ workingHours: w, neverWindow })}
            onNeverWindow={(w) => changeHours({ workingHours, neverWindow: w })}
          />
        )}
        <ul className="grid gap-2">
          {views.map((v) => {
            const tally = tallies.get(v.id);
            const conflict = conflicts.get(v.id);
            return (
              <li
                key={v.id}
                className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-3 rounded-xl border border-line p-3 sm:grid-cols-[auto_minmax(0,1fr)_auto]"
              >
                <div
                  className="grid w-14 shrink-0 place-items-center rounded-lg bg-raised py-1 text-center leading-tight"
                  aria-hidden="true"
                >
                  <span className="text-xs text-muted uppercase">{v.weekday}</span>
                  <span className="text-xl font-bold">{v.day}</span>
                  <span className="text-xs text-muted">{v.month}</span>
                </div>
                <div>
                  <OptionText view={v} />
                  {tally && (
                    <p className="hint mt-0.5">
                      {t('tally', { yes: tally.yes, ifneedbe: tally.ifneedbe })}
                    </p>
                  )}
                </div>
                <div
                  className="col-span-2 grid grid-cols-3 gap-1 rounded-xl bg-raised p-1 sm:col-span-1"
                  role="radiogroup"
                  aria-label={t('answerFor', {
                    option: [v.dateLabel, v.timeRange].filter(Boolean).join(' '),
                  })}
                >
                  {VOTE_VALUES.map((value) => (
                    <label
                      key={value}
                      className={`vote-choice ${votes[v.id] === value ? `${VOTE_STYLE[value]} ring-1 ring-current` : 'text-muted hover:bg-surface'}`}
                    >
                      <input
                        type="radio"
                        className="absolute inset-0 cursor-pointer opacity-0"
                        name={`vote-${v.id}`}
                        value={value}
                        checked={votes[v.id] === value}
                        onChange={() => setVotes((prev) => ({ ...prev, [v.id]: value }))}
                      />
                      <VoteIcon value={value} className="size-4 shrink-0" />
                      <span className="min-w-0 text-center leading-tight">{voteLabels[value]}</span>
                    </label>
                  ))}
                </div>
                {conflict && votes[v.id] && votes[v.id] !== 'no' && (
                  <NeverConflict
                    time={
                      describeWallInterval(conflict.localStart, conflict.localEnd, { locale })
                        .timeRange
                    }
                    checked={overrides.has(v.id)}
                    onChange={(checked) =>
                      setOverrides((prev) => {
                        const next = new Set(prev);
                        if (checked) next.add(v.id);
                        else next.delete(v.id);
                        return next;
                      })
                    }
                  />
                )}
              </li>
            );
          })}
        </ul>
        <FieldError
          id="votes-error"
          messages={[...(errors.votes ?? []), ...(errors.timeZone ?? []), ...(errors.form ?? [])]}
        />
        <div className="flex flex-wrap items-center justify-end gap-3">
          {unanswered > 0 && <p className="hint">{t('unanswered', { count: unanswered })}</p>}
          <button
            type="submit"
            className="btn btn-primary px-6"
            disabled={pending || zone === null}
          >
            {pending ? t('saving') : me ? t('saveChanges') : t('submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function NeverConflict({
  time,
  checked,
  onChange,
}: {
  time: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const t = useTranslations('poll');
  return (
    <div
      role="note"
      className="col-span-full flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-warn-soft px-3 py-2 text-sm"
    >
      <span>{t('neverConflict', { time })}</span>
      <label className="flex items-center gap-1.5 font-semibold">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        {t('countAnyway')}
      </label>
    </div>
  );
}

const CLOCK_KEY = 'kairos_clock';

function readSavedClock(): boolean | null {
  try {
    const saved = localStorage.getItem(CLOCK_KEY);
    return saved === '12' ? true : saved === '24' ? false : null;
  } catch {
    return null;
  }
}

function saveClock(hour12: boolean) {
  try {
    localStorage.setItem(CLOCK_KEY, hour12 ? '12' : '24');
  } catch {
    // Without storage the choice lasts for this page only.
  }
}

const HOURS_KEY = 'kairos_hours';

function readSavedHours(): { workingHours: DailyWindow; neverWindow: DailyWindow | null } | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(HOURS_KEY) ?? 'null') as unknown;
    return parsed && typeof parsed === 'object' && 'workingHours' in parsed
      ? (parsed as { workingHours: DailyWindow; neverWindow: DailyWindow | null })
      : null;
  } catch {
    return null;
  }
}

function saveHours(hours: { workingHours: DailyWindow; neverWindow: DailyWindow | null }) {
  try {
    localStorage.setItem(HOURS_KEY, JSON.stringify(hours));
  } catch {
    // Private modes may refuse storage; the hours still go with this answer.
  }
}

function OptionText({ view }: { view: OptionView }) {
  const t = useTranslations('poll');
  return (
    <div>
      <p className="font-semibold">
        {view.timeRange ?? view.dateLabel}
        {view.crossesMidnight && (
          <span className="ml-2 inline-block rounded-full bg-warn-soft px-2 py-0.5 text-xs font-medium whitespace-nowrap">
            {t('crossesMidnight')}
          </span>
        )}
      </p>
      {view.timeRange && <p className="text-sm text-muted">{view.dateLabel}</p>}
      {view.organiserNote && <p className="text-sm text-muted">{view.organiserNote}</p>}
    </div>
  );
}

function Legend() {
  const t = useTranslations('poll');
  return (
    <ul className="mt-3 flex flex-wrap gap-3 text-sm" aria-label={t('legend')}>
      {VOTE_VALUES.map((value) => (
        <li key={value} className="flex items-center gap-1.5">
          <span className={`inline-grid size-6 place-items-center rounded-md ${VOTE_STYLE[value]}`}>
            <VoteIcon value={value} />
          </span>
          {t(`votes.${value}`)}
        </li>
      ))}
    </ul>
  );
}
