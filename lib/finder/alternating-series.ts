import { comfortBand, NIGHT_PAIN } from '@/lib/fairness/curve';
import { formatPain } from '@/lib/fairness/explain';
import type { ComfortBand } from '@/lib/fairness/model';
import { describeDifference, insteadOf } from '@/lib/time/clock-change-notice';
import {
  checkedStep,
  dateOfWall,
  formatWallFast,
  isoWeekday,
  wallOfMinute,
  type HeatmapStep,
  type ResolvedPlace,
} from '@/lib/finder/heatmap';
import { parseWall, placeName, weekdayShort } from '@/lib/time/time-zone';
import { timelineOffset, type OffsetTimeline } from '@/lib/time/zone-timeline';
import {
  expand,
  seriesContext,
  seriesKeys,
  roundedMean,
  type Candidate,
  type SeriesContext,
  type SeriesHorizon,
  type SeriesKeys,
} from '@/lib/finder/series-occurrences';

/**
 * "Suggest" for a weekly call on the poll-creation page: the fairest pair of alternating
 * times over the next year (fairness.md §8), and the score of a given weekly series.
 * Headcount weighs each place's pain by its people, as the engine's per-person model does.
 */

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const WORKING_WEEK: readonly number[] = [1, 2, 3, 4, 5];

export interface AlternatingPairInput extends SeriesHorizon {
  /** ISO weekday (1 = Monday) in the anchor zone; each of Monday to Friday is tried when absent. */
  weekday?: number;
  /** Candidate wall times: every 15, 30 or 60 minutes of the anchor's day; 60 when absent. */
  stepMinutes?: HeatmapStep;
}

export interface WeeklyTime {
  zone: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** "HH:mm" in `zone`. */
  wall: string;
}

export interface PlaceInSeries {
  zone: string;
  place: string;
  label: string;
  headcount: number;
  /** p_i = round(mean over the occurrences of h). */
  averagePain: number;
  band: ComfortBand;
  /** Rotation memory after the horizon: prior + the sum of this series' pains. */
  cumulativePain: number;
  nightWeeks: number;
}

export interface MemberReport {
  time: WeeklyTime;
  occurrences: number;
  /** Per place, over the weeks this member is used. */
  places: {
    averagePain: number;
    band: ComfortBand;
    /** The local weekday and wall time most of its occurrences have. */
    usualLocal: { weekday: number; wall: string };
  }[];
}

export interface WorstWeek {
  /** The anchor's date of the occurrence and which member it is (0 = first, 1 = second). */
  date: string;
  member: number;
  startMs: number;
  placeIndex: number;
  zone: string;
  place: string;
  localStart: string;
  pain: number;
  band: ComfortBand;
  /**
   * The place's offset from the anchor that week and usually (offset(place) − offset(anchor),
   * minutes), when they differ: the week falls between two regions' clock changes.
   */
  clockShift: { usualMinutes: number; minutes: number } | null;
  /** "2026-03-17: 06:00 in Los Angeles (antisocial, pain 0.75; …)". */
  text: string;
}

export interface SeriesReport {
  /** One member for a single weekly time; two for a pair, the first used in week 0. */
  members: MemberReport[];
  occurrences: number;
  keys: SeriesKeys;
  places: PlaceInSeries[];
  worstWeek: WorstWeek;
  text: string;
}

export interface AlternatingPairResult {
  pair: SeriesReport;
  /** The fairest single weekly time over the same candidates and weeks. */
  single: SeriesReport;
  /** Whether the pair ranks ahead of the single time on the series keys. */
  pairIsBetter: boolean;
  text: string;
}

interface Scored {
  keys: SeriesKeys;
  order: number[];
}

function compareKeys(a: SeriesKeys, b: SeriesKeys): number {
  return (
    a.night - b.night ||
    a.memoryStep - b.memoryStep ||
    a.worstStep - b.worstStep ||
    a.totalPain - b.totalPain ||
    a.worstPain - b.worstPain
  );
}

function compareScored(a: Scored, b: Scored): number {
  const byKeys = compareKeys(a.keys, b.keys);
  if (byKeys !== 0) return byKeys;
  for (let k = 0; k < Math.min(a.order.length, b.order.length); k++) {
    const d = (a.order[k] as number) - (b.order[k] as number);
    if (d !== 0) return d;
  }
  return a.order.length - b.order.length;
}

function mode<T>(values: readonly T[], key: (v: T) => string): T | undefined {
  const counts = new Map<string, { value: T; n: number }>();
  for (const v of values) {
    const k = key(v);
    const entry = counts.get(k);
    if (entry) entry.n++;
    else counts.set(k, { value: v, n: 1 });
  }
  let best: { value: T; n: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.n > best.n) best = entry;
  return best?.value;
}

