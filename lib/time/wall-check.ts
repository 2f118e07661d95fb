import { formatUtcOffset, parseWall, resolveWallTime, resolveZone } from '@/lib/time/time-zone';

/**
 * What the create form says about a wall time in the organiser's zone: it exists, it falls
 * in a spring-forward gap (refused), or it happens twice at a fall-back (the earlier one is
 * used; both offsets are shown).
 */
export type WallCheck =
  { status: 'ok' } | { status: 'gap' } | { status: 'fold'; used: string; other: string };

/** An unknown zone or a malformed wall time is not this check's to refuse: it says ok. */
export function checkWall(zoneId: string, wall: string): WallCheck {
  const zone = resolveZone(zoneId).zone;
  const wallMs = parseWall(wall);
  if (!zone || wallMs === null) return { status: 'ok' };
  const r = resolveWallTime(zone, wallMs);
  if (r.status === 'nonexistent') return { status: 'gap' };
  if (r.status === 'ambiguous') {
    return {
      status: 'fold',
      used: formatUtcOffset(r.offsetEarlier),
      other: formatUtcOffset(r.offsetLater),
    };
  }
  return { status: 'ok' };
}
