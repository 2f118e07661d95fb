import type { Zone } from 'luxon';
import {
  formatUtcOffset,
  formatWall,
  offsetAt,
  parseDate,
  parseWall,
  placeName,
  resolveWallTime,
  resolveZone,
  weekdayShort,
  type ResolvedZone,
  type ZoneStatus,
} from '@/lib/time/time-zone';

/**
 * The slot-fairness/1.0 ranking (docs/fairness.md). Every pain value in this module, in
 * its inputs and in its outputs, is an integer in milli-units: 0 = comfortable … 1000 =
 * dead of night (the fixtures show the same numbers divided by 1000).
 *
 * Cost model: offsets come from a per-zone timeline probed once for all slots, the time pain
 * and never-window hit are computed once per (zone, personal window, slot), and what is left
 * for every participant × slot pair is integer arithmetic on typed arrays.
 */

// ---------------------------------------------------------------------------------------------
// Inputs (fairness.md §1)

export type Vote = 'yes' | 'ifneedbe' | 'no';
export type HM = `${number}:${number}`;
/** A daily window `[start, end)` in local wall time; it may wrap midnight ("23:00"–"07:00"). */
export interface DailyWindow {
  start: HM;
  end: HM;
}

export type Slot =
  | { id: string; start: string; durationMin: number }
  | { id: string; anchor: { zone: string; wall: string }; durationMin: number }
  | { id: string; date: string; allDay: true };

export interface Participant {
  id: string;
  name?: string;
  zone: string | null;
  preferred?: DailyWindow;
  never?: DailyWindow;
  votes: Record<string, Vote>;
  overrideNever?: Record<string, true>;
}

// ---------------------------------------------------------------------------------------------
// Outputs

/** K1–K6 of fairness.md §5; pains in milli-units. K7 (start) and K8 (id) only break ties. */
export interface RankKeys {
  /** K1, higher is better. */
  canAttend: number;
  /** K2: attendees with pain ≥ 900. */
  night: number;
  /** K3: ceil(worstPain / 50). */
  worstStep: number;
  /** K4: sum of the attendees' pain. */
  totalPain: number;
  /** K5: the worst attendee's pain (0 when nobody attends). */
  worstPain: number;
  /** K6, higher is better. */
  yes: number;
}

export type ComfortBand = 'comfortable' | 'edge' | 'early-late' | 'antisocial' | 'night';

export interface PersonRef {
  id: string;
  name: string;
}

/** A participant's local view of a timed slot. */
export interface LocalInterval {
  /** Wall clock of the start and end instants, "YYYY-MM-DDTHH:mm". */
  localStart: string;
  localEnd: string;
  /** "Wed": the weekday of the local start. */
  weekday: string;
  /** Local calendar days from the start's date to the end's date (1 for 23:00–00:00). */
  dayShift: number;
  offsetStartMin: number;
  offsetEndMin: number;
  crossesMidnight: boolean;
  clockChange: boolean;
}

export type WorstFact =
  | { kind: 'all-day' }
  | { kind: 'nobody-attends' }
  /** Every attendee's pain is 0. */
  | { kind: 'no-pain' }
  /** The worst pain comes from the local time (or from a chosen never-window slot). */
  | {
      kind: 'local-time';
      participant: PersonRef;
      place: string;
      interval: LocalInterval;
      band: ComfortBand;
      pain: number;
    }
  /** The worst pain is the if-need-be vote itself (250), above the local time's pain. */
  | {
      kind: 'vote';
      participant: PersonRef;
      place: string | null;
      localTime: string | null;
      pain: number;
    };

export type WallTimeFact =
  | { kind: 'gap'; zone: string; proposed: string; movedTo: string; gapMinutes: number }
  | { kind: 'fold'; zone: string; proposed: string };

export interface SlotExplanation {
  slot: { kind: 'timed'; startMs: number; endMs: number } | { kind: 'all-day'; date: string };
  attendance: {
    canAttend: number;
    participants: number;
    yes: number;
    ifNeedBe: number;
    no: number;
    noVote: number;
  };
  worst: WorstFact;
  /** Attendees whose local time has some pain (h > 0). */
  outsideWorkingHours: number;
  night: PersonRef[];
  /** Yes/if-need-be votes that fell into the voter's never window and so count as no. */
  neverWindow: { participant: PersonRef; localTime: string; place: string }[];
  neverOverridden: PersonRef[];
  /** Places (deduplicated, participant order) of attendees for whom the slot crosses local midnight. */
  crossesMidnight: string[];
  clockChange: string[];
  noZone: PersonRef[];
  fixedOffset: PersonRef[];
  wallTime: WallTimeFact | null;
}

