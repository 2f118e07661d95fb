'use client';

import { useTranslations } from 'next-intl';
import { useExplanationText } from '@/components/ui/use-explanation-text';
import { explanationView } from '@/lib/fairness/poll-ranking';
import type { SuggestedSlot } from '@/lib/finder/weekly-suggestions';
import { shortDayLabel } from '@/lib/time/week-days';

/** The finder's fairest times of the week, each with its reason and a button to add it. */
export function SuggestionList({
  suggestions,
  selected,
  onSet,
  locale,
}: {
  suggestions: SuggestedSlot[];
  selected: ReadonlySet<string>;
  onSet: (wall: string, on: boolean) => void;
  locale: string;
}) {
  const t = useTranslations('finder');
  const explain = useExplanationText(locale);
  return (
    <div className="rounded-lg bg-raised p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="font-semibold">{t('suggestions')}</h4>
        <button
          type="button"
          className="btn px-3 py-1 text-sm"
          onClick={() => suggestions.forEach((s) => onSet(`${s.date}T${s.wall}`, true))}
        >
          {t('addAll')}
        </button>
      </div>
      <ol className="mt-2 grid gap-2">
        {suggestions.map((s) => (
          <li key={s.startMs} className="flex flex-wrap items-start justify-between gap-2 text-sm">
            <span>
              <span className="font-semibold">
                {shortDayLabel(s.date, locale)} {s.wall}
              </span>{' '}
              <span className="text-muted">{explain(explanationView(s.explanation))}</span>
            </span>
            <button
              type="button"
              className="btn px-3 py-1 text-sm"
              aria-pressed={selected.has(`${s.date}T${s.wall}`)}
              onClick={() => onSet(`${s.date}T${s.wall}`, !selected.has(`${s.date}T${s.wall}`))}
            >
              {selected.has(`${s.date}T${s.wall}`) ? t('addedShort') : t('add')}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
