'use client';

import { useTranslations } from 'next-intl';
import type { OptionView } from '@/lib/poll/option-view';

/** The chosen time, large, in the viewer's own zone, with ways to put it in a calendar. */
export function ScheduleBanner({
  view,
  zoneLabel,
  calendar,
}: {
  view: OptionView;
  zoneLabel: string | null;
  calendar: { ics: string; google: string; outlook: string };
}) {
  const t = useTranslations('schedule');
  return (
    <section
      className="card border-accent bg-accent-soft p-5 sm:p-7"
      aria-labelledby="scheduled-heading"
    >
      <p
        id="scheduled-heading"
        className="text-sm font-semibold tracking-wide text-accent uppercase"
      >
        ★ {t('scheduledFor')}
      </p>
      <p className="mt-2 text-2xl font-bold sm:text-3xl">{view.dateLabel}</p>
      {view.timeRange && (
        <p className="text-xl font-semibold sm:text-2xl">
          {view.timeRange}
          {zoneLabel && <span className="ml-2 text-base font-normal text-muted">{zoneLabel}</span>}
        </p>
      )}
      {view.organiserNote && <p className="mt-1 text-muted">{view.organiserNote}</p>}
      <p className="hint mt-2">{t('answersStopped')}</p>
      <div
        className="mt-4 flex flex-wrap items-center gap-2"
        role="group"
        aria-label={t('addToCalendar')}
      >
        <a className="btn btn-primary" href={calendar.ics} download>
          {t('downloadIcs')}
        </a>
        <a className="btn" href={calendar.google} target="_blank" rel="noopener noreferrer">
          {t('google')}
        </a>
        <a className="btn" href={calendar.outlook} target="_blank" rel="noopener noreferrer">
          {t('outlook')}
        </a>
      </div>
    </section>
  );
}