export interface ParticipantScore {
  id: string;
  name: string;
  zone: string | null;
  zoneStatus: ZoneStatus;
  /** Null for unknown/invalid zones and for all-day options (a floating date has no local interval). */
  place: string | null;
  local: LocalInterval | null;
  /** Null = has not voted yet. */
  vote: Vote | null;
  effectiveVote: Vote | null;
  never: 'clear' | 'counted-as-no' | 'overridden';
  /** h_i: null when the zone is unknown, 0 for all-day options; computed for every vote. */
  timePain: number | null;
  /** p_i: null when the participant does not attend. */
  pain: number | null;
}

export interface RankedOption {
  readonly id: string;
  /** 1 = best. */
  readonly rank: number;
  readonly keys: RankKeys;
  readonly explanation: SlotExplanation;
  /** The English rendering of `explanation` (fairness.md §6). */
  readonly summary: string;
  readonly participants: ParticipantScore[];
}

// ---------------------------------------------------------------------------------------------
// Discomfort curve (fairness.md §3)

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
/**
 * Curve positions are kept in half-milliseconds: a personal window maps the default knots to
 * `pe + (k − 17:00) · L / 960` minutes, which is always a whole number of half-milliseconds,
 * so interpolation and half-up rounding stay exact integer arithmetic.
 */
const UNITS_PER_MS = 2;
const UNITS_PER_MINUTE = MINUTE * UNITS_PER_MS;
const DAY_UNITS = DAY * UNITS_PER_MS;

const NIGHT_PAIN = 900;
const IF_NEED_BE_PAIN = 250;
const PAIN_STEP = 50;

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
interface Curve {
  key: string;
  x: number[];
  y: number[];
  max: number;
}

const ZERO_CURVE: Curve = { key: 'zero', x: [-DAY_UNITS, 3 * DAY_UNITS], y: [0, 0], max: 0 };

function minutesOf(hm: string, allow24: boolean): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hm);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return null;
  if (h === 24 && min === 0 && allow24) return 1440;
  return h > 23 ? null : h * 60 + min;
}

/** a mod n in [0, n). Floor division instead of `%`, which is a slow fmod on doubles. */
function mod(a: number, n: number): number {
  return a - Math.floor(a / n) * n;
}

const curveCache = new Map<string, Curve>();

