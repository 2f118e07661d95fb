import type { PickedPlace } from '@/lib/places/place-label';
import { canonicalZone } from '@/lib/places/zone-aliases';
import { resolveZone } from '@/lib/time/time-zone';

/**
 * Which zone a page shows its times in, decided once for the server's render and the
 * browser's: the zone the viewer picked wins; else the one the browser reports on this visit
 * (never a remembered detection, so a traveller's page follows them); else the poll's own.
 */

/** How the zone was found: the page says so when it is not the viewer's own city. */
export type ZoneSource = 'picked' | 'detected' | 'noCity' | 'poll';

export interface ViewerZone {
  zone: string;
  /** The city the viewer picked, named as they picked it ("Munich", in Europe/Berlin). */
  place: PickedPlace | null;
  source: ZoneSource;
}

/** Cookie names, shared by the server, the head script and the zone bar. */
export const PICKED_ZONE_COOKIE = 'kairos_zone';
export const DETECTED_ZONE_COOKIE = 'kairos_seen_zone';

/**
 * A browser's report as a city's zone: the current name of a real IANA zone with a place in
 * it; null for UTC, GMT, Etc/… and bare offsets such as "+00:00", which say nothing of where
 * the viewer is.
 */
export function cityZone(reported: string | null | undefined): string | null {
  if (!reported) return null;
  const resolved = resolveZone(canonicalZone(reported.trim()));
  if (resolved.status !== 'iana') return null;
  const id = resolved.id;
  return id === 'UTC' || id.startsWith('Etc/') || !id.includes('/') ? null : id;
}

/** The picked cookie's value: the zone, and the city's name after a bar when one was picked. */
export function encodePick(zone: string, place: PickedPlace | null): string {
  return place && place.zone === zone ? `${zone}|${place.name.replace(/\|/g, ' ')}` : zone;
}

function decodePick(value: string | undefined): { zone: string; place: PickedPlace | null } | null {
  if (!value) return null;
  const [zonePart = '', name] = value.split('|');
  const resolved = resolveZone(zonePart);
  if (resolved.status !== 'iana') return null;
  const zone = resolved.id;
  const trimmed = name?.trim().slice(0, 100);
  return { zone, place: trimmed ? { name: trimmed, zone } : null };
}

/** The zone to render in, from the two cookies' values and the poll's zone. */
export function decideViewerZone(
  picked: string | undefined,
  detected: string | undefined,
  fallbackZone: string,
): ViewerZone {
  const pick = decodePick(picked);
  if (pick) return { ...pick, source: 'picked' };
  if (detected) {
    const city = cityZone(detected);
    // A browser that reports no city still gets a page, in UTC, with the prompt to pick one.
    return city
      ? { zone: city, place: null, source: 'detected' }
      : { zone: 'UTC', place: null, source: 'noCity' };
  }
  return { zone: canonicalZone(fallbackZone), place: null, source: 'poll' };
}
