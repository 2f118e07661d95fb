import type { Zone } from 'luxon';
import { comfortBand } from '@/lib/fairness/curve';
import type { ComfortBand, DailyWindow } from '@/lib/fairness/model';
import { intervalPain, painByStartMinute } from '@/lib/fairness/interval-pain';
import {
  formatDate,
  formatUtcOffset,
  parseDate,
  placeName,
  resolveWallTime,
  resolveZone,
} from '@/lib/time/time-zone';
import { offsetTimeline, timelineOffset, timelineZone } from '@/lib/time/zone-timeline';

/**
 * The week heatmap of the poll-creation page: days × wall times in the organiser's zone, each
 * cell coloured by the worst comfort band across the listed places, for one real calendar
 * week (so the week of 25 Oct 2026, when Europe has changed its clocks and the US has not,
 * differs from the week before).
 *
 * A cell's pain for a place is the engine's h for the cell's interval (fairness.md §3.3, the
 * peak over the interval, from the place's working hours), taken from `lib/interval-pain`.
 * Everyone is assumed to be available: the map shows the clock, not the votes.
 */

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

export type HeatmapStep = 15 | 30 | 60;
export const HEATMAP_STEPS: readonly HeatmapStep[] = [15, 30, 60];

/** A place the organiser lists: a zone from the city search, how many people, their hours. */
export interface PlaceInput {
  zone: string;
  /** People there; 1 when absent. Weighs total pain in suggestions, never the colours. */
  headcount?: number;
  /** Their working hours; the default curve (09:00–17:00) when absent. */
  workingHours?: DailyWindow;
  /** How the organiser named it ("Sydney office"); the city name when absent. */
  label?: string;
}

export interface ResolvedPlace {
  zone: string;
  /** The city people recognise (fairness.md §6), or "UTC+05:30" for a fixed offset. */
  place: string;
  label: string;
  headcount: number;
  workingHours: DailyWindow | null;
  /** A fixed UTC offset: its clock never changes, which may not be true of the real place. */
  fixedOffset: boolean;
}

export interface PlaceAtCell {
  /** The place's wall clock at the cell's start, "YYYY-MM-DDTHH:mm". */
  localStart: string;
  /** UTC offset in minutes at the cell's start. */
  offsetMinutes: number;
  /** h in milli-units, 0..1000. */
  pain: number;
  band: ComfortBand;
}

/**
 * `ok`: the wall time happens once that day. `missing`: the clocks skip it (spring forward);
 * the cell is scored at the instant §2.3 moves it to and must not be offered as an option.
 * `repeated`: it happens twice (fall back); the cell is the first occurrence, as §2.3.
 */
export type CellWallTime = 'ok' | 'missing' | 'repeated';

export interface HeatmapCell {
  /** Organiser's wall date and time: "YYYY-MM-DD", "HH:mm". */
  date: string;
  wall: string;
  startMs: number;
  endMs: number;
  wallTime: CellWallTime;
  /** The second occurrence of a repeated wall time, null otherwise. */
  laterStartMs: number | null;
  worstPain: number;
  worstBand: ComfortBand;
  /** Index into `places` of the worst-off place (the first on ties), null with no places. */
  worstPlace: number | null;
  /** One entry per place, in `places` order. */
  places: PlaceAtCell[];
}

export interface WeekHeatmap {
  organiserZone: string;
  stepMinutes: HeatmapStep;
  durationMinutes: number;
  places: ResolvedPlace[];
  /** The 7 columns: organiser's dates and ISO weekdays (1 = Monday). */
  days: { date: string; weekday: number }[];
  /** The rows: organiser's wall times "HH:mm" and their minute of the day. */
  rows: { wall: string; minute: number }[];
  /** cells[row][day]. */
  cells: HeatmapCell[][];
}

export interface WeekHeatmapInput {
  organiserZone: string;
  places: readonly PlaceInput[];
  /** A floating date "YYYY-MM-DD" in the organiser's zone; the map covers it and the 6 days after. */
  weekStart: string;
  stepMinutes: HeatmapStep;
  /** The meeting length each cell is scored for; one step when absent. */
  durationMinutes?: number;
}

