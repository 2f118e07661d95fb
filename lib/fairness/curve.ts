import { minutesOf, mod } from '@/lib/fairness/daily-window';
import type { ComfortBand, DailyWindow } from '@/lib/fairness/model';

/** The discomfort curve (fairness.md §3): local wall time → milli-pain, per working hours. */

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
/**
 * Curve positions are kept in half-milliseconds: a personal window maps the default knots to
 * `pe + (k − 17:00) · L / 960` minutes, which is always a whole number of half-milliseconds,
 * so interpolation and half-up rounding stay exact integer arithmetic.
 */
export const UNITS_PER_MS = 2;
const UNITS_PER_MINUTE = MINUTE * UNITS_PER_MS;
const DAY_UNITS = DAY * UNITS_PER_MS;

export const NIGHT_PAIN = 900;
export const IF_NEED_BE_PAIN = 250;
export const PAIN_STEP = 50;

/** C0 knots over the default off-hours arc 17:00 → 09:00 (next day), minutes unwrapped. */
const OFF_HOURS_KNOTS: readonly (readonly [number, number])[] = [
  [1020, 0],
  [1080, 100],
  [1140, 250],
  [1200, 400],
  [1260, 550],
  [1320, 700],
  [1380, 800],
  [1440, 880],
  [1500, 1000],
  [1740, 1000],
  [1800, 750],
  [1860, 450],
  [1920, 200],
  [1980, 0],
];

/** A periodic piecewise-linear curve unrolled over [−1 day, 2 days] so any interval shorter than a day is covered. */
export interface Curve {
  key: string;
  x: number[];
  y: number[];
  max: number;
}

const ZERO_CURVE: Curve = { key: 'zero', x: [-DAY_UNITS, 3 * DAY_UNITS], y: [0, 0], max: 0 };

const curveCache = new Map<string, Curve>();

/** The personal curve c_i of §3.2; C0 for a missing or unparseable window. */
export function curveFor(preferred: DailyWindow | undefined): Curve {
  let pe = 1020;
  let offHours = 960;
  const ps = preferred ? minutesOf(preferred.start, false) : null;
  const end = preferred ? minutesOf(preferred.end, true) : null;
  if (ps !== null && end !== null) {
    const working = mod(end - ps, 1440);
    if (working === 0 && ps === 0 && end === 1440) return ZERO_CURVE;
    if (working !== 0) {
      pe = end % 1440;
      offHours = 1440 - working;
    }
  }
  const key = `${pe}/${offHours}`;
  const cached = curveCache.get(key);
  if (cached) return cached;
  const knots = OFF_HOURS_KNOTS.map(([k, pain]) => ({
    x: mod(125 * (960 * pe + (k - 1020) * offHours), DAY_UNITS),
    y: pain,
  })).sort((a, b) => a.x - b.x);
  const first = knots[0] as { x: number; y: number };
  const last = knots[knots.length - 1] as { x: number; y: number };
  const curve: Curve = {
    key,
    x: [
      last.x - DAY_UNITS,
      ...knots.map((k) => k.x),
      ...knots.map((k) => k.x + DAY_UNITS),
      first.x + 2 * DAY_UNITS,
    ],
    y: [last.y, ...knots.map((k) => k.y), ...knots.map((k) => k.y), first.y],
    max: Math.max(...knots.map((k) => k.y)),
  };
  curveCache.set(key, curve);
  return curve;
}

/** Value on the piece starting at knot j, rounded half-up in exact integer arithmetic. */
function valueOnPiece(curve: Curve, j: number, t: number): number {
  const x0 = curve.x[j] as number;
  const y0 = curve.y[j] as number;
  const dx = (curve.x[j + 1] as number) - x0;
  const dy = (curve.y[j + 1] as number) - y0;
  if (dy === 0) return y0;
  return y0 + Math.floor((2 * dy * (t - x0) + dx) / (2 * dx));
}

/** h over one wall interval [a, b] (curve units): the exact supremum, i.e. endpoints and inner knots (§3.3). */
export function peakPain(curve: Curve, a: number, b: number): number {
  if (b - a >= DAY_UNITS) return curve.max;
  if (curve.max === 0) return 0;
  const a0 = mod(a, DAY_UNITS);
  const b0 = a0 + (b - a);
  const { x, y } = curve;
  // x[0] < 0 ≤ a0 < x[x.length − 1]: find the first knot after a0.
  let lo = 0;
  let j = x.length - 1;
  while (j - lo > 1) {
    const mid = (lo + j) >> 1;
    if ((x[mid] as number) <= a0) lo = mid;
    else j = mid;
  }
  let peak = valueOnPiece(curve, j - 1, a0);
  while ((x[j] as number) < b0) {
    if ((y[j] as number) > peak) peak = y[j] as number;
    j++;
  }
  const atEnd = valueOnPiece(curve, j - 1, b0);
  return atEnd > peak ? atEnd : peak;
}

/** Local minute of day → milli-pain, for heatmaps; `minuteOfDay` is taken modulo 1440. */
export function painAtMinute(minuteOfDay: number, preferred?: DailyWindow): number {
  const t = minuteOfDay * UNITS_PER_MINUTE;
  return peakPain(curveFor(preferred), t, t);
}

/**
 * h of fairness.md §3.3 for wall segments [a, b] (number-line ms, as `localise` gives them):
 * the exact peak of the working-hours curve over the local interval.
 */
export function timePain(
  segments: readonly (readonly [number, number])[],
  preferred?: DailyWindow,
): number {
  const curve = curveFor(preferred);
  let peak = 0;
  for (const [a, b] of segments) {
    peak = Math.max(peak, peakPain(curve, a * UNITS_PER_MS, b * UNITS_PER_MS));
  }
  return peak;
}

/** Whether `preferred` changes the curve: working hours other than the usual 09:00–17:00 day. */
export function fromWorkingHours(preferred: DailyWindow | undefined): boolean {
  return curveFor(preferred) !== curveFor(undefined);
}

/**
 * The comfort band of one person at one slot, from their time pain h (their own working
 * hours): the only function that decides it, so the glance table, the ranking's worst line
 * and every participant chip agree. A slot they chose inside their own never window counts
 * as night (fairness.md §4), so it shows as night too.
 */
export function personBand(timePain: number, overridden = false): ComfortBand {
  return comfortBand(overridden && timePain < NIGHT_PAIN ? NIGHT_PAIN : timePain);
}

export function comfortBand(pain: number): ComfortBand {
  if (pain < 50) return 'comfortable';
  if (pain < 300) return 'edge';
  if (pain < 600) return 'early-late';
  if (pain < NIGHT_PAIN) return 'antisocial';
  return 'night';
}
