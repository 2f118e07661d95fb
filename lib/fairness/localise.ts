import type { Zone } from 'luxon';
import {
  coveringTimeline,
  entryAt,
  PROBE_STEP,
  type OffsetTimeline,
} from '@/lib/time/zone-timeline';
import type { NormalSlot } from '@/lib/fairness/slot';
import type { LocalInterval } from '@/lib/fairness/model';
import {
  formatUtcOffset,
  formatWall,
  placeName,
  weekdayShort,
  type ResolvedZone,
} from '@/lib/time/time-zone';

/** A participant's local view of a slot (fairness.md §2.2): offsets, segments, wall interval. */

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

/** The merged instants the slots cover, so a week of contiguous slots is one probe run. */
export function coverage(slots: readonly NormalSlot[]): [number, number][] {
  const timed = slots.filter((s) => !s.allDay).sort((a, b) => a.startMs - b.startMs);
  const ranges: [number, number][] = [];
  let current: [number, number] | null = null;
  for (const s of timed) {
    if (current && s.startMs <= current[1] + PROBE_STEP) {
      current[1] = Math.max(current[1], s.endMs);
    } else {
      current = [s.startMs, s.endMs];
      ranges.push(current);
    }
  }
  return ranges;
}

/** Per zone, per slot: the offset at the start and the transitions inside the slot. */
export interface ZoneLocalisation {
  timeline: OffsetTimeline;
  offsetStart: Float64Array;
  /** Timeline entries firstInside..lastInside-1 are the transitions t with start < t < end. */
  firstInside: Int32Array;
  lastInside: Int32Array;
}

export function localiseZone(
  timeline: OffsetTimeline,
  slots: readonly NormalSlot[],
): ZoneLocalisation {
  const n = slots.length;
  const loc: ZoneLocalisation = {
    timeline,
    offsetStart: new Float64Array(n),
    firstInside: new Int32Array(n),
    lastInside: new Int32Array(n),
  };
  // A local copy of the import, called twice per slot: transpiled to CommonJS, an imported
  // binding is read through a module getter at every use (see tally in rank.ts).
  const entry = entryAt;
  for (let s = 0; s < n; s++) {
    const slot = slots[s] as NormalSlot;
    if (slot.allDay) continue;
    const atStart = entry(timeline, slot.startMs);
    loc.offsetStart[s] = timeline.offset[atStart] as number;
    loc.firstInside[s] = atStart + 1;
    loc.lastInside[s] = entry(timeline, slot.endMs - 1) + 1;
  }
  return loc;
}

/** Calls `visit(a, b)` for each wall-clock segment [a, b] of slot s, cut at the transitions inside it (§2.2). */
export function forEachSegment(
  loc: ZoneLocalisation,
  slot: NormalSlot,
  s: number,
  visit: (a: number, b: number) => void,
): void {
  const { at, offset } = loc.timeline;
  let from = slot.startMs;
  let off = (loc.offsetStart[s] as number) * MINUTE;
  for (let k = loc.firstInside[s] as number; k < (loc.lastInside[s] as number); k++) {
    const t = at[k] as number;
    visit(from + off, t + off);
    from = t;
    off = (offset[k] as number) * MINUTE;
  }
  visit(from + off, slot.endMs + off);
}

export function localInterval(loc: ZoneLocalisation, slot: NormalSlot, s: number): LocalInterval {
  const { timeline } = loc;
  const offsetEnd = timeline.offset[entryAt(timeline, slot.endMs)] as number;
  const offsetBeforeEnd = timeline.offset[entryAt(timeline, slot.endMs - 1)] as number;
  const startWall = slot.startMs + (loc.offsetStart[s] as number) * MINUTE;
  const endWall = slot.endMs + offsetEnd * MINUTE;
  const lastWall = slot.endMs - 1 + offsetBeforeEnd * MINUTE;
  const startDay = Math.floor(startWall / DAY);
  return {
    localStart: formatWall(startWall),
    localEnd: formatWall(endWall),
    weekday: weekdayShort(startWall),
    dayShift: Math.floor(endWall / DAY) - startDay,
    offsetStartMin: loc.offsetStart[s] as number,
    offsetEndMin: offsetEnd,
    crossesMidnight: Math.floor(lastWall / DAY) !== startDay,
    clockChange: (loc.lastInside[s] as number) > (loc.firstInside[s] as number),
  };
}

/** `UTC±hh:mm` for fixed offsets, `UTC` and `Etc/*` (§6), the city otherwise. */
export function placeOf(zone: ResolvedZone, offsetMin: number): string | null {
  if (zone.status === 'iana' && zone.id !== 'UTC' && !zone.id.startsWith('Etc/'))
    return placeName(zone.id);
  return zone.status === 'iana' || zone.status === 'fixed'
    ? `UTC${formatUtcOffset(offsetMin)}`
    : null;
}

/** One timed slot at one place's clock: what is shown, and the wall segments pain is read over. */
export interface LocalView extends LocalInterval {
  /** Wall-clock pieces [a, b] (number-line ms) of the slot, cut at every offset change inside it. */
  segments: readonly (readonly [number, number])[];
}

/**
 * Timed slots (UTC ms, half-open) at the clock of `zone`, with one offset timeline probed for
 * all of them: the engine's own localisation (fairness.md §2.2), for features that show or
 * score local times without ranking anything.
 */
export function localise(
  zone: Zone,
  spans: readonly { startMs: number; endMs: number }[],
): LocalView[] {
  const slots = spans.map((span): NormalSlot => ({
    id: '',
    allDay: false,
    ...span,
    date: null,
    wallTime: null,
  }));
  const loc = localiseZone(coveringTimeline(zone, coverage(slots)), slots);
  return slots.map((slot, s) => {
    const segments: [number, number][] = [];
    forEachSegment(loc, slot, s, (a, b) => segments.push([a, b]));
    return { ...localInterval(loc, slot, s), segments };
  });
}
