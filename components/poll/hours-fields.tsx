'use client';

import { useId } from 'react';
import { useTranslations } from 'next-intl';
import type { DailyWindow } from '@/lib/fairness/model';

/** "Working hours" and "never" windows, local to the participant's own zone. */
export function HoursFields({
  workingHours,
  neverWindow,
  onWorkingHours,
  onNeverWindow,
  lastNever,
}: {
  workingHours: DailyWindow;
  neverWindow: DailyWindow | null;
  onWorkingHours: (w: DailyWindow) => void;
  onNeverWindow: (w: DailyWindow | null) => void;
  lastNever: DailyWindow;
}) {
  const t = useTranslations('poll.hours');
  const id = useId();
  const summary = neverWindow
    ? t('summary', {
        working: t('range', { ...workingHours }),
        never: t('range', { ...neverWindow }),
      })
    : t('summaryNoLimit', { working: t('range', { ...workingHours }) });
  return (
    <details className="rounded-xl border border-line p-3">
      <summary className="cursor-pointer font-semibold">
        {t('heading')} <span className="font-normal text-muted">· {summary}</span>
      </summary>
      <p className="hint mt-2">{t('hint')}</p>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <fieldset>
          <legend className="label">{t('working')}</legend>
          <TimePair id={`${id}-work`} value={workingHours} onChange={onWorkingHours} />
        </fieldset>
        <fieldset>
          <legend className="label">{t('never')}</legend>
          <TimePair
            id={`${id}-never`}
            value={neverWindow ?? lastNever}
            onChange={onNeverWindow}
            disabled={neverWindow === null}
          />
          <label className="mt-2 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={neverWindow === null}
              onChange={(e) => onNeverWindow(e.target.checked ? null : lastNever)}
            />
            {t('noLimit')}
          </label>
        </fieldset>
      </div>
    </details>
  );
}

function TimePair({
  id,
  value,
  onChange,
  disabled = false,
}: {
  id: string;
  value: DailyWindow;
  onChange: (w: DailyWindow) => void;
  disabled?: boolean;
}) {
  const t = useTranslations('poll.hours');
  const set = (key: 'start' | 'end', time: string) => {
    if (/^\d{2}:\d{2}$/.test(time)) onChange({ ...value, [key]: time as DailyWindow['start'] });
  };
  return (
    <div className="flex items-center gap-2">
      <label className="sr-only" htmlFor={`${id}-start`}>
        {t('from')}
      </label>
      <input
        id={`${id}-start`}
        type="time"
        className="field"
        value={value.start}
        disabled={disabled}
        onChange={(e) => set('start', e.target.value)}
      />
      <span aria-hidden="true">–</span>
      <label className="sr-only" htmlFor={`${id}-end`}>
        {t('to')}
      </label>
      <input
        id={`${id}-end`}
        type="time"
        className="field"
        value={value.end}
        disabled={disabled}
        onChange={(e) => set('end', e.target.value)}
      />
    </div>
  );
}
