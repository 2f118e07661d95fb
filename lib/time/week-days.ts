import { describeDate } from '@/lib/time/slot-display';
import { addDays, parseDate } from '@/lib/time/time-zone';

/** Monday of the ISO week holding `date` (floating dates); an unreadable date comes back as is. */
export function mondayOf(date: string): string {
  const ms = parseDate(date);
  if (ms === null) return date;
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** "Wed 28 Oct" (en-GB), "Wed Oct 28" (en-US): enough to tell the days of one week apart. */
export function shortDayLabel(date: string, locale: string): string {
  const d = describeDate(date, { locale });
  return `${d.weekday} ${d.dayMonth}`;
}
