import { DateTime } from 'luxon';
import { formatLocal } from '@/lib/time/slot-display';

/** "2026-10" moved by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const dt = DateTime.fromISO(`${month}-01`, { zone: 'utc' }).plus({ months: delta });
  return dt.toFormat('yyyy-MM');
}

/**
 * The cells of one month for a date picker, weeks starting on Monday. Floating dates: the
 * zone is irrelevant, so everything is computed in UTC.
 */
export function monthGrid(month: string, locale: string) {
  const first = DateTime.fromISO(`${month}-01`, { zone: 'utc', locale });
  const lead = first.weekday - 1;
  const days: ({ date: string; day: number; label: string } | null)[] = Array.from(
    { length: lead },
    () => null,
  );
  for (let d = 0; d < (first.daysInMonth ?? 30); d++) {
    const dt = first.plus({ days: d });
    days.push({
      date: dt.toISODate() ?? '',
      day: dt.day,
      label: formatLocal(dt, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    });
  }
  const monday = DateTime.fromISO('2024-01-01', { zone: 'utc', locale });
  return {
    title: formatLocal(first, { month: 'long', year: 'numeric' }),
    weekdays: Array.from({ length: 7 }, (_, i) => ({
      key: i,
      label: formatLocal(monday.plus({ days: i }), { weekday: 'short' }),
    })),
    days,
  };
}
