'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { OptionView } from '@/lib/poll/option-view';
import type { RankedOptionView } from '@/lib/fairness/poll-ranking';
import type { PollStatus } from '@/lib/poll/model';
import type { Failure } from '@/lib/poll/problems';
import { useFailableAction } from '@/components/ui/use-failable-action';

/** The organiser picks the time to hold; the fairest option is pre-selected with its reason. */
export function FinalisePanel({
  ranking,
  views,
  status,
  finalOptionId,
  schedule,
  explain,
}: {
  ranking: readonly RankedOptionView[];
  views: Map<string, OptionView>;
  status: PollStatus;
  finalOptionId: string | null;
  schedule: (optionId: string | null) => Promise<Failure | null>;
  explain: (ranked: RankedOptionView) => string;
}) {
  const t = useTranslations('finalise');
  const [choice, setChoice] = useState(finalOptionId ?? ranking[0]?.id ?? '');
  const { pending, error, run: runAction } = useFailableAction();
  const label = (id: string) => {
    const v = views.get(id);
    return v ? [v.dateLabel, v.timeRange].filter(Boolean).join(' ') : '';
  };
  const run = (optionId: string | null) => runAction(() => schedule(optionId));

  return (
    <section className="card p-5 sm:p-6" aria-labelledby="finalise-heading">
      <h2 id="finalise-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      {status === 'scheduled' && finalOptionId ? (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <p role="status" className="grow font-medium">
            {t('current', { time: label(finalOptionId) })}
          </p>
          <button type="button" className="btn" disabled={pending} onClick={() => run(null)}>
            {t('reopen')}
          </button>
        </div>
      ) : (
        <form
          className="mt-2 grid gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) run(choice);
          }}
        >
          <p className="hint">{t('hint')}</p>
          <fieldset className="grid gap-2">
            <legend className="sr-only">{t('option')}</legend>
            {ranking.map((r) => (
              <label
                key={r.id}
                className={`flex cursor-pointer gap-3 rounded-xl border p-3 has-[:checked]:border-accent has-[:checked]:bg-accent-soft ${r.rank === 1 ? 'border-accent' : 'border-line'}`}
              >
                <input
                  type="radio"
                  name="final-option"
                  value={r.id}
                  checked={choice === r.id}
                  onChange={() => setChoice(r.id)}
                  className="mt-1"
                />
                <span>
                  <span className="block font-semibold">{label(r.id)}</span>
                  <span className="block text-sm text-muted">{explain(r)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="flex justify-end">
            <button type="submit" className="btn btn-primary" disabled={pending || !choice}>
              {t('submit')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </section>
  );
}
