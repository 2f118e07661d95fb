import type { Zone } from 'luxon';
import { comfortBand } from '@/lib/fairness/curve';
import { rankOptions } from '@/lib/fairness/rank';
import { renderSummary } from '@/lib/fairness/explain';
import type {
  ComfortBand,
  Participant,
  PersonRef,
  RankKeys,
  RankedOption,
  Slot,
  SlotExplanation,
  Vote,
} from '@/lib/fairness/model';
import { describeDifference, insteadOf } from '@/lib/time/clock-change-notice';
import {
  checkedDate,
  checkedDuration,
  checkedStep,
  checkedZone,
  dateOfWall,
  formatWallFast,
  isoWeekday,
  resolveCellWall,
  resolvePlaces,
  wallOfMinute,
  type CellWallTime,
  type HeatmapStep,
  type PlaceInput,
  type ResolvedPlace,
} from '@/lib/finder/heatmap';
import { intervalPain, painByStartMinute, type PainByMinute } from '@/lib/fairness/interval-pain';
import { formatWall, parseWall, placeName, weekdayShort } from '@/lib/time/time-zone';
import {
  offsetTimeline,
  timelineOffset,
  timelineZone,
  type OffsetTimeline,
} from '@/lib/time/zone-timeline';

/**
 * "Suggest" on the poll-creation page: the fairest slots of a week, and for a weekly call the
 * fairest pair of alternating times over the next year.
 *
 * Headcount: a place with n people becomes n identical participants. That is the engine's
 * own model (fairness.md §5: fairness is per person): K2 counts people at night, K4 weighs
 * each place's pain by its people, and K3 (the worst-off person) is unchanged, so a large
 * office never buys a lone colleague's 2 a.m. Scaling pains instead would have changed K3.
 */

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const NIGHT_PAIN = 900;
const PAIN_STEP = 50;
/** Repeating people costs the engine participants × slots; past this a poll is not a meeting. */
const MAX_PEOPLE = 5000;
const WORKING_WEEK: readonly number[] = [1, 2, 3, 4, 5];

// ---------------------------------------------------------------------------------------------
// The N fairest slots of a week

export interface SuggestSlotsInput {
  organiserZone: string;
  places: readonly PlaceInput[];
  /** A floating date "YYYY-MM-DD" in the organiser's zone: candidates are on it and the 6 days after. */
  weekStart: string;
  /** Candidate starts are the heatmap's rows: every 15, 30 or 60 minutes of the organiser's day. */
  stepMinutes: HeatmapStep;
  durationMinutes: number;
  count: number;
  /** ISO weekdays (1 = Monday) of the organiser's dates to consider; all seven when absent. */
  weekdays?: readonly number[];
}

export interface PlaceAtSlot {
  /** Local wall clock of the start and end, "YYYY-MM-DDTHH:mm". */
  localStart: string;
  localEnd: string;
  offsetMinutes: number;
  pain: number;
  band: ComfortBand;
  crossesMidnight: boolean;
  clockChange: boolean;
}

export interface SuggestedSlot {
  /** 1 = fairest. */
  rank: number;
  startMs: number;
  endMs: number;
  /** The organiser's wall date and time. */
  date: string;
  wall: string;
  /** `repeated`: the wall time happens twice that day and this is the first (fairness.md §2.3). */
  wallTime: Exclude<CellWallTime, 'missing'>;
  /** The engine's keys; counts are people (headcount), not places. */
  keys: RankKeys;
  /** One entry per place, in input order. */
  places: PlaceAtSlot[];
  /** Index of the worst-off place (the first on ties), null when nobody has any pain. */
  worstPlace: number | null;
  /**
   * The engine's explanation, with the people of one place folded into one PersonRef (id =
   * the place's index, name = its label); attendance counts stay in people.
   */
  explanation: SlotExplanation;
  /** `explanation` in English (fairness.md §6). */
  summary: string;
}

/** Participant ids sort by place, so the engine's "smaller id on ties" means "earlier place". */
function personId(place: number, copy: number): string {
  return `${String(place).padStart(4, '0')}.${String(copy).padStart(5, '0')}`;
}

function placeOfPerson(id: string): number {
  return Number(id.slice(0, id.indexOf('.')));
}

