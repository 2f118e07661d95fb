import { rankOptions } from '@/lib/fairness/rank';
import type { DailyWindow, Slot } from '@/lib/fairness/model';
import { formatWall } from '@/lib/time/time-zone';
import { changesWithin, timelineOffset, type OffsetTimeline } from '@/lib/time/zone-timeline';

/**
 * The engine's time pain h (fairness.md §3.3: the peak of the curve over the local interval)
 * for many intervals at once, without re-implementing the curve. Every number here comes out
 * of `rankOptions`: for a lone participant who votes yes, K4 (total pain) is exactly h.
 *
 * Without a clock change inside it, an interval's h depends only on its local start minute,
 * its length and the working hours, so the engine's answers are kept per local start minute.
 * Intervals with a clock change inside go to the engine one by one: a handful per zone a year.
 */

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
/** Any day serves, since the table is computed in UTC; this one keeps the ids readable. */
const TABLE_DAY = Date.UTC(2001, 0, 1);
/**
 * Start minutes filled together. Nearly every offset and every heatmap step is a multiple of
 * 15 minutes, so one class usually serves a whole heatmap or a year of occurrences, and the
 * engine ranks 96 slots instead of 1440.
 */
const FILL_STRIDE = 15;
const TABLE_CACHE_LIMIT = 256;

/** h by local start minute (0..1439) for one (working hours, duration). */
export type PainByMinute = (minute: number) => number;

const tables = new Map<string, PainByMinute>();

/** The ISO instant the engine accepts, "YYYY-MM-DDTHH:mm:ss.sssZ". */
function isoInstant(ms: number): string {
  const withinMinute = ((ms % MINUTE) + MINUTE) % MINUTE;
  const seconds = (withinMinute / 1000).toFixed(3).padStart(6, '0');
  return `${formatWall(ms - withinMinute)}:${seconds}Z`;
}

/** h of each slot for a lone participant in `zone` who votes yes to all of them. */
function enginePain(
  zone: string,
  hours: DailyWindow | undefined,
  slots: readonly Slot[],
): number[] {
  const votes = Object.fromEntries(slots.map((s) => [s.id, 'yes' as const]));
  const ranked = rankOptions({
    slots,
    participants: [{ id: 'p', zone, votes, ...(hours ? { preferred: hours } : {}) }],
  });
  const byId = new Map(ranked.map((o) => [o.id, o.keys.totalPain]));
  return slots.map((s) => byId.get(s.id) ?? 0);
}

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
    const residue = minute % FILL_STRIDE;
    const slots = Array.from({ length: 1440 / FILL_STRIDE }, (_, k): Slot => {
      const m = residue + k * FILL_STRIDE;
      return {
        id: String(m),
        start: isoInstant(TABLE_DAY + m * MINUTE),
        durationMin: durationMinutes,
      };
    });
    enginePain('UTC', hours, slots).forEach((pain, k) => {
      table[residue + k * FILL_STRIDE] = pain;
    });
    return table[minute] as number;
  };
  // Working hours are typed in by people: bound the memo instead of letting it grow forever.
  if (tables.size >= TABLE_CACHE_LIMIT) tables.clear();
  tables.set(key, lookup);
  return lookup;
}

/**
 * h of [startMs, startMs + durationMinutes) for a place in `zoneId`, whose offsets are in
 * `timeline`, with working hours `hours`: a table look-up unless the clock changes inside.
 */
export function intervalPain(
  zoneId: string,
  timeline: OffsetTimeline,
  hours: DailyWindow | undefined,
  startMs: number,
  durationMinutes: number,
  byMinute: PainByMinute = painByStartMinute(hours, durationMinutes),
): number {
  const startWall = startMs + timelineOffset(timeline, startMs) * MINUTE;
  if (
    startWall % MINUTE === 0 &&
    !changesWithin(timeline, startMs, startMs + durationMinutes * MINUTE)
  ) {
    return byMinute((((startWall % DAY) + DAY) % DAY) / MINUTE);
  }
  const [pain = 0] = enginePain(zoneId, hours, [
    { id: 'x', start: isoInstant(startMs), durationMin: durationMinutes },
  ]);
  return pain;
}