function describeTime(t: WeeklyTime): string {
  return `${weekdayShort(Date.UTC(2001, 0, t.weekday))} ${t.wall}`;
}

function report(members: readonly Candidate[], ctx: SeriesContext): SeriesReport {
  const { places, prior, weeks, clocks } = ctx;
  const P = places.length;
  const first = members[0] as Candidate;
  const second = members[members.length - 1] as Candidate;
  const memberOf = (k: number) => (members.length === 1 ? 0 : k % 2);
  const candidateOf = (k: number) => members[memberOf(k)] as Candidate;
  const relative = (i: number, startMs: number) =>
    timelineOffset(clocks.places[i] as OffsetTimeline, startMs) -
    timelineOffset(clocks.anchor, startMs);

  const timeOf = (c: Candidate): WeeklyTime => ({
    zone: clocks.anchorZone,
    weekday: c.weekday,
    wall: wallOfMinute(c.minute),
  });

  const memberReports = members.map((c, m): MemberReport => {
    const weeksOf = Array.from({ length: weeks }, (_, k) => k).filter((k) => memberOf(k) === m);
    return {
      time: timeOf(c),
      occurrences: weeksOf.length,
      places: places.map((_, i) => {
        const sum = weeksOf.reduce((s, k) => s + (c.pain[k * P + i] as number), 0);
        const averagePain = roundedMean(sum, weeksOf.length);
        const locals = weeksOf.map((k) => {
          const startMs = c.startMs[k] as number;
          const wall =
            startMs + timelineOffset(clocks.places[i] as OffsetTimeline, startMs) * MINUTE;
          return {
            weekday: isoWeekday(wall),
            wall: wallOfMinute(Math.floor((wall % DAY) / MINUTE)),
          };
        });
        return {
          averagePain,
          band: comfortBand(averagePain),
          usualLocal: mode(locals, (l) => `${l.weekday} ${l.wall}`) ?? { weekday: 0, wall: '' },
        };
      }),
    };
  });

  const placeRows = places.map((p, i): PlaceInSeries => {
    let sum = 0;
    let nightWeeks = 0;
    for (let k = 0; k < weeks; k++) {
      const pain = candidateOf(k).pain[k * P + i] as number;
      sum += pain;
      if (pain >= NIGHT_PAIN) nightWeeks++;
    }
    const averagePain = roundedMean(sum, weeks);
    return {
      zone: p.zone,
      place: p.place,
      label: p.label,
      headcount: p.headcount,
      averagePain,
      band: comfortBand(averagePain),
      cumulativePain: (prior[i] ?? 0) + sum,
      nightWeeks,
    };
  });

  let worstK = 0;
  let worstI = 0;
  let worstPain = -1;
  for (let k = 0; k < weeks; k++) {
    const c = candidateOf(k);
    for (let i = 0; i < P; i++) {
      const pain = c.pain[k * P + i] as number;
      if (pain > worstPain) {
        worstPain = pain;
        worstK = k;
        worstI = i;
      }
    }
  }
  const worstCandidate = candidateOf(worstK);
  const startMs = worstCandidate.startMs[worstK] as number;
  const worstPlace = places[worstI] as ResolvedPlace;
  const usual = mode(
    Array.from({ length: weeks }, (_, k) => k)
      .filter((k) => memberOf(k) === memberOf(worstK))
      .map((k) => relative(worstI, worstCandidate.startMs[k] as number)),
    String,
  );
  const minutes = relative(worstI, startMs);
  const clockShift =
    usual !== undefined && usual !== minutes ? { usualMinutes: usual, minutes } : null;
  const localStart = formatWallFast(
    startMs + timelineOffset(clocks.places[worstI] as OffsetTimeline, startMs) * MINUTE,
  );
  const anchorDate = dateOfWall(startMs + timelineOffset(clocks.anchor, startMs) * MINUTE);
  const band = comfortBand(worstPain);
  const anchorPlace = placeName(clocks.anchorZone);
  const shiftText = clockShift
    ? `; clocks out of step: ${worstPlace.place} is ${describeDifference(minutes, anchorPlace)} ` +
      insteadOf(clockShift.usualMinutes, minutes)
    : '';
  const worstWeek: WorstWeek = {
    date: anchorDate,
    member: memberOf(worstK),
    startMs,
    placeIndex: worstI,
    zone: worstPlace.zone,
    place: worstPlace.place,
    localStart,
    pain: worstPain,
    band,
    clockShift,
    text: `${anchorDate}: ${localStart.slice(11)} in ${worstPlace.place} (${band}, pain ${formatPain(worstPain)}${shiftText})`,
  };

  const keys = seriesKeys(first, second, places, prior, weeks);
  const worstAverage = placeRows.reduce(
    (w, r, i) => (r.averagePain > (placeRows[w]?.averagePain ?? -1) ? i : w),
    0,
  );
  const when =
    members.length === 1
      ? `Every ${describeTime(timeOf(first))}`
      : `Alternate ${describeTime(timeOf(first))} and ${describeTime(timeOf(second))}`;
  const text =
    `${when} (${anchorPlace} time): worst average pain ${formatPain(keys.worstPain)} in ` +
    `${placeRows[worstAverage]?.place ?? ''}; worst week ${worstWeek.text}`;
  return { members: memberReports, occurrences: weeks, keys, places: placeRows, worstWeek, text };
}