function checkedPeople(places: readonly ResolvedPlace[]): void {
  const people = places.reduce((n, p) => n + p.headcount, 0);
  if (people > MAX_PEOPLE)
    throw new RangeError(`at most ${MAX_PEOPLE} people in all, got ${people}`);
}

function participantsFor(
  places: readonly ResolvedPlace[],
  votes: Record<string, Vote>,
): Participant[] {
  return places.flatMap((p, i) =>
    Array.from({ length: p.headcount }, (_, copy): Participant => ({
      id: personId(i, copy),
      name: p.label,
      zone: p.zone,
      votes,
      ...(p.workingHours ? { preferred: p.workingHours } : {}),
    })),
  );
}

function foldPeople(people: readonly PersonRef[], places: readonly ResolvedPlace[]): PersonRef[] {
  const seen = new Set<number>();
  return people.flatMap((ref) => {
    const i = placeOfPerson(ref.id);
    if (seen.has(i)) return [];
    seen.add(i);
    return [{ id: String(i), name: places[i]?.label ?? ref.name }];
  });
}

/** The explanation with a place's people named once: "night for Sydney", not "Sydney, Sydney". */
function foldExplanation(x: SlotExplanation, places: readonly ResolvedPlace[]): SlotExplanation {
  const w = x.worst;
  const worst =
    w.kind === 'local-time' || w.kind === 'vote'
      ? { ...w, participant: foldPeople([w.participant], places)[0] ?? w.participant }
      : w;
  return {
    ...x,
    worst,
    night: foldPeople(x.night, places),
    neverWindow: [],
    neverOverridden: foldPeople(x.neverOverridden, places),
    noZone: foldPeople(x.noZone, places),
    fixedOffset: foldPeople(x.fixedOffset, places),
  };
}

function placesOf(option: RankedOption, places: readonly ResolvedPlace[]): PlaceAtSlot[] {
  const firstOf = new Map<number, (typeof option.participants)[number]>();
  for (const row of option.participants) {
    const i = placeOfPerson(row.id);
    if (!firstOf.has(i)) firstOf.set(i, row);
  }
  return places.map((_, i): PlaceAtSlot => {
    const row = firstOf.get(i);
    const local = row?.local;
    if (!row || !local) throw new Error(`place ${i} was not localised`);
    const pain = row.timePain ?? 0;
    return {
      localStart: local.localStart,
      localEnd: local.localEnd,
      offsetMinutes: local.offsetStartMin,
      pain,
      band: comfortBand(pain),
      crossesMidnight: local.crossesMidnight,
      clockChange: local.clockChange,
    };
  });
}

/**
 * The `count` fairest slots of the week (fairness.md §5 with everyone answering yes), best
 * first, no two of them overlapping. A wall time the clocks skip is never suggested.
 */
