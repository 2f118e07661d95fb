import type { Zone } from 'luxon';
import {
  findTransitions,
  formatUtcOffset,
  formatWall,
  parseWall,
  resolveWallTime,
  resolveZone,
} from '@/lib/time/time-zone';

const DAY_MINUTES = 1440;

/**
 * A wall time in a zone as an instant, with what had to be decided on the way: it exists
 * (`ok`), it happens twice at a fall-back (`fold`: the earlier one is used, both offsets
 * named), or it falls in a spring-forward gap (`gap`: no instant; the clock readings on
 * either side, and whether the whole calendar day is skipped, as Pacific/Apia skipped
 * 30 December 2011). Every path that turns a wall time into an instant asks here.
 */
export type WallInstant =
  | { status: 'ok'; utcMs: number }
  | { status: 'fold'; utcMs: number; used: string; other: string }
  | { status: 'gap'; from: string; to: string; wholeDay: boolean };

export function wallInstant(zone: Zone, wallMs: number): WallInstant {
  const r = resolveWallTime(zone, wallMs);
  if (r.status === 'ambiguous')
    return {
      status: 'fold',
      utcMs: r.utcMs,
      used: formatUtcOffset(r.offsetEarlier),
      other: formatUtcOffset(r.offsetLater),
    };
  if (r.status !== 'nonexistent') return { status: 'ok', utcMs: r.utcMs };
  const jump = findTransitions(zone, r.earlierMs - 1, r.utcMs + 1)[0];
  return {
    status: 'gap',
    from: jump ? formatWall(jump.utcMs + jump.offsetBefore * 60_000).slice(11) : '',
    to: jump ? formatWall(jump.utcMs + jump.offsetAfter * 60_000).slice(11) : '',
    wholeDay: r.gapMinutes >= DAY_MINUTES,
  };
}

/** What the create form says about a wall time; an unknown zone or malformed time is not its to refuse. */
export type WallCheck =
  { status: 'ok' } | { status: 'gap' } | { status: 'fold'; used: string; other: string };

export function checkWall(zoneId: string, wall: string): WallCheck {
  const zone = resolveZone(zoneId).zone;
  const wallMs = parseWall(wall);
  if (!zone || wallMs === null) return { status: 'ok' };
  const r = wallInstant(zone, wallMs);
  return r.status === 'fold'
    ? { status: 'fold', used: r.used, other: r.other }
    : { status: r.status };
}