const HH_MM = Array.from(
  { length: 1440 },
  (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
);

/** "HH:mm" of a minute of the day. */
export function wallOfMinute(minute: number): string {
  return HH_MM[minute] ?? '';
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a wall-clock number-line value. */
export function isoWeekday(wallMs: number): number {
  return ((Math.floor(wallMs / DAY) + 3) % 7) + 1;
}

const dateCache = new Map<number, string>();

/**
 * "YYYY-MM-DD" of a wall-clock number-line value. A heatmap formats ~13,000 local times that
 * fall on a dozen dates, so each date is formatted once.
 */
export function dateOfWall(wallMs: number): string {
  const day = Math.floor(wallMs / DAY);
  let date = dateCache.get(day);
  if (date === undefined) {
    date = formatDate(day * DAY);
    if (dateCache.size > 10_000) dateCache.clear();
    dateCache.set(day, date);
  }
  return date;
}

/** "YYYY-MM-DDTHH:mm" of a wall-clock number-line value. */
export function formatWallFast(wallMs: number): string {
  const minute = Math.floor((((wallMs % DAY) + DAY) % DAY) / MINUTE);
  return `${dateOfWall(wallMs)}T${wallOfMinute(minute)}`;
}

export function checkedZone(zoneId: string, what: string): Zone {
  const resolved = resolveZone(zoneId);
  if (resolved.zone === null) throw new RangeError(`${what}: not a time zone: ${zoneId}`);
  return resolved.zone;
}

export function checkedDate(date: string, what: string): number {
  const ms = parseDate(date);
  if (ms === null) throw new RangeError(`${what}: not a date: ${date}`);
  return ms;
}

export function checkedDuration(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
    throw new RangeError(`durationMinutes must be an integer from 1 to 1440, got ${minutes}`);
  }
  return minutes;
}

export function checkedStep(step: number): HeatmapStep {
  if (step !== 15 && step !== 30 && step !== 60) {
    throw new RangeError(`stepMinutes must be 15, 30 or 60, got ${step}`);
  }
  return step;
}

/** Validates the places and names them; a zone the engine cannot use is refused, not guessed. */
export function resolvePlaces(places: readonly PlaceInput[]): ResolvedPlace[] {
  return places.map((p, i): ResolvedPlace => {
    const resolved = resolveZone(p.zone);
    if (resolved.zone === null) throw new RangeError(`place ${i}: not a time zone: ${p.zone}`);
    const headcount = p.headcount ?? 1;
    if (!Number.isInteger(headcount) || headcount < 1) {
      throw new RangeError(
        `place ${i} (${p.zone}): headcount must be a whole number ≥ 1, got ${headcount}`,
      );
    }
    const isCity =
      resolved.status === 'iana' && resolved.id !== 'UTC' && !resolved.id.startsWith('Etc/');
    const place = isCity
      ? placeName(resolved.id)
      : `UTC${formatUtcOffset(resolved.zone.offset(0))}`;
    return {
      zone: p.zone,
      place,
      label: p.label?.trim() || place,
      headcount,
      workingHours: p.workingHours ?? null,
      fixedOffset: resolved.status === 'fixed',
    };
  });
}

/**
 * A wall time → instant with fairness.md §2.3 (`resolveWallTime`), labelled for a cell. Pass a
 * `timelineZone` so the thousands of look-ups read cached offsets.
 */
export function resolveCellWall(
  zone: Zone,
  wallMs: number,
): { startMs: number; wallTime: CellWallTime; laterStartMs: number | null } {
  const r = resolveWallTime(zone, wallMs);
  if (r.status === 'nonexistent')
    return { startMs: r.utcMs, wallTime: 'missing', laterStartMs: null };
  if (r.status === 'ambiguous')
    return { startMs: r.utcMs, wallTime: 'repeated', laterStartMs: r.laterMs };
  return { startMs: r.utcMs, wallTime: 'ok', laterStartMs: null };
}

/**
 * The heatmap data for one week: 7 days × (1440 / step) rows. Costs one offset timeline per
 * zone and integer arithmetic per place × cell; see bench/heatmap.ts for the figures.
 */
export function weekHeatmap(input: WeekHeatmapInput): WeekHeatmap {
  const step = checkedStep(input.stepMinutes);
  const duration = checkedDuration(input.durationMinutes ?? step);
  const organiser = checkedZone(input.organiserZone, 'organiserZone');
  const firstDay = checkedDate(input.weekStart, 'weekStart');
  const places = resolvePlaces(input.places);

  // §2.3 looks a day either side of each wall time (read as a UTC number), and the instants
  // it finds lie within ±14 h of it.
  const fromMs = firstDay - 2 * DAY;
  const toMs = firstDay + 9 * DAY + duration * MINUTE;
  const organiserClock = timelineZone(offsetTimeline(organiser, fromMs, toMs));
  const placeClocks = places.map((p) => {
    const zone = checkedZone(p.zone, 'place');
    return {
      timeline: offsetTimeline(zone, fromMs, toMs),
      byMinute: painByStartMinute(p.workingHours ?? undefined, duration),
    };
  });

  const days = Array.from({ length: 7 }, (_, d) => {
    const wall = firstDay + d * DAY;
    return { date: dateOfWall(wall), weekday: isoWeekday(wall) };
  });
  const rowCount = 1440 / step;
  const rows = Array.from({ length: rowCount }, (_, r) => ({
    wall: wallOfMinute(r * step),
    minute: r * step,
  }));

  const cells = rows.map((row) =>
    days.map((day, d): HeatmapCell => {
      const wallMs = firstDay + d * DAY + row.minute * MINUTE;
      const { startMs, wallTime, laterStartMs } = resolveCellWall(organiserClock, wallMs);
      let worstPain = -1;
      let worstPlace: number | null = null;
      const here = places.map((place, i): PlaceAtCell => {
        const clock = placeClocks[i] as (typeof placeClocks)[number];
        const offsetMinutes = timelineOffset(clock.timeline, startMs);
        const pain = intervalPain(
          clock.timeline,
          place.workingHours ?? undefined,
          startMs,
          duration,
          clock.byMinute,
        );
        if (pain > worstPain) {
          worstPain = pain;
          worstPlace = i;
        }
        return {
          localStart: formatWallFast(startMs + offsetMinutes * MINUTE),
          offsetMinutes,
          pain,
          band: comfortBand(pain),
        };
      });
      worstPain = Math.max(worstPain, 0);
      return {
        date: day.date,
        wall: row.wall,
        startMs,
        endMs: startMs + duration * MINUTE,
        wallTime,
        laterStartMs,
        worstPain,
        worstBand: comfortBand(worstPain),
        worstPlace,
        places: here,
      };
    }),
  );

  return {
    organiserZone: input.organiserZone,
    stepMinutes: step,
    durationMinutes: duration,
    places,
    days,
    rows,
    cells,
  };
}
