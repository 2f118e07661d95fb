'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { OptionView } from '@/lib/poll/option-view';
import type { RankedOptionView } from '@/lib/fairness/poll-ranking';
import type { PollStatus } from '@/lib/poll/model';
import type { Failure } from '@/lib/poll/problems';
import { useFailableAction } from '@/components/ui/use-failable-action';

type Schedule = (optionId: string | null) => Promise<Failure | null>;

/**
 * "Schedule this one" on a ranked option. Its accessible name carries the option, since three
 * of them stand on the page at once.
 */
export function ScheduleThis({
  optionId,
  label,
  schedule,
}: {
  optionId: string;
  label: string;
  schedule: Schedule;
}) {
  const t = useTranslations('finalise');
  const { pending, error, run } = useFailableAction();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="btn btn-primary"
        disabled={pending}
        aria-label={t('scheduleThisLabel', { time: label })}
        onClick={() => run(() => schedule(optionId))}
      >
        {t('scheduleThis')}
      </button>
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </span>
  );
}

/**
 * Under the best options: any other option by a compact select, or, once scheduled, the time
 * held and the way back to answering.
 */
export function FinalisePanel({
  ranking,
  views,
  status,
  finalOptionId,
  schedule,
}: {
  ranking: readonly RankedOptionView[];
  /** The options by date, as the select lists them. */
  views: OptionView[];
  status: PollStatus;
  finalOptionId: string | null;
  schedule: Schedule;
}) {
  const t = useTranslations('finalise');
  const tr = useTranslations('ranking');
  const rankOf = new Map(ranking.map((r) => [r.id, r]));
  const [choice, setChoice] = useState(finalOptionId ?? ranking[0]?.id ?? views[0]?.id ?? '');
  const { pending, error, run: runAction } = useFailableAction();
  const label = (v: OptionView) => [v.dateLabel, v.timeRange].filter(Boolean).join(' ');
  const run = (optionId: string | null) => runAction(() => schedule(optionId));
  const final = views.find((v) => v.id === finalOptionId);

  return (
    <div className="min-w-0 grow basis-96">
      {status === 'scheduled' && final ? (
        <div className="flex flex-wrap items-center gap-3">
          <p role="status" className="grow font-medium">
            {t('current', { time: label(final) })}
          </p>
          <button type="button" className="btn" disabled={pending} onClick={() => run(null)}>
            {t('reopen')}
          </button>
        </div>
      ) : (
        <form
          className="flex flex-wrap items-end justify-end gap-x-3 gap-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) run(choice);
          }}
        >
          <label className="min-w-0 grow basis-64">
            <span className="label">{t('option')}</span>
            <select className="field" value={choice} onChange={(e) => setChoice(e.target.value)}>
              {views.map((v) => {
                const ranked = rankOf.get(v.id);
                return (
                  <option key={v.id} value={v.id}>
                    {ranked === undefined
                      ? label(v)
                      : `${label(v)} · ${tr('rank', { rank: ranked.rank })} · ${t('canAttend', {
                          canAttend: ranked.tally.canAttend,
                          participants: ranked.tally.participants,
                        })}`}
                  </option>
                );
              })}
            </select>
          </label>
          <button type="submit" className="btn" disabled={pending || !choice}>
            {t('submit')}
          </button>
          <p className="hint w-full text-right">{t('hint')}</p>
        </form>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
