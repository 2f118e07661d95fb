import { rankOptions } from '@/lib/fairness/rank';
import { renderSummary } from '@/lib/fairness/explain';
import { comfortBand } from '@/lib/fairness/curve';
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
import {
  checkedDate,
  checkedDuration,
  checkedStep,
  checkedZone,
  dateOfWall,
  isoWeekday,
  resolveCellWall,
  resolvePlaces,
  wallOfMinute,
  type CellWallTime,
  type HeatmapStep,
  type PlaceInput,
  type ResolvedPlace,
} from '@/lib/finder/heatmap';
import { formatWall } from '@/lib/time/time-zone';
import { offsetTimeline, timelineZone } from '@/lib/time/zone-timeline';

/**
 * "Suggest" on the poll-creation page: the fairest slots of a week.
 *
 * Headcount: a place with n people becomes n identical participants. That is the engine's
 * own model (fairness.md §5: fairness is per person): K2 counts people at night, K4 weighs
 * each place's pain by its people, and K3 (the worst-off person) is unchanged, so a large
 * office never buys a lone colleague's 2 a.m. Scaling pains instead would have changed K3.
 */

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
/** Repeating people costs the engine participants × slots; past this a poll is not a meeting. */
const MAX_PEOPLE = 5000;

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
          : { id, startMs: cell.startMs, durationMin: duration },
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
