import {
  formatWall,
  offsetAt,
  parseDate,
  parseWall,
  resolveWallTime,
  resolveZone,
} from '@/lib/time/time-zone';
import type { Slot, WallTimeFact } from '@/lib/fairness/model';

/** A slot as the engine reads it (fairness.md §1, §2.3): an instant interval, or a floating date. */

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

export interface NormalSlot {
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

function checkedInstant(slot: { id: string; startMs: number }): number {
  if (!Number.isSafeInteger(slot.startMs)) {
    throw new RangeError(
      `slot ${slot.id}: startMs must be whole UTC milliseconds, got ${slot.startMs}`,
    );
  }
  return slot.startMs;
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

export function normaliseSlot(slot: Slot): NormalSlot {
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
  const start = 'startMs' in slot ? checkedInstant(slot) : parseInstant(slot.start);
  if (start === null)
    throw new RangeError(
      `slot ${slot.id}: not an ISO instant with an offset: ${'start' in slot ? slot.start : ''}`,
    );
  return {
    id: slot.id,
    allDay: false,
    startMs: start,
    endMs: start + duration,
    date: null,
    wallTime: null,
  };
}
