'use client';

import { useMemo, useState } from 'react';
import { useTranslations } from 'next-intl';
import { monthGrid, shiftMonth } from '@/lib/time/month-grid';

/**
 * A month grid where each day is a toggle button: several dates can be picked, by mouse
 * or keyboard (Tab to a day, Enter/Space toggles).
 */
export function MonthCalendar({
  selected,
  onToggle,
  today,
  locale,
}: {
  selected: ReadonlySet<string>;
  onToggle: (date: string) => void;
  today: string;
  locale: string;
}) {
  const t = useTranslations('calendar');
  const [month, setMonth] = useState(today.slice(0, 7));
  const grid = useMemo(() => monthGrid(month, locale), [month, locale]);

  return (
    <div className="rounded-xl border border-line p-3" role="group" aria-label={t('label')}>
      <div className="mb-2 flex items-center justify-between">
        <button
          type="button"
          className="btn px-3 py-1"
          onClick={() => setMonth(shiftMonth(month, -1))}
          aria-label={t('previous')}
        >
          ‹
        </button>
        <p className="font-semibold" aria-live="polite">
          {grid.title}
        </p>
        <button
          type="button"
          className="btn px-3 py-1"
          onClick={() => setMonth(shiftMonth(month, 1))}
          aria-label={t('next')}
        >
          ›
        </button>
      </div>
      <div className="grid grid-cols-7 gap-1 text-center text-xs text-muted" aria-hidden="true">
        {grid.weekdays.map((d) => (
          <span key={d.key}>{d.label}</span>
        ))}
      </div>
      <div className="mt-1 grid grid-cols-7 gap-1">
        {grid.days.map((day, index) =>
          day === null ? (
            <span key={`lead-${index}`} />
          ) : (
            <button
              key={day.date}
              type="button"
              aria-pressed={selected.has(day.date)}
              aria-label={day.label}
              onClick={() => onToggle(day.date)}
              className={[
                'aspect-square rounded-lg text-sm font-medium',
                selected.has(day.date)
                  ? 'bg-accent text-accent-ink'
                  : day.date < today
                    ? 'text-muted hover:bg-raised'
                    : 'hover:bg-raised',
                day.date === today ? 'ring-1 ring-accent' : '',
              ].join(' ')}
            >
              {day.day}
            </button>
          ),
        )}
      </div>
    </div>
  );
}
