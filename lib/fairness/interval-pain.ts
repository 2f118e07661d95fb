import { timePain } from '@/lib/fairness/curve';
import { localise } from '@/lib/fairness/localise';
import type { DailyWindow } from '@/lib/fairness/model';
import { changesWithin, timelineOffset, type OffsetTimeline } from '@/lib/time/zone-timeline';

/**
 * The engine's time pain h (fairness.md §3.3: the peak of the curve over the local interval)
 * for many intervals at once, from the engine's own primitives (`localise`, `timePain`).
 *
 * Without a clock change inside it, an interval's h depends only on its local start minute,
 * its length and the working hours, so h is kept per local start minute. Intervals with a
 * clock change inside are localised one by one: a handful per zone a year.
 */

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const TABLE_CACHE_LIMIT = 256;

/** h by local start minute (0..1439) for one (working hours, duration). */
export type PainByMinute = (minute: number) => number;

const tables = new Map<string, PainByMinute>();

/** The h-by-start-minute look-up for working hours `hours` (the default curve when absent). */
export function painByStartMinute(
  hours: DailyWindow | undefined,
  durationMinutes: number,
): PainByMinute {
  const key = `${hours ? `${hours.start}-${hours.end}` : 'default'}|${durationMinutes}`;
  const known = tables.get(key);
  if (known) return known;
  const table = new Int16Array(1440).fill(-1);
  const lookup: PainByMinute = (minute) => {
    const cached = table[minute];
    if (cached === undefined) throw new RangeError(`not a minute of the day: ${minute}`);
    if (cached >= 0) return cached;
    const pain = timePain([[minute * MINUTE, (minute + durationMinutes) * MINUTE]], hours);
    table[minute] = pain;
    return pain;
  };
  // Working hours are typed in by people: bound the memo instead of letting it grow forever.
  if (tables.size >= TABLE_CACHE_LIMIT) tables.clear();
  tables.set(key, lookup);
  return lookup;
}

/**
 * h of [startMs, startMs + durationMinutes) for a place whose offsets are in `timeline`, with
 * working hours `hours`: a table look-up unless the clock changes inside.
 */
export function intervalPain(
  timeline: OffsetTimeline,
  hours: DailyWindow | undefined,
  startMs: number,
  durationMinutes: number,
  byMinute: PainByMinute = painByStartMinute(hours, durationMinutes),
): number {
  const startWall = startMs + timelineOffset(timeline, startMs) * MINUTE;
  const endMs = startMs + durationMinutes * MINUTE;
  if (startWall % MINUTE === 0 && !changesWithin(timeline, startMs, endMs)) {
    return byMinute((((startWall % DAY) + DAY) % DAY) / MINUTE);
  }
  const [view] = localise(timeline.zone, [{ startMs, endMs }]);
  return view ? timePain(view.segments, hours) : 0;
}
