import exemplars from '@/lib/places/data/zone-exemplars.json';
import { canonicalZone } from '@/lib/places/zone-aliases';

/** A place the viewer picked: the city's own name, and the zone it keeps time in. */
export interface PickedPlace {
  name: string;
  zone: string;
}

const NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = exemplars;

/**
 * The name to show for a zone or a picked place, in the viewer's language where CLDR has
 * one, always in the current spelling: "Munich" for the city picked in Europe/Berlin,
 * "Kathmandu" for Asia/Katmandu, "Calcutta" in French for Asia/Kolkata, "UTC" for UTC.
 */
export function placeLabel(place: string | PickedPlace, locale: string): string {
  if (typeof place !== 'string') return place.name;
  const zone = canonicalZone(place);
  if (zone === 'UTC' || !zone.includes('/')) return zone;
  const language = locale.slice(0, 2).toLowerCase();
  return NAMES[language]?.[zone] ?? NAMES.en?.[zone] ?? zoneCity(zone);
}

/** The city spelled in a zone's name: "America/Los_Angeles" → "Los Angeles". */
export function zoneCity(zoneId: string): string {
  return zoneId.slice(zoneId.lastIndexOf('/') + 1).replace(/_/g, ' ');
}
