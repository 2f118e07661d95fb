import { DateTime } from 'luxon';
import type { PollRecord } from '@/lib/poll/model';

/**
 * Whether every option is over at `now`: a timed option once it has ended, an all-day
 * option once its date is over in the poll's zone (the floating date the organiser meant).
 * A poll without options is not "past": there is nothing to have missed.
 */
export function everyOptionPast(
  poll: Pick<PollRecord, 'options' | 'timeZone'>,
  nowMs: number,
): boolean {
  if (poll.options.length === 0) return false;
  const today = DateTime.fromMillis(nowMs, { zone: poll.timeZone }).toISODate();
  return poll.options.every((o) =>
    o.startsAt !== null && o.durationMinutes !== null
      ? o.startsAt + o.durationMinutes * 60_000 <= nowMs
      : o.date !== null && today !== null && o.date < today,
  );
}
