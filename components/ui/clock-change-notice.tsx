'use client';

import { useTranslations } from 'next-intl';
import { lineWording, type ClockChangeNotice } from '@/lib/time/clock-change-notice';
import { describeDate } from '@/lib/time/slot-display';

/**
 * "From 29 Mar, Rome is 6 h ahead of New York, instead of 5": the weeks when clocks are out
 * of step, computed from the IANA rules for the poll's own dates.
 */
export function ClockChangeNotices({
  notices,
  locale,
}: {
  notices: ClockChangeNotice[];
  locale: string;
}) {
  const t = useTranslations('dst');
  if (notices.length === 0) return null;
  const duration = (minutes: number) => {
    const abs = Math.abs(minutes);
    const h = Math.floor(abs / 60);
    const m = abs % 60;
    return h === 0
      ? t('minutes', { m })
      : m === 0
        ? t('hours', { h })
        : t('hoursMinutes', { h, m });
  };
  return (
    <section
      role="note"
      aria-labelledby="dst-heading"
      className="rounded-xl border border-maybe bg-warn-soft px-4 py-3 text-sm"
    >
      <h2 id="dst-heading" className="font-semibold">
        {t('heading')}
      </h2>
      <ul className="mt-1 grid gap-1">
        {notices.flatMap((notice) =>
          notice.lines.map((line) => {
            const { key, was } = lineWording(line);
            const values = {
              date: describeDate(line.date, { locale }).dayMonth,
              places: line.places.join(', '),
              count: line.places.length,
              reference: line.reference.place,
              after: duration(line.afterMinutes),
              before: duration(line.beforeMinutes),
              was,
            };
            return <li key={`${line.atMs}-${line.zones.join()}`}>{t(key, values)}</li>;
          }),
        )}
      </ul>
    </section>
  );
}
