'use client';

import { useTranslations } from 'next-intl';
import { isTimeOfDay } from '@/lib/poll/option-generation';

/**
 * The start times every chosen date gets, each removable, with a field to add one. The draft
 * belongs to the form, so it survives a switch to all-day options and back.
 */
export function StartTimesField({
  times,
  onChange,
  timeDraft,
  onTimeDraft,
}: {
  times: string[];
  onChange: (times: string[]) => void;
  timeDraft: string;
  onTimeDraft: (draft: string) => void;
}) {
  const t = useTranslations('create');

  function addTime() {
    if (isTimeOfDay(timeDraft) && !times.includes(timeDraft))
      onChange([...times, timeDraft].sort());
  }

  return (
    <div>
      <p className="label" id="times-label">
        {t('startTimes')}
      </p>
      <p className="hint mb-2">{t('startTimesHint')}</p>
      <ul className="mb-2 flex flex-wrap gap-2" aria-labelledby="times-label">
        {times.map((time) => (
          <li
            key={time}
            className="flex items-center gap-1 rounded-full border border-line bg-raised py-1 pr-1 pl-3 text-sm"
          >
            {time}
            <button
              type="button"
              className="grid size-6 place-items-center rounded-full hover:bg-line"
              aria-label={t('removeTime', { time })}
              onClick={() => onChange(times.filter((x) => x !== time))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="flex items-end gap-2">
        <div className="grow">
          <label className="label" htmlFor="time-draft">
            {t('addTime')}
          </label>
          <input
            id="time-draft"
            type="time"
            className="field"
            value={timeDraft}
            onChange={(e) => onTimeDraft(e.target.value)}
          />
        </div>
        <button type="button" className="btn" onClick={addTime}>
          {t('addTimeButton')}
        </button>
      </div>
    </div>
  );
}
