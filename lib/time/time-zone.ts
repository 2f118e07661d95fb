import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';
import { offsetTimeline, type Transition } from '@/lib/time/zone-timeline';
import { canonicalZone } from '@/lib/places/zone-aliases';

/**
 * The time model of slot-fairness/1.0 (fairness.md §2): zone resolution, offsets per
 * instant, transitions inside a slot, wall time → instant. Everything is minute/millisecond
 * arithmetic on top of luxon's IANA offsets; nothing here reads the clock.
 */

export type ZoneStatus = 'iana' | 'fixed' | 'unknown' | 'invalid';

export type ResolvedZone =
  | { status: 'iana'; id: string; zone: Zone }
  | { status: 'fixed'; id: string; zone: Zone }
  | { status: 'unknown' | 'invalid'; id: string | null; zone: null };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const AREA_LOCATION = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)+$/;
const UTC_ALIASES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT']);
const FIXED = /^(?:UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/;

/**
 * Real zones, by the text that named them. Only zones that resolved are kept (a refused
 * name must leave nothing behind), and at most ZONE_CACHE_LIMIT of them: ICU takes any
 * letter case ("eUrOpE/rOmE"), so even real names are not a bounded set.
 */
const zoneCache = new Map<string, ResolvedZone>();
const ZONE_CACHE_LIMIT = 2048;

/** How many zone names are cached: the memory tests read it. */
export function cachedZoneCount(): number {
  return zoneCache.size;
}

/**
 * ICU accepts abbreviations such as `IST` or `BST` and maps them to surprising zones, so
 * only the Area/Location shape (plus the UTC aliases) counts as a real IANA identifier.
 */
export function resolveZone(input: string | null | undefined): ResolvedZone {
  if (input === null || input === undefined || input.trim() === '') {
    return { status: 'unknown', id: null, zone: null };
  }
  const cached = zoneCache.get(input);
  if (cached) return cached;
  const resolved = resolveUncached(input);
  if (resolved.status === 'iana') {
    if (zoneCache.size >= ZONE_CACHE_LIMIT) zoneCache.delete(zoneCache.keys().next().value ?? '');
    zoneCache.set(input, resolved);
  }
  return resolved;
}

function resolveUncached(input: string): ResolvedZone {
  const id = canonicalZone(input);
  if ((AREA_LOCATION.test(id) || UTC_ALIASES.has(id)) && IANAZone.isValidZone(id)) {
    // Not IANAZone.create: luxon would keep every spelling it was given, without a bound.
    return { status: 'iana', id, zone: new IANAZone(id) };
  }
  const fixed = FIXED.exec(input);
  if (fixed && (input.startsWith('UTC') || fixed[3] !== undefined)) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    if (minutes <= 14 * 60 && Number(fixed[3] ?? 0) < 60) {
      const signed = fixed[1] === '-' ? -minutes : minutes;
      return { status: 'fixed', id: input, zone: FixedOffsetZone.instance(signed) };
    }
  }
  return { status: 'invalid', id: input, zone: null };
}

export function isIanaZone(input: string): boolean {
  return resolveZone(input).status === 'iana';
}

/** UTC offset in minutes of `zone` at instant `ms`. */
export function offsetAt(zone: Zone, ms: number): number {
  return zone.offset(ms);
}

/** "+05:45", "-04:00", "+00:00". */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Reads "YYYY-MM-DDTHH:mm" as if it were UTC: the wall clock as a number line. */
export function parseWall(wall: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return null;
  // Date.UTC reads years 0–99 as 1900–1999; setting the year afterwards keeps "0070" as 70.
  const check = new Date(Date.UTC(2000, 0, 1, h, mi));
  check.setUTCFullYear(y, mo - 1, d);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
    return null;
  return check.getTime();
}

/** Reads "YYYY-MM-DD" as midnight UTC; null when it is not a real calendar date. */
export function parseDate(date: string): number | null {
  return parseWall(`${date}T00:00`);
}

/** Formats a wall-clock number line value back to "YYYY-MM-DDTHH:mm". */
export function formatWall(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 16);
}

export function formatDate(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const ms = parseDate(date);
  if (ms === null) throw new Error(`not a date: ${date}`);
  return formatDate(ms + days * DAY);
}

/** The local wall clock of instant `ms` in `zone`, as a number line value. */
export function wallAt(zone: Zone, ms: number): number {
  return ms + offsetAt(zone, ms) * MINUTE;
}

/** The calendar date ("YYYY-MM-DD") at instant `ms` where `zoneId` is; UTC's when the zone is unknown. */
export function localDateAt(zoneId: string, ms: number): string {
  const zone = resolveZone(zoneId).zone ?? FixedOffsetZone.utcInstance;
  return formatDate(wallAt(zone, ms));
}