export function suggestSlots(input: SuggestSlotsInput): SuggestedSlot[] {
  const step = checkedStep(input.stepMinutes);
  const duration = checkedDuration(input.durationMinutes);
  const organiser = checkedZone(input.organiserZone, 'organiserZone');
  const firstDay = checkedDate(input.weekStart, 'weekStart');
  const places = resolvePlaces(input.places);
  checkedPeople(places);
  if (!Number.isInteger(input.count) || input.count < 0) {
    throw new RangeError(`count must be a whole number, got ${input.count}`);
  }
  if (input.count === 0 || places.length === 0) return [];
  const weekdays = new Set(input.weekdays ?? [1, 2, 3, 4, 5, 6, 7]);

  const clock = timelineZone(offsetTimeline(organiser, firstDay - 2 * DAY, firstDay + 9 * DAY));
  const slots: Slot[] = [];
  const cellOf = new Map<
    string,
    { startMs: number; date: string; wall: string; wallTime: 'ok' | 'repeated' }
  >();
  for (let d = 0; d < 7; d++) {
    const dayWall = firstDay + d * DAY;
    if (!weekdays.has(isoWeekday(dayWall))) continue;
    for (let minute = 0; minute < 1440; minute += step) {
      const wallMs = dayWall + minute * MINUTE;
      const cell = resolveCellWall(clock, wallMs);
      if (cell.wallTime === 'missing') continue;
      const id = formatWall(wallMs);
      // A repeated wall time goes in as a wall time, so the engine resolves it and says so.
      slots.push(
        cell.wallTime === 'repeated'
          ? { id, anchor: { zone: input.organiserZone, wall: id }, durationMin: duration }
          : { id, start: `${formatWall(cell.startMs)}Z`, durationMin: duration },
      );
      cellOf.set(id, {
        startMs: cell.startMs,
        date: dateOfWall(wallMs),
        wall: wallOfMinute(minute),
        wallTime: cell.wallTime,
      });
    }
  }
  const votes: Record<string, Vote> = Object.fromEntries(slots.map((s) => [s.id, 'yes' as const]));
  const ranked = rankOptions({ slots, participants: participantsFor(places, votes) });

  const chosen: SuggestedSlot[] = [];
  for (const option of ranked) {
    if (chosen.length >= input.count) break;
    const cell = cellOf.get(option.id);
    if (!cell) throw new Error(`unknown slot ${option.id}`);
    const startMs = cell.startMs;
    const endMs = startMs + duration * MINUTE;
    // Checked before reading the explanation, which the engine builds on first access.
    if (chosen.some((c) => c.startMs < endMs && startMs < c.endMs)) continue;
    const folded = foldExplanation(option.explanation, places);
    const at = placesOf(option, places);
    const worst = option.keys.worstPain;
    chosen.push({
      rank: chosen.length + 1,
      startMs,
      endMs,
      date: cell.date,
      wall: cell.wall,
      wallTime: cell.wallTime,
      keys: option.keys,
      places: at,
      worstPlace: worst > 0 ? at.findIndex((p) => p.pain === worst) : null,
      explanation: folded,
      summary: renderSummary(folded),
    });
  }
  return chosen;
}

// ---------------------------------------------------------------------------------------------
// A weekly call: the fairest alternating pair over the next year (fairness.md §8)

export interface AlternatingPairInput {
  places: readonly PlaceInput[];
  /** The zone the series is anchored in: its wall time stays put, the others' move with DST. */
  anchorZone: string;
  /** ISO weekday (1 = Monday) in the anchor zone; each of Monday to Friday is tried when absent. */
  weekday?: number;
  durationMinutes: number;
  /** A floating date "YYYY-MM-DD" in the anchor zone: the first occurrence is on or after it. */
  horizonStart: string;
  /** Occurrences scored; 52 (a year) when absent. */
  weeks?: number;
  /** Candidate wall times: every 15, 30 or 60 minutes of the anchor's day; 60 when absent. */
  stepMinutes?: HeatmapStep;
  /**
   * Rotation memory carried in: each place's cumulative pain per person from earlier
   * occurrences (`cumulativePain` of an earlier result), in `places` order. Zero when absent.
   */
  priorPain?: readonly number[];
}

export interface WeeklyTime {
  zone: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** "HH:mm" in `zone`. */
  wall: string;
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

interface Candidate {
  weekday: number;
  minute: number;
  /** Occurrence k starts at startMs[k]; its pain for place i is pain[k · P + i]. */
  startMs: Float64Array;
  pain: Int16Array;
  /** Per parity (0 = even weeks, 1 = odd) and place: the sum of pains and the night occurrences. */
  sum: [Float64Array, Float64Array];
  nights: [Int32Array, Int32Array];
}

interface Scored {
  keys: SeriesKeys;
  order: number[];
}

/** "0.18" for 175: two decimals, half-up on the integer, as the engine's summaries (§6). */
function formatPain(pain: number): string {
  const hundredths = Math.floor((pain + 5) / 10);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

function roundedMean(sum: number, n: number): number {
  return n === 0 ? 0 : Math.floor((2 * sum + n) / (2 * n));
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

/** Keys of the series that uses `first` in even weeks and `second` in odd ones (the same for a single time). */
function seriesKeys(
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

interface Clocks {
  anchorZone: string;
  anchor: OffsetTimeline;
  places: OffsetTimeline[];
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

export interface WeeklySeriesInput {
  places: readonly PlaceInput[];
  anchorZone: string;
  durationMinutes: number;
  horizonStart: string;
  weeks?: number;
  priorPain?: readonly number[];
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

interface SeriesContext {
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

function seriesContext(input: Omit<WeeklySeriesInput, 'times'>): SeriesContext {
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
function expand(ctx: SeriesContext, weekday: number, minute: number): Candidate {
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
        p.zone,
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
