'use client';

import { useActionState, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { VoteResult } from '@/components/poll/action-results';
import { AnswerList, type AnswerState, type EditableRow } from '@/components/poll/answer-choices';
import { HoursFields } from '@/components/poll/hours-fields';
import { useWideScreen } from '@/components/poll/use-wide-screen';
import { readSavedHours, saveHours, type SavedHours } from '@/components/poll/viewer-preferences';
import { CalendarFeed } from '@/components/poll/calendar-feed';
import { CopyField } from '@/components/ui/copy-button';
import { FieldError } from '@/components/ui/field-error';
import { submitInPlace } from '@/components/ui/submit-in-place';
import { NotCountedIcon, VoteIcon, VOTE_STYLE } from '@/components/ui/vote-mark';
import type { DailyWindow } from '@/lib/fairness/model';
import {
  DEFAULT_NEVER_WINDOW,
  DEFAULT_WORKING_HOURS,
  neverWindowConflicts,
} from '@/lib/fairness/never-window';
import { ANSWER_FIELDS } from '@/lib/poll/answer-form';
import { VOTE_VALUES, type PollRecord, type VoteValue } from '@/lib/poll/model';
import type { OptionView } from '@/lib/poll/option-view';
import type { OptionTally } from '@/lib/fairness/option-tally';
import { describeWallInterval } from '@/lib/time/slot-display';

function newSubmissionKey(): string {
  return crypto.randomUUID();
}

/**
 * A participant's answer: name, hours, one of three answers per option, and a confirmation
 * for each "yes" that falls in their never window. Everything goes as one JSON payload.
 */
export function VoteForm({
  poll,
  views,
  tallies,
  zone,
  me,
  feedUrl,
  initialName,
  initialVotes,
  initialHours,
  initialOverrides,
  locale,
  action,
  grid,
  mailEnabled = false,
}: {
  poll: PollRecord;
  views: OptionView[];
  tallies: Map<string, OptionTally>;
  zone: string | null;
  me: { participantId: string; editToken: string } | null;
  feedUrl: string | null;
  initialName: string;
  initialVotes: Record<string, VoteValue>;
  initialHours: SavedHours | null;
  initialOverrides: string[];
  locale: string;
  action: (prev: VoteResult | null, data: FormData) => Promise<VoteResult>;
  /** The results grid with the viewer's editable row, for wide screens; phones use the list. */
  grid?: (mine: EditableRow) => ReactNode;
  mailEnabled?: boolean;
}) {
  const t = useTranslations('poll');
  const [state, formAction, pending] = useActionState(action, null);
  const wide = useWideScreen();
  const [name, setName] = useState(initialName);
  const [email, setEmail] = useState('');
  const [votes, setVotes] = useState<Record<string, VoteValue>>(initialVotes);
  // Made in the browser after hydration, never on the server: the server's page is kept and
  // sent to every viewer alike (app/page-cache.ts), and two people must not share a key, or
  // the second answer would be taken for a retry of the first. A post without JavaScript
  // carries none.
  const [submissionKey, setSubmissionKey] = useState<string | null>(null);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSubmissionKey(newSubmissionKey());
  }, []);
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

  function changeHours(next: SavedHours) {
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
  const answers: AnswerState = {
    votes,
    labels: voteLabels,
    setVote: (id, value) => setVotes((prev) => ({ ...prev, [id]: value })),
  };
  const conflicted = views.flatMap((v) => {
    const conflict = conflicts.get(v.id);
    return conflict && votes[v.id] && votes[v.id] !== 'no' ? [[v, conflict] as const] : [];
  });

  const payload = JSON.stringify({
    pollId: poll.id,
    name,
    timeZone: zone ?? '',
    votes,
    workingHours,
    neverWindow,
    overrideNever: [...overrides].filter((id) => conflicts.has(id) && votes[id] !== 'no'),
    ...(submissionKey ? { submissionKey } : {}),
    ...(mailEnabled && email ? { email } : {}),
    ...(me ? { participantId: me.participantId, editToken: me.editToken } : {}),
  });

  return (
    <section className="card p-4 sm:p-6" aria-labelledby="answer-heading">
      <h2 id="answer-heading" className="text-lg font-semibold">
        {me ? t('editHeading') : t('answerHeading')}
      </h2>
      <p className="hint mt-1">{t('answerHint')}</p>
      {state?.ok && (
        <div role="status" className="mt-4 grid gap-3 rounded-xl border border-yes bg-yes-soft p-4">
          <p className="font-semibold">{state.updated ? t('savedUpdate') : t('savedNew')}</p>
          {state.editUrl && (
            <>
              <CopyField id="edit-link" label={t('editLinkLabel')} value={state.editUrl} />
              <p className="text-sm">{t('editLinkHint')}</p>
            </>
          )}
          {state.feedUrl && <CalendarFeed url={state.feedUrl} />}
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
        className="mt-4 grid min-w-0 grid-cols-1 gap-4"
        noValidate
      >
        <input type="hidden" name="payload" value={payload} />
        <input type="hidden" name={ANSWER_FIELDS.timeZone} value={zone ?? ''} />
        {/* Until hydration (and so always without JavaScript): the action then reads the fields. */}
        {wide === null && <input type="hidden" name={ANSWER_FIELDS.unscripted} value="1" />}
        <div className="grid items-start gap-4 min-[900px]:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
          <div>
            <label htmlFor="participant-name" className="label">
              {t('yourName')}
            </label>
            <input
              id="participant-name"
              name={ANSWER_FIELDS.name}
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
        </div>
        {mailEnabled && (
          <div className="max-w-sm">
            <label htmlFor="participant-email" className="label">
              {t('email.label')}
            </label>
            <input
              id="participant-email"
              type="email"
              className="field"
              value={email}
              autoComplete="email"
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={Boolean(errors.email)}
              aria-describedby="participant-email-hint participant-email-error"
            />
            <p id="participant-email-hint" className="mt-1 text-sm text-muted">
              {t('email.hint')}
            </p>
            <FieldError id="participant-email-error" messages={errors.email} />
          </div>
        )}
        <Legend notCounted={[...tallies.values()].some((x) => x.notCounted.length > 0)} />
        {(!grid || wide !== true) && (
          <AnswerList
            views={views}
            tallies={tallies}
            answers={answers}
            grouped={poll.kind === 'timed'}
            className={grid ? 'answer-list min-[900px]:hidden' : ''}
          />
        )}
        {grid?.({ ...answers, name, editable: wide !== false })}
        {conflicted.length > 0 && (
          <ul className="grid gap-2">
            {conflicted.map(([v, conflict]) => (
              <li key={v.id}>
                <NeverConflict
                  day={`${v.weekday} ${v.dayMonth}`}
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
              </li>
            ))}
          </ul>
        )}
        <FieldError
          id="votes-error"
          messages={[...(errors.votes ?? []), ...(errors.timeZone ?? []), ...(errors.form ?? [])]}
        />
        <div className="submit-bar flex flex-wrap items-center justify-end gap-3">
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
      {/* A returning participant's feed, below the form they came back to change. */}
      {!(state?.ok && state.feedUrl) && feedUrl && (
        <CalendarFeed url={feedUrl} className="mt-6 rounded-xl border border-line p-4" />
      )}
    </section>
  );
}

function NeverConflict({
  day,
  time,
  checked,
  onChange,
}: {
  day: string;
  time: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const t = useTranslations('poll');
  return (
    <div
      role="note"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-warn-soft px-3 py-2 text-sm"
    >
      <span>
        <strong>{day}</strong> {t('neverConflict', { time })}
      </span>
      <label className="flex items-center gap-1.5 font-semibold">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        {t('countAnyway')}
      </label>
    </div>
  );
}

/** The three answers, and the ⊘ of an answer that does not count when the grid shows one. */
function Legend({ notCounted }: { notCounted: boolean }) {
  const t = useTranslations('poll');
  const tr = useTranslations('results');
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
      {notCounted && (
        <li className="flex items-center gap-1.5">
          <span className="inline-grid size-6 shrink-0 place-items-center rounded-md border border-dashed border-line">
            <NotCountedIcon />
          </span>
          {tr('notCountedLegend')}
        </li>
      )}
    </ul>
  );
}
