import type { Zone } from 'luxon';
import { NIGHT_PAIN, PAIN_STEP } from '@/lib/fairness/curve';
import { intervalPain, painByStartMinute, type PainByMinute } from '@/lib/fairness/interval-pain';
import {
  checkedDate,
  checkedDuration,
  checkedZone,
  isoWeekday,
  resolveCellWall,
  resolvePlaces,
  type PlaceInput,
  type ResolvedPlace,
} from '@/lib/finder/heatmap';
import { offsetTimeline, timelineZone, type OffsetTimeline } from '@/lib/time/zone-timeline';

/**
 * The scoring core of a weekly series (fairness.md §8): every occurrence of a candidate weekly
 * time expanded over the horizon with each place's pain, and the series keys of a time or pair.
 */

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

/** What every weekly-series question gives: who, where the series is anchored, for how long. */
export interface SeriesHorizon {
  places: readonly PlaceInput[];
  /** The zone the series is anchored in: its wall time stays put, the others' move with DST. */
  anchorZone: string;
  durationMinutes: number;
  /** A floating date "YYYY-MM-DD" in the anchor zone: the first occurrence is on or after it. */
  horizonStart: string;
  /** Occurrences scored; 52 (a year) when absent. */
  weeks?: number;
  /**
   * Rotation memory carried in: each place's cumulative pain per person from earlier
   * occurrences (`cumulativePain` of an earlier result), in `places` order. Zero when absent.
   */
  priorPain?: readonly number[];
}

/**
 * The series keys, compared in this order: fairness.md §5 with §8's recurring rules. Counts
 * are people; pains are milli-units per person.
 */
export interface SeriesKeys {
  /** K2: people with at least one occurrence at night (pain ≥ 900). */
  night: number;
  /**
   * §8 rotation memory, before K3: ceil(max over places of (prior + cumulative pain) / (50 ×
   * occurrences)). With no prior it is the worst place's unrounded mean in 0.05 steps; a prior
   * pushes the series towards the places that have already carried the bad slot.
   */
  memoryStep: number;
  /** K3: ceil(worst average pain / 50). */
  worstStep: number;
  /** K4: Σ people × average pain. */
  totalPain: number;
  /** K5: the worst place's average pain. */
  worstPain: number;
}

export interface Candidate {
  weekday: number;
  minute: number;
  /** Occurrence k starts at startMs[k]; its pain for place i is pain[k · P + i]. */
  startMs: Float64Array;
  pain: Int16Array;
  /** Per parity (0 = even weeks, 1 = odd) and place: the sum of pains and the night occurrences. */
  sum: [Float64Array, Float64Array];
  nights: [Int32Array, Int32Array];
}

export function roundedMean(sum: number, n: number): number {
  return n === 0 ? 0 : Math.floor((2 * sum + n) / (2 * n));
}

/** Keys of the series that uses `first` in even weeks and `second` in odd ones (the same for a single time). */
export function seriesKeys(
  first: Candidate,
  second: Candidate,
  places: readonly ResolvedPlace[],
  prior: readonly number[],
  weeks: number,
): SeriesKeys {
  let night = 0;
  let memory = 0;
  let worst = 0;
  let total = 0;
  places.forEach((p, i) => {
    const sum = (first.sum[0][i] as number) + (second.sum[1][i] as number);
    const mean = roundedMean(sum, weeks);
    if ((first.nights[0][i] as number) + (second.nights[1][i] as number) > 0) night += p.headcount;
    memory = Math.max(memory, (prior[i] ?? 0) + sum);
    worst = Math.max(worst, mean);
    total += p.headcount * mean;
  });
  return {
    night,
    memoryStep: Math.ceil(memory / (PAIN_STEP * weeks)),
    worstStep: Math.ceil(worst / PAIN_STEP),
    totalPain: total,
    worstPain: worst,
  };
}

export interface Clocks {
  anchorZone: string;
  anchor: OffsetTimeline;
  places: OffsetTimeline[];
}

export interface SeriesContext {
  places: ResolvedPlace[];
  prior: readonly number[];
  weeks: number;
  duration: number;
  horizonDay: number;
  /** The anchor zone with offsets read from `clocks.anchor`, for §2.3 on every occurrence. */
  anchorClock: Zone;
  clocks: Clocks;
  byMinute: PainByMinute[];
}

export function seriesContext(input: SeriesHorizon): SeriesContext {
  const duration = checkedDuration(input.durationMinutes);
  const weeks = input.weeks ?? 52;
  if (!Number.isInteger(weeks) || weeks < 2 || weeks > 260) {
    throw new RangeError(`weeks must be a whole number from 2 to 260, got ${weeks}`);
  }
  const anchor = checkedZone(input.anchorZone, 'anchorZone');
  const horizonDay = checkedDate(input.horizonStart, 'horizonStart');
  const places = resolvePlaces(input.places);
  if (places.length === 0) throw new RangeError('list at least one place');
  const prior = input.priorPain ?? [];
  if (prior.length > places.length || prior.some((p) => !Number.isFinite(p) || p < 0)) {
    throw new RangeError('priorPain holds one non-negative number per place');
  }
  const fromMs = horizonDay - 2 * DAY;
  const toMs = horizonDay + (7 * weeks + 9) * DAY + duration * MINUTE;
  const anchorTimeline = offsetTimeline(anchor, fromMs, toMs);
  return {
    places,
    prior,
    weeks,
    duration,
    horizonDay,
    anchorClock: timelineZone(anchorTimeline),
    clocks: {
      anchorZone: input.anchorZone,
      anchor: anchorTimeline,
      places: places.map((p) => offsetTimeline(checkedZone(p.zone, 'place'), fromMs, toMs)),
    },
    byMinute: places.map((p) => painByStartMinute(p.workingHours ?? undefined, duration)),
  };
}

/** Every occurrence of (weekday, minute) in the anchor zone over the horizon, with each place's pain. */
export function expand(ctx: SeriesContext, weekday: number, minute: number): Candidate {
  const { places, weeks, clocks } = ctx;
  const P = places.length;
  const firstDay = ctx.horizonDay + ((weekday - isoWeekday(ctx.horizonDay) + 7) % 7) * DAY;
  const c: Candidate = {
    weekday,
    minute,
    startMs: new Float64Array(weeks),
    pain: new Int16Array(weeks * P),
    sum: [new Float64Array(P), new Float64Array(P)],
    nights: [new Int32Array(P), new Int32Array(P)],
  };
  for (let k = 0; k < weeks; k++) {
    const wallMs = firstDay + 7 * k * DAY + minute * MINUTE;
    const { startMs } = resolveCellWall(ctx.anchorClock, wallMs);
    c.startMs[k] = startMs;
    const sums = c.sum[k % 2 === 0 ? 0 : 1];
    const nights = c.nights[k % 2 === 0 ? 0 : 1];
    places.forEach((p, i) => {
      const pain = intervalPain(
        clocks.places[i] as OffsetTimeline,
        p.workingHours ?? undefined,
        startMs,
        ctx.duration,
        ctx.byMinute[i],
      );
      c.pain[k * P + i] = pain;
      sums[i] = (sums[i] as number) + pain;
      if (pain >= NIGHT_PAIN) nights[i] = (nights[i] as number) + 1;
    });
  }
  return c;
}
