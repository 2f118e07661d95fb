'use client';

import { useTranslations } from 'next-intl';
import { ClockChangeNotices } from '@/components/ui/clock-change-notice';
import { FieldError } from '@/components/ui/field-error';
import { MAX_GENERATED } from '@/lib/poll/option-generation';
import type { PollKind } from '@/lib/poll/model';
import type { ClockChangeNotice } from '@/lib/time/clock-change-notice';
import { describeDate } from '@/lib/time/slot-display';
import type { WallCheck } from '@/lib/time/wall-check';

/**
 * The options the poll will have, grouped by date, each removable; wall times that do not
 * exist or happen twice in the organiser's zone are marked, with the clock changes between.
 */
export function OptionPreview({
  kind,
  options,
  checks,
  removedCount,
  onToggle,
  onRestore,
  clockNotices,
  errors,
  locale,
}: {
  kind: PollKind;
  /** Wall times ("YYYY-MM-DDTHH:mm") for a timed poll, dates for an all-day one, sorted. */
  options: string[];
  checks: Map<string, WallCheck>;
  removedCount: number;
  onToggle: (option: string) => void;
  onRestore: () => void;
  clockNotices: ClockChangeNotice[];
  errors: string[] | undefined;
  locale: string;
}) {
  const t = useTranslations('create');
  const gaps = [...checks.values()].filter((c) => c.status === 'gap').length;
  const tooMany = options.length > MAX_GENERATED;
  const byDate = new Map<string, string[]>();
  for (const o of options) {
    const date = o.slice(0, 10);
    byDate.set(date, [...(byDate.get(date) ?? []), o]);
  }

  return (
    <div>
      <h3 className="label" id="preview-label">
        {t('preview', { count: options.length })}
      </h3>
      {options.length === 0 && removedCount === 0 ? (
        <p className="hint">{kind === 'timed' ? t('emptyTimed') : t('emptyAllDay')}</p>
      ) : (
        <ul className="grid gap-2" aria-labelledby="preview-label">
          {[...byDate.entries()].map(([date, list]) => (
            <li key={date} className="rounded-xl border border-line p-2">
              <p className="px-1 pb-1 text-sm font-semibold">
                {describeDate(date, { locale }).dateLabel}
              </p>
              <ul className="flex flex-wrap gap-2">
                {list.map((o) => {
                  const check = checks.get(o);
                  const label = kind === 'timed' ? o.slice(11) : t('wholeDay');
                  return (
                    <li
                      key={o}
                      className={`flex items-center gap-1 rounded-full border py-1 pr-1 pl-3 text-sm ${check?.status === 'gap' ? 'border-danger bg-no-soft' : 'border-line bg-raised'}`}
                    >
                      <span>{label}</span>
                      {check?.status === 'gap' && (
                        <span className="text-danger">{t('gapBadge')}</span>
                      )}
                      {check?.status === 'fold' && (
                        <span className="text-maybe">{t('foldBadge')}</span>
                      )}
                      <button
                        type="button"
                        className="grid size-6 place-items-center rounded-full hover:bg-line"
                        aria-label={t('removeOption', {
                          option:
                            `${describeDate(date, { locale }).dateLabel} ${kind === 'timed' ? label : ''}`.trim(),
                        })}
                        onClick={() => onToggle(o)}
                      >
                        ×
                      </button>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {[...checks.entries()]
        .filter(([, c]) => c.status === 'fold')
        .map(([wall, c]) =>
          c.status === 'fold' ? (
            <p key={wall} className="mt-2 rounded-lg bg-warn-soft px-3 py-2 text-sm">
              {t('foldNotice', {
                wall: wall.replace('T', ' '),
                used: c.used,
                other: c.other,
              })}
            </p>
          ) : null,
        )}
      <div className="mt-2">
        <ClockChangeNotices notices={clockNotices} locale={locale} />
      </div>
      {gaps > 0 && (
        <p className="error-text" role="alert">
          {t('gapNotice', { count: gaps })}
        </p>
      )}
      {tooMany && (
        <p className="error-text" role="alert">
          {t('tooMany', { max: MAX_GENERATED, count: options.length })}
        </p>
      )}
      {removedCount > 0 && (
        <button type="button" className="hint mt-2 underline" onClick={onRestore}>
          {t('restoreRemoved', { count: removedCount })}
        </button>
      )}
      <FieldError id="options-error" messages={errors} />
    </div>
  );
}