/** Offset changes t with startMs < t < endMs (strict, fairness.md §2.2), from the one offset timeline. */
export function findTransitions(zone: Zone, startMs: number, endMs: number): Transition[] {
  return offsetTimeline(zone, startMs, endMs).transitions.filter((t) => t.utcMs < endMs);
}

export interface LocalSlot {
  /** Local wall clock of the start and end instants, as number line values. */
  startWall: number;
  endWall: number;
  offsetStart: number;
  offsetEnd: number;
  transitions: Transition[];
  /** Wall-clock pieces [a, b] of the slot, cut at every transition inside it. */
  segments: { startWall: number; endWall: number }[];
  crossesLocalMidnight: boolean;
}

export function localizeSlot(zone: Zone, startMs: number, durationMin: number): LocalSlot {
  const endMs = startMs + durationMin * MINUTE;
  const transitions = findTransitions(zone, startMs, endMs);
  const cuts = [startMs, ...transitions.map((t) => t.utcMs), endMs];
  const segments = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] as number;
    const b = cuts[i + 1] as number;
    const o = offsetAt(zone, a) * MINUTE;
    segments.push({ startWall: a + o, endWall: b + o });
  }
  const startWall = wallAt(zone, startMs);
  const lastWall = wallAt(zone, endMs - 1);
  return {
    startWall,
    endWall: wallAt(zone, endMs),
    offsetStart: offsetAt(zone, startMs),
    offsetEnd: offsetAt(zone, endMs),
    transitions,
    segments,
    crossesLocalMidnight: Math.floor(lastWall / DAY) !== Math.floor(startWall / DAY),
  };
}

export type WallResolution =
  | { status: 'ok'; utcMs: number }
  | { status: 'nonexistent'; utcMs: number; gapMinutes: number; earlierMs: number }
  | {
      status: 'ambiguous';
      utcMs: number;
      laterMs: number;
      offsetEarlier: number;
      offsetLater: number;
    };

/**
 * Wall time → instant as fairness.md §2.3 (RFC 5545 / Temporal "compatible"): a gap moves
 * forward by its length, a fold takes the first occurrence. luxon's own parser is not used
 * because its answer for a fold depends on today's date.
 */
export function resolveWallTime(zone: Zone, wallMs: number): WallResolution {
  const before = offsetAt(zone, wallMs - DAY);
  const after = offsetAt(zone, wallMs + DAY);
  const candidates = [...new Set([before, after])]
    .map((o) => wallMs - o * MINUTE)
    .filter((t) => wallAt(zone, t) === wallMs)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first === undefined) {
    const utcMs = wallMs - before * MINUTE;
    return {
      status: 'nonexistent',
      utcMs,
      gapMinutes: after - before,
      earlierMs: wallMs - after * MINUTE,
    };
  }
  const second = candidates[1];
  if (second !== undefined) {
    return {
      status: 'ambiguous',
      utcMs: first,
      laterMs: second,
      offsetEarlier: offsetAt(zone, first),
      offsetLater: offsetAt(zone, second),
    };
  }
  return { status: 'ok', utcMs: first };
}

/** The real extent of floating date `date` in `zone`: days last 23, 23.5, 24 or 25 hours. */
export function localDayExtent(zone: Zone, date: string): { startMs: number; endMs: number } {
  const day = parseDate(date);
  if (day === null) throw new Error(`not a date: ${date}`);
  return {
    startMs: resolveWallTime(zone, day).utcMs,
    endMs: resolveWallTime(zone, day + DAY).utcMs,
  };
}

/** Whether the offset at `ms` is above the year's standard (lower of January and July). */
export function isDaylightTime(zone: Zone, ms: number): boolean {
  const year = new Date(ms).getUTCFullYear();
  const standard = Math.min(
    offsetAt(zone, Date.UTC(year, 0, 1, 12)),
    offsetAt(zone, Date.UTC(year, 6, 1, 12)),
  );
  return offsetAt(zone, ms) > standard;
}

/** The place people recognise: the last IANA component, with the renamed cities current. */
export function placeName(zoneId: string): string {
  const current = canonicalZone(zoneId);
  if (current === 'UTC' || current.startsWith('Etc/')) return current;
  return current.slice(current.lastIndexOf('/') + 1).replace(/_/g, ' ');
}

export function weekdayShort(wallMs: number): string {
  return DateTime.fromMillis(wallMs, { zone: 'utc' }).setLocale('en-US').toFormat('ccc');
}