/** The personal curve c_i of §3.2; C0 for a missing or unparseable window. */
function curveFor(preferred: DailyWindow | undefined): Curve {
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
function peakPain(curve: Curve, a: number, b: number): number {
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

export function comfortBand(pain: number): ComfortBand {
  if (pain < 50) return 'comfortable';
  if (pain < 300) return 'edge';
  if (pain < 600) return 'early-late';
  if (pain < NIGHT_PAIN) return 'antisocial';
  return 'night';
}

// ---------------------------------------------------------------------------------------------
// Never window (§3.4)

interface NeverWindow {
  startMs: number;
  lengthMs: number;
}

function neverWindowOf(window: DailyWindow | undefined): NeverWindow | null {
  if (!window) return null;
  const start = minutesOf(window.start, false);
  const end = minutesOf(window.end, true);
  if (start === null || end === null) return null;
  let length = mod(end - start, 1440);
  if (length === 0) {
    if (start !== 0 || end !== 1440) return null;
    length = 1440;
  }
  return { startMs: start * MINUTE, lengthMs: length * MINUTE };
}

/** Whether wall interval [a, b) meets a daily copy of the window; both are half-open. */
function hitsNever(w: NeverWindow, a: number, b: number): boolean {
  const sinceOpen = mod(a - w.startMs, DAY);
  return sinceOpen < w.lengthMs || a - sinceOpen + DAY < b;
}

// ---------------------------------------------------------------------------------------------
// Slots

interface NormalSlot {
  id: string;
  allDay: boolean;
  /** K7: the instant, or the floating date at 00:00Z. */
  startMs: number;
  endMs: number;
  date: string | null;
  wallTime: WallTimeFact | null;
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/i;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** ISO instant with Z or an offset; a bare local time would be read in the server's zone, so it is refused. */
function parseInstant(iso: string): number | null {
  const m = INSTANT.exec(iso);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59 || Number(m[11] ?? 0) > 59) return null;
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const offset = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * MINUTE;
}

function checkedDuration(slot: { id: string; durationMin: number }): number {
  const d = slot.durationMin;
  if (!Number.isInteger(d) || d < 1 || d > 1440) {
    throw new RangeError(
      `slot ${slot.id}: durationMin must be an integer from 1 to 1440, got ${d}`,
    );
  }
  return d * MINUTE;
}

function normaliseSlot(slot: Slot): NormalSlot {
  if ('allDay' in slot) {
    const day = parseDate(slot.date);
    if (day === null) throw new RangeError(`slot ${slot.id}: not a date: ${slot.date}`);
    return {
      id: slot.id,
      allDay: true,
      startMs: day,
      endMs: day + DAY,
      date: slot.date,
      wallTime: null,
    };
  }
  const duration = checkedDuration(slot);
  if ('anchor' in slot) {
    const zone = resolveZone(slot.anchor.zone);
    const wall = parseWall(slot.anchor.wall);
    if (zone.zone === null)
      throw new RangeError(`slot ${slot.id}: unusable zone ${slot.anchor.zone}`);
    if (wall === null)
      throw new RangeError(`slot ${slot.id}: not a wall time: ${slot.anchor.wall}`);
    const resolved = resolveWallTime(zone.zone, wall);
    const start = resolved.utcMs;
    let wallTime: WallTimeFact | null = null;
    if (resolved.status === 'nonexistent') {
      const movedTo = formatWall(start + offsetAt(zone.zone, start) * MINUTE).slice(11);
      wallTime = {
        kind: 'gap',
        zone: slot.anchor.zone,
        proposed: slot.anchor.wall,
        movedTo,
        gapMinutes: resolved.gapMinutes,
      };
    } else if (resolved.status === 'ambiguous') {
      wallTime = { kind: 'fold', zone: slot.anchor.zone, proposed: slot.anchor.wall };
    }
    return {
      id: slot.id,
      allDay: false,
      startMs: start,
      endMs: start + duration,
      date: null,
      wallTime,
    };
  }
  const start = parseInstant(slot.start);
  if (start === null)
    throw new RangeError(`slot ${slot.id}: not an ISO instant with an offset: ${slot.start}`);
  return {
    id: slot.id,
    allDay: false,
    startMs: start,
    endMs: start + duration,
    date: null,
    wallTime: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Offsets: one timeline per zone, shared by every slot

/**
 * Probe step of the offset timeline. luxon computes an offset through Intl in ~3.5 µs, so
 * probing every hour of a week in 40 zones would alone cost ~25 ms. Probing every 3 days and
 * bisecting to the millisecond finds the same transitions as §2.2's hourly probe whenever a
 * zone does not change its offset twice within 72 h. An hourly scan of all 418 canonical
 * zones of tzdata 2025c over 1970–2100 found the closest pair of changes 167 h apart
 * (Brazil 2000; Gaza and Hebron 2040), so over that range the two probes agree for every zone.
 */
const PROBE_STEP = 3 * DAY;

/** Offsets known at `at[k]` and after, up to the next entry; entries strictly inside a slot are transitions. */
interface Timeline {
  at: number[];
  offset: number[];
}

/** The merged instants the slots cover, so a week of contiguous slots is one probe run. */
function coverage(slots: readonly NormalSlot[]): [number, number][] {
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

function probeTimeline(zone: Zone, ranges: readonly [number, number][]): Timeline {
  const timeline: Timeline = { at: [], offset: [] };
  for (const [from, to] of ranges) {
    let t = from;
    let offset = offsetAt(zone, from);
    timeline.at.push(from);
    timeline.offset.push(offset);
    if (zone.isUniversal) continue;
    while (t < to) {
      const next = Math.min(t + PROBE_STEP, to);
      if (offsetAt(zone, next) === offset) {
        t = next;
        continue;
      }
      t = firstChange(zone, t, next, offset);
      offset = offsetAt(zone, t);
      timeline.at.push(t);
      timeline.offset.push(offset);
    }
  }
  return timeline;
}

/**
 * The first millisecond in (lo, hi] whose offset is not `offset`, given off(lo) = offset ≠
 * off(hi). Bisects on whole minutes first, where tzdata puts its changes, and checks that
 * minute before falling back to millisecond steps: about 12 offset look-ups instead of 27.
 */
function firstChange(zone: Zone, lo: number, hi: number, offset: number): number {
  while (hi - lo > MINUTE) {
    let mid = Math.floor((lo + hi) / 2 / MINUTE) * MINUTE;
    if (mid <= lo) mid += MINUTE;
    if (offsetAt(zone, mid) === offset) lo = mid;
    else hi = mid;
  }
  if (hi % MINUTE === 0 && hi - 1 > lo && offsetAt(zone, hi - 1) === offset) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid) === offset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Index of the last entry at or before `ms`. */
function entryAt(timeline: Timeline, ms: number): number {
  const { at } = timeline;
  let lo = 0;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((at[mid] as number) <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Per zone, per slot: the offset at the start and the transitions inside the slot. */
interface ZoneLocalisation {
  timeline: Timeline;
  offsetStart: Float64Array;
  /** Timeline entries firstInside..lastInside-1 are the transitions t with start < t < end. */
  firstInside: Int32Array;
  lastInside: Int32Array;
}

function localiseZone(timeline: Timeline, slots: readonly NormalSlot[]): ZoneLocalisation {
  const n = slots.length;
  const loc: ZoneLocalisation = {
    timeline,
    offsetStart: new Float64Array(n),
    firstInside: new Int32Array(n),
    lastInside: new Int32Array(n),
  };
  for (let s = 0; s < n; s++) {
    const slot = slots[s] as NormalSlot;
    if (slot.allDay) continue;
    const atStart = entryAt(timeline, slot.startMs);
    loc.offsetStart[s] = timeline.offset[atStart] as number;
    loc.firstInside[s] = atStart + 1;
    loc.lastInside[s] = entryAt(timeline, slot.endMs - 1) + 1;
  }
  return loc;
}

/** Calls `visit(a, b)` for each wall-clock segment [a, b] of slot s, cut at the transitions inside it (§2.2). */
function forEachSegment(
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

function localInterval(loc: ZoneLocalisation, slot: NormalSlot, s: number): LocalInterval {
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

// ---------------------------------------------------------------------------------------------
// Participants

interface Person {
  source: Participant;
  name: string;
  zone: ResolvedZone;
  /** Index into the localisations; −1 when the zone is unknown or invalid. */
  localisation: number;
  /** Row of the cell table; row 0 (no pain, no never window) serves unknown zones. */
  cellRow: number;
  /**
   * overrideNever as one flag per slot, null when no slot can hit the never window. Each
   * participant's override record has its own shape, so reading it by key in the pair loop
   * would be a megamorphic look-up (~100 ns) for every never-window hit.
   */
  overrides: Uint8Array | null;
}

/** `UTC±hh:mm` for fixed offsets, `UTC` and `Etc/*` (§6), the city otherwise. */
function placeOf(zone: ResolvedZone, offsetMin: number): string | null {
  if (zone.status === 'iana' && zone.id !== 'UTC' && !zone.id.startsWith('Etc/'))
    return placeName(zone.id);
  return zone.status === 'iana' || zone.status === 'fixed'
    ? `UTC${formatUtcOffset(offsetMin)}`
    : null;
}

// ---------------------------------------------------------------------------------------------
// Ranking

interface Scoring {
  slots: NormalSlot[];
  people: Person[];
  localisations: ZoneLocalisation[];
  /**
   * One row per distinct (local clock, working hours, never window), one cell per slot: the
   * time pain h, or −1 − h when the slot hits the never window. Row-major: cells[row · slots + s].
   */
  cells: Int16Array;
}

function prepare(slotsIn: readonly Slot[], participants: readonly Participant[]): Scoring {
  const slots = slotsIn.map(normaliseSlot);
  const seen = new Set<string>();
  for (const s of slots) {
    if (seen.has(s.id)) throw new RangeError(`duplicate slot id ${s.id}`);
    seen.add(s.id);
  }
  const ranges = coverage(slots);
  const n = slots.length;

  // Zones whose offsets agree over the poll (Paris and Berlin, links such as Asia/Calcutta)
  // share one localisation, and so one row of pains.
  const byZone = new Map<string, number>();
  const bySignature = new Map<string, number>();
  const localisations: ZoneLocalisation[] = [];
  const localisationOf = (zoneId: string, zone: Zone): number => {
    const known = byZone.get(zoneId);
    if (known !== undefined) return known;
    const timeline = probeTimeline(zone, ranges);
    const signature = `${timeline.at.join(',')}|${timeline.offset.join(',')}`;
    let index = bySignature.get(signature);
    if (index === undefined) {
      index = localisations.length;
      bySignature.set(signature, index);
      localisations.push(localiseZone(timeline, slots));
    }
    byZone.set(zoneId, index);
    return index;
  };

  const slotIndex = new Map(slots.map((slot, s) => [slot.id, s]));
  const painRows = new Map<string, Int16Array>();
  const neverRows = new Map<string, Uint8Array>();
  const cellRows = new Map<string, number>();
  const rows: { pains: Int16Array; hits: Uint8Array | undefined }[] = [
    { pains: new Int16Array(n), hits: undefined },
  ];
  const peakMemo = new Map<string, Int16Array>();

  /** The cell row of a (zone, working hours, never window) combination, built on first use. */
  const cellRowOf = (li: number, curve: Curve, never: NeverWindow | null): number => {
    const loc = localisations[li] as ZoneLocalisation;
    const painKey = `${li}|${curve.key}`;
    const neverKey = never ? `${li}|${never.startMs}|${never.lengthMs}` : '';
    const cellKey = `${painKey}|${neverKey}`;
    const known = cellRows.get(cellKey);
    if (known !== undefined) return known;
    let pains = painRows.get(painKey);
    if (!pains) {
      pains = timePainRow(loc, slots, curve, peakMemo);
      painRows.set(painKey, pains);
    }
    let hits = never ? neverRows.get(neverKey) : undefined;
    if (never && !hits) {
      hits = neverHitRow(loc, slots, never);
      neverRows.set(neverKey, hits);
    }
    cellRows.set(cellKey, rows.length);
    return rows.push({ pains, hits }) - 1;
  };

  // Most participants share their zone and windows with others: resolve each combination once.
  const profiles = new Map<
    string,
    Omit<Person, 'source' | 'name' | 'overrides'> & { hasNever: boolean }
  >();
  const people = participants.map((p): Person => {
    const zoneKey = p.zone ?? '\u0001';
    const profileKey =
      p.preferred || p.never
        ? `${zoneKey}\u0000${p.preferred?.start}-${p.preferred?.end}\u0000${p.never?.start}-${p.never?.end}`
        : zoneKey;
    let profile = profiles.get(profileKey);
    if (!profile) {
      const zone = resolveZone(p.zone);
      const never = neverWindowOf(p.never);
      if (zone.zone === null) {
        profile = { zone, localisation: -1, cellRow: 0, hasNever: false };
      } else {
        const li = localisationOf(zone.id, zone.zone);
        profile = {
          zone,
          localisation: li,
          cellRow: cellRowOf(li, curveFor(p.preferred), never),
          hasNever: never !== null,
        };
      }
      profiles.set(profileKey, profile);
    }
    return {
      source: p,
      name: p.name ?? p.id,
      zone: profile.zone,
      localisation: profile.localisation,
      cellRow: profile.cellRow,
      overrides: profile.hasNever ? overrideFlags(p, slotIndex) : null,
    };
  });

  const cells = new Int16Array(rows.length * n);
  rows.forEach(({ pains, hits }, r) => {
    for (let s = 0; s < n; s++) {
      const h = pains[s] as number;
      cells[r * n + s] = hits?.[s] === 1 ? -1 - h : h;
    }
  });
  return { slots, people, localisations, cells };
}

function overrideFlags(p: Participant, slotIndex: ReadonlyMap<string, number>): Uint8Array | null {
  if (!p.overrideNever) return null;
  const flags = new Uint8Array(slotIndex.size);
  for (const [id, value] of Object.entries(p.overrideNever)) {
    const s = slotIndex.get(id);
    if (s !== undefined && value === true) flags[s] = 1;
  }
  return flags;
}

/**
 * h for every slot of one (zone, working hours) row. A slot without a clock change inside
 * depends only on its local start minute and duration, so a week of slots repeats the same
 * values: those are computed once per (curve, duration) in `memo`.
 */
function timePainRow(
  loc: ZoneLocalisation,
  slots: readonly NormalSlot[],
  curve: Curve,
  memo: Map<string, Int16Array>,
): Int16Array {
  const row = new Int16Array(slots.length);
  if (curve.max === 0) return row;
  let memoDuration = -1;
  let byMinute: Int16Array = new Int16Array(0);
  slots.forEach((slot, s) => {
    if (slot.allDay) return;
    const startWall = slot.startMs + (loc.offsetStart[s] as number) * MINUTE;
    if (loc.firstInside[s] === loc.lastInside[s] && Number.isInteger(startWall / MINUTE)) {
      const durationMin = (slot.endMs - slot.startMs) / MINUTE;
      if (durationMin !== memoDuration) {
        const memoKey = `${curve.key}/${durationMin}`;
        byMinute = memo.get(memoKey) ?? Int16Array.from({ length: 1440 }, () => -1);
        memo.set(memoKey, byMinute);
        memoDuration = durationMin;
      }
      const minute = mod(startWall / MINUTE, 1440);
      let h = byMinute[minute] as number;
      if (h < 0) {
        h = peakPain(
          curve,
          startWall * UNITS_PER_MS,
          (startWall + durationMin * MINUTE) * UNITS_PER_MS,
        );
        byMinute[minute] = h;
      }
      row[s] = h;
      return;
    }
    let peak = 0;
    forEachSegment(loc, slot, s, (a, b) => {
      peak = Math.max(peak, peakPain(curve, a * UNITS_PER_MS, b * UNITS_PER_MS));
    });
    row[s] = peak;
  });
  return row;
}

function neverHitRow(
  loc: ZoneLocalisation,
  slots: readonly NormalSlot[],
  never: NeverWindow,
): Uint8Array {
  const row = new Uint8Array(slots.length);
  slots.forEach((slot, s) => {
    if (slot.allDay) return;
    let hit = false;
    if (loc.firstInside[s] === loc.lastInside[s]) {
      const off = (loc.offsetStart[s] as number) * MINUTE;
      hit = hitsNever(never, slot.startMs + off, slot.endMs + off);
    } else {
      forEachSegment(loc, slot, s, (a, b) => {
        hit ||= hitsNever(never, a, b);
      });
    }
    row[s] = hit ? 1 : 0;
  });
  return row;
}

interface Totals {
  attend: Int32Array;
  yes: Int32Array;
  night: Int32Array;
  total: Float64Array;
  /** −1 when nobody attends. */
  worst: Int32Array;
  worstWho: Int32Array;
}

/**
 * The participant × slot pass: one table look-up and integer arithmetic per pair. It runs
 * participant by participant because reading `votes[slotId]` dominates the cost, and one
 * participant's votes stay in cache while all slots are read.
 */
function tally(sc: Scoring): Totals {
  const n = sc.slots.length;
  const ids = sc.slots.map((slot) => slot.id);
  const t: Totals = {
    attend: new Int32Array(n),
    yes: new Int32Array(n),
    night: new Int32Array(n),
    total: new Float64Array(n),
    worst: new Int32Array(n).fill(-1),
    worstWho: new Int32Array(n).fill(-1),
  };
  const { attend, yes, night, total, worst, worstWho } = t;
  const { cells } = sc;
  // Participants are visited in id order, so among equal worst pains the smaller id is kept.
  const byId = sc.people
    .map((_, i) => i)
    .sort((a, b) => compareIds(sc.people[a]?.source.id, sc.people[b]?.source.id));

  for (const i of byId) {
    const person = sc.people[i] as Person;
    const votes = person.source.votes;
    const overrides = person.overrides;
    const base = person.cellRow * n;
    for (let s = 0; s < n; s++) {
      const vote = votes[ids[s] as string];
      if (vote !== 'yes' && vote !== 'ifneedbe') continue;
      let h = cells[base + s] as number;
      let floor = 0;
      if (h < 0) {
        if (overrides?.[s] !== 1) continue;
        h = -1 - h;
        floor = NIGHT_PAIN;
      }
      let p = vote === 'yes' || h > IF_NEED_BE_PAIN ? h : IF_NEED_BE_PAIN;
      if (p < floor) p = floor;
      attend[s] = (attend[s] as number) + 1;
      if (vote === 'yes') yes[s] = (yes[s] as number) + 1;
      if (p >= NIGHT_PAIN) night[s] = (night[s] as number) + 1;
      total[s] = (total[s] as number) + p;
      if (p > (worst[s] as number)) {
        worst[s] = p;
        worstWho[s] = i;
      }
    }
  }
  return t;
}

function compareIds(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  return (a ?? '') < (b ?? '') ? -1 : 1;
}

/**
 * Ranks the slots best first by K = (−attendees, #night, ceil(worst/50), total, worst, −#yes,
 * start, id). Pure: no clock, no environment. `explanation`, `summary` and `participants` are
 * computed on first access (a 1000 × 672 poll would otherwise build 672 000 rows nobody
 * reads); they read the inputs then, so do not mutate the inputs before reading them.
 */
export function rankOptions(input: {
  slots: readonly Slot[];
  participants: readonly Participant[];
}): RankedOption[] {
  const sc = prepare(input.slots, input.participants);
  const t = tally(sc);
  const keys = sc.slots.map((_, s): RankKeys => {
    const worstPain = Math.max(0, t.worst[s] as number);
    return {
      canAttend: t.attend[s] as number,
      night: t.night[s] as number,
      worstStep: Math.ceil(worstPain / PAIN_STEP),
      totalPain: t.total[s] as number,
      worstPain,
      yes: t.yes[s] as number,
    };
  });
  const order = sc.slots.map((_, s) => s).sort((a, b) => compareSlots(sc, keys, a, b));
  return order.map((s, position) => rankedOption(sc, t, keys[s] as RankKeys, s, position + 1));
}

function compareSlots(sc: Scoring, keys: readonly RankKeys[], a: number, b: number): number {
  const ka = keys[a] as RankKeys;
  const kb = keys[b] as RankKeys;
  const sa = sc.slots[a] as NormalSlot;
  const sb = sc.slots[b] as NormalSlot;
  return (
    kb.canAttend - ka.canAttend ||
    ka.night - kb.night ||
    ka.worstStep - kb.worstStep ||
    ka.totalPain - kb.totalPain ||
    ka.worstPain - kb.worstPain ||
    kb.yes - ka.yes ||
    sa.startMs - sb.startMs ||
    compareIds(sa.id, sb.id)
  );
}

function rankedOption(
  sc: Scoring,
  t: Totals,
  keys: RankKeys,
  s: number,
  rank: number,
): RankedOption {
  const slot = sc.slots[s] as NormalSlot;
  let rows: ParticipantScore[] | undefined;
  let explanation: SlotExplanation | undefined;
  let summary: string | undefined;
  const scored = () => (rows ??= scoreParticipants(sc, s));
  const explained = () => (explanation ??= explainSlot(sc, t, s, scored()));
  return {
    id: slot.id,
    rank,
    keys,
    get explanation() {
      return explained();
    },
    get summary() {
      return (summary ??= renderSummary(explained()));
    },
    get participants() {
      return scored();
    },
  };
}

/** Every participant's view of slot s; the local interval and place are computed once per zone. */
function scoreParticipants(sc: Scoring, s: number): ParticipantScore[] {
  const slot = sc.slots[s] as NormalSlot;
  const perZone = new Map<string, { local: LocalInterval; place: string | null }>();
  return sc.people.map((person): ParticipantScore => {
    const raw = person.source.votes[slot.id];
    const vote: Vote | null = raw === 'yes' || raw === 'ifneedbe' || raw === 'no' ? raw : null;
    const loc = slot.allDay ? undefined : sc.localisations[person.localisation];
    let view: { local: LocalInterval; place: string | null } | undefined;
    if (loc && person.zone.id !== null) {
      view = perZone.get(person.zone.id);
      if (!view) {
        const local = localInterval(loc, slot, s);
        view = { local, place: placeOf(person.zone, local.offsetStartMin) };
        perZone.set(person.zone.id, view);
      }
    }
    const cell = sc.cells[person.cellRow * sc.slots.length + s] as number;
    const hit = cell < 0;
    const timePain = slot.allDay ? 0 : view ? (hit ? -1 - cell : cell) : null;
    const attending = vote === 'yes' || vote === 'ifneedbe';
    const overridden = hit && attending && person.overrides?.[s] === 1;
    const never = hit && attending ? (overridden ? 'overridden' : 'counted-as-no') : 'clear';
    const effectiveVote = never === 'counted-as-no' ? 'no' : vote;
    let pain: number | null = null;
    if (effectiveVote === 'yes' || effectiveVote === 'ifneedbe') {
      const votePain = effectiveVote === 'ifneedbe' ? IF_NEED_BE_PAIN : 0;
      pain = Math.max(timePain ?? 0, votePain, overridden ? NIGHT_PAIN : 0);
    }
    return {
      id: person.source.id,
      name: person.name,
      zone: person.source.zone,
      zoneStatus: person.zone.status,
      place: view?.place ?? null,
      local: view?.local ?? null,
      vote,
      effectiveVote,
      never,
      timePain,
      pain,
    };
  });
}

function explainSlot(
  sc: Scoring,
  t: Totals,
  s: number,
  rows: readonly ParticipantScore[],
): SlotExplanation {
  const slot = sc.slots[s] as NormalSlot;
  const attendees = rows.filter((r) => r.pain !== null);
  const ref = (r: ParticipantScore): PersonRef => ({ id: r.id, name: r.name });
  const places = (keep: (r: ParticipantScore) => boolean) => [
    ...new Set(attendees.filter((r) => r.local !== null && keep(r)).map((r) => r.place as string)),
  ];
  const count = (vote: Vote | null) => rows.filter((r) => r.effectiveVote === vote).length;
  const yes = count('yes');
  const canAttend = attendees.length;
  const no = count('no');
  return {
    slot: slot.allDay
      ? { kind: 'all-day', date: slot.date as string }
      : { kind: 'timed', startMs: slot.startMs, endMs: slot.endMs },
    attendance: {
      canAttend,
      participants: rows.length,
      yes,
      ifNeedBe: canAttend - yes,
      no,
      noVote: rows.length - canAttend - no,
    },
    worst: worstFact(slot, rows[t.worstWho[s] as number], t.worst[s] as number),
    outsideWorkingHours: slot.allDay ? 0 : attendees.filter((r) => (r.timePain ?? 0) > 0).length,
    night: attendees.filter((r) => (r.pain as number) >= NIGHT_PAIN).map(ref),
    neverWindow: rows
      .filter((r) => r.never === 'counted-as-no')
      .map((r) => ({
        participant: ref(r),
        localTime: (r.local as LocalInterval).localStart.slice(11),
        place: r.place as string,
      })),
    neverOverridden: rows.filter((r) => r.never === 'overridden').map(ref),
    crossesMidnight: places((r) => (r.local as LocalInterval).crossesMidnight),
    clockChange: places((r) => (r.local as LocalInterval).clockChange),
    noZone: slot.allDay
      ? []
      : attendees.filter((r) => r.zoneStatus === 'unknown' || r.zoneStatus === 'invalid').map(ref),
    fixedOffset: slot.allDay ? [] : attendees.filter((r) => r.zoneStatus === 'fixed').map(ref),
    wallTime: slot.wallTime,
  };
}

function worstFact(slot: NormalSlot, row: ParticipantScore | undefined, pain: number): WorstFact {
  if (slot.allDay) return { kind: 'all-day' };
  if (!row) return { kind: 'nobody-attends' };
  if (pain <= 0) return { kind: 'no-pain' };
  const participant = { id: row.id, name: row.name };
  const fromVote =
    row.effectiveVote === 'ifneedbe' &&
    IF_NEED_BE_PAIN > (row.timePain ?? 0) &&
    pain === IF_NEED_BE_PAIN;
  if (fromVote || !row.local) {
    return {
      kind: 'vote',
      participant,
      place: row.place,
      localTime: row.local ? row.local.localStart.slice(11) : null,
      pain,
    };
  }
  return {
    kind: 'local-time',
    participant,
    place: row.place as string,
    interval: row.local,
    band: comfortBand(pain),
    pain,
  };
}

// ---------------------------------------------------------------------------------------------
// English rendering (§6)

const BAND_LABEL: Record<ComfortBand, string> = {
  comfortable: 'comfortable',
  edge: 'edge of day',
  'early-late': 'early/late',
  antisocial: 'antisocial',
  night: 'night',
};

/** Milli-pain as "0.33": two decimals, half-up on the integer, so 175 reads 0.18 in every language. */
function formatPain(pain: number): string {
  const hundredths = Math.floor((pain + 5) / 10);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

function names(people: readonly PersonRef[]): string {
  return people.map((p) => p.name).join(', ');
}

/** The English rendering of §6; other languages render the same facts through the catalogue. */
export function renderSummary(x: SlotExplanation): string {
  const a = x.attendance;
  let counts = `${a.yes} yes, ${a.ifNeedBe} if-need-be`;
  if (a.no > 0) counts += `, ${a.no} no`;
  if (a.noVote > 0) counts += `, ${a.noVote} no vote`;
  const parts = [`${a.canAttend}/${a.participants} can attend (${counts})`];
  const w = x.worst;
  if (w.kind === 'all-day') parts.push('all-day option: local time-of-day not scored');
  else if (w.kind === 'no-pain') parts.push('everyone within their working hours');
  else if (w.kind === 'vote') {
    const where =
      w.localTime !== null && w.place !== null ? ` at ${w.localTime} in ${w.place}` : '';
    parts.push(
      `worst: ${w.participant.name} voted if-need-be${where} (pain ${formatPain(w.pain)})`,
    );
  } else if (w.kind === 'local-time') {
    const i = w.interval;
    const shift = i.dayShift > 0 ? `(+${i.dayShift}d)` : '';
    parts.push(
      `worst: ${i.weekday} ${i.localStart.slice(11)}-${i.localEnd.slice(11)}${shift} in ${w.place} ` +
        `(${w.participant.name}, UTC${formatUtcOffset(i.offsetStartMin)}; ${BAND_LABEL[w.band]}, pain ${formatPain(w.pain)})`,
    );
  }
  if (x.outsideWorkingHours > 0)
    parts.push(`${x.outsideWorkingHours} of ${a.canAttend} outside their working hours`);
  if (x.night.length > 0) parts.push(`night for ${names(x.night)}`);
  for (const n of x.neverWindow)
    parts.push(`never-window: ${n.participant.name} (${n.localTime} ${n.place}) counted as no`);
  if (x.neverOverridden.length > 0)
    parts.push(`inside own never-window by choice: ${names(x.neverOverridden)}`);
  if (x.crossesMidnight.length > 0)
    parts.push(`crosses local midnight for ${x.crossesMidnight.join(', ')}`);
  if (x.clockChange.length > 0)
    parts.push(`clock change during the slot in ${x.clockChange.join(', ')}`);
  if (x.noZone.length > 0) parts.push(`no time zone for ${names(x.noZone)}: local time not scored`);
  if (x.fixedOffset.length > 0)
    parts.push(`fixed UTC offset (DST not modelled) for ${names(x.fixedOffset)}`);
  if (x.wallTime?.kind === 'gap')
    parts.push(
      `proposed wall time did not exist (clock change); moved forward to ${x.wallTime.movedTo}`,
    );
  if (x.wallTime?.kind === 'fold')
    parts.push('proposed wall time occurred twice (clock change); first occurrence used');
  return parts.join('; ');
}