/**
 * The fairest pair of weekly times to alternate (A, B, A, B …) and, for comparison, the
 * fairest single weekly time, both scored over `weeks` occurrences as fairness.md §8.
 *
 * Candidates: the anchor's wall times every `stepMinutes` on one weekday, both members of a
 * pair on the same weekday (the Pangeo pattern: "every Wednesday, alternating early and
 * late"); without a weekday, Monday to Friday are each tried. Every occurrence is expanded
 * with §2.3 (a skipped wall time moves forward, a repeated one takes the first), and each
 * place's pain is the engine's h for it. Both orders of a pair are scored, since the weeks
 * between two regions' clock changes fall on one parity.
 */
export function suggestAlternatingPair(input: AlternatingPairInput): AlternatingPairResult {
  const ctx = seriesContext(input);
  const step = checkedStep(input.stepMinutes ?? 60);
  if (
    input.weekday !== undefined &&
    !(Number.isInteger(input.weekday) && input.weekday >= 1 && input.weekday <= 7)
  ) {
    throw new RangeError(`weekday must be an ISO weekday from 1 to 7, got ${input.weekday}`);
  }
  const weekdays = input.weekday !== undefined ? [input.weekday] : WORKING_WEEK;
  const { places, prior, weeks } = ctx;

  let bestSingle: { scored: Scored; members: Candidate[] } | null = null;
  let bestPair: { scored: Scored; members: Candidate[] } | null = null;
  for (const weekday of weekdays) {
    const candidates: Candidate[] = [];
    for (let minute = 0; minute < 1440; minute += step)
      candidates.push(expand(ctx, weekday, minute));
    for (const a of candidates) {
      const single = { keys: seriesKeys(a, a, places, prior, weeks), order: [weekday, a.minute] };
      if (!bestSingle || compareScored(single, bestSingle.scored) < 0)
        bestSingle = { scored: single, members: [a] };
      for (const b of candidates) {
        if (a === b) continue;
        const pair = {
          keys: seriesKeys(a, b, places, prior, weeks),
          order: [weekday, a.minute, b.minute],
        };
        if (!bestPair || compareScored(pair, bestPair.scored) < 0)
          bestPair = { scored: pair, members: [a, b] };
      }
    }
  }
  if (!bestSingle || !bestPair) throw new Error('no candidate weekly time');

  const pair = report(bestPair.members, ctx);
  const single = report(bestSingle.members, ctx);
  const pairIsBetter = compareKeys(pair.keys, single.keys) < 0;
  return {
    pair,
    single,
    pairIsBetter,
    text:
      `${pair.text}. ${pairIsBetter ? 'Fairer than' : 'No fairer than'} the best single ` +
      `weekly time: ${single.text}.`,
  };
}

export interface WeeklySeriesInput extends SeriesHorizon {
  /** One weekly time (every week) or two (alternating, the first in week 0), in the anchor zone. */
  times: readonly { weekday: number; wall: string }[];
}

/**
 * Scores a given weekly time or alternating pair the way `suggestAlternatingPair` scores its
 * candidates, e.g. the series a team already has, to compare it with the suggestion.
 */
export function scoreWeeklySeries(input: WeeklySeriesInput): SeriesReport {
  const ctx = seriesContext(input);
  if (input.times.length !== 1 && input.times.length !== 2) {
    throw new RangeError(
      `times holds one weekly time or an alternating pair, got ${input.times.length}`,
    );
  }
  const members = input.times.map((t) => {
    const minute = parseWall(`2001-01-01T${t.wall}`);
    if (!(Number.isInteger(t.weekday) && t.weekday >= 1 && t.weekday <= 7) || minute === null) {
      throw new RangeError(`not a weekly time: ${t.weekday} ${t.wall}`);
    }
    return expand(ctx, t.weekday, (minute - Date.UTC(2001, 0, 1)) / MINUTE);
  });
  return report(members, ctx);
}
