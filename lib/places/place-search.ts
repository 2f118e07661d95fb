import { foldName } from '@/lib/places/fold';
import { zoneCity } from '@/lib/places/place-label';
import { canonicalZone } from '@/lib/places/zone-aliases';

/** The shape of lib/places/data/place-index.json, as scripts/generate-places.ts writes it. */
export interface RawPlaceIndex {
  zones: string[];
  zonePopulation: string[];
  names: (string | number)[][];
  cities: string;
}

interface CityEntry {
  name: string;
  alts: string[];
  /** foldName of the name, then of each alternate name, in the same order. */
  keys: string[];
  country: string;
  zone: string;
  population: number;
}

interface ZoneEntry {
  zone: string;
  key: string;
  idKey: string;
  population: number;
}

interface NameEntry {
  name: string;
  key: string;
  zones: string[];
}

export interface PlaceIndex {
  cities: readonly CityEntry[];
  zones: readonly ZoneEntry[];
  names: readonly NameEntry[];
}

export type PlaceSuggestion =
  | {
      kind: 'city';
      name: string;
      /** The alternate name the query matched ("Bombay" for Mumbai), when not the name. */
      matched?: string;
      country: string;
      zone: string;
      population: number;
    }
  | { kind: 'zone'; zone: string; population: number }
  /** A zone's common name or abbreviation ("Eastern Time", "IST"), one suggestion per zone. */
  | { kind: 'zoneName'; name: string; zone: string; population: number };

export function parsePlaceIndex(raw: RawPlaceIndex): PlaceIndex {
  const zoneAt = (i: number | string) => raw.zones[Number(i)] ?? 'UTC';
  const cities = raw.cities.split('~').map((row): CityEntry => {
    const [name = '', alts = '', place = '', population = '0'] = row.split('|');
    const altList = alts === '' ? [] : alts.split(';');
    return {
      name,
      alts: altList,
      keys: [name, ...altList].map(foldName),
      country: place.slice(0, 2),
      zone: zoneAt(parseInt(place.slice(2), 36)),
      population: parseInt(population, 36),
    };
  });
  const zones = raw.zones.map((zone, i) => ({
    zone,
    key: foldName(zoneCity(zone)),
    idKey: zone.toLowerCase(),
    population: parseInt(raw.zonePopulation[i] ?? '0', 36),
  }));
  const names = raw.names.map(([name, ...choices]) => ({
    name: String(name),
    key: foldName(String(name)),
    zones: choices.map(zoneAt),
  }));
  return { cities, zones, names };
}

/**
 * How well a folded name answers the query: 0 when the query is the name or its first whole
 * words ("washington" for "Washington, D.C."), 1 a prefix, 2 a later word's prefix
 * ("francisco"), null no match.
 */
function tier(key: string, query: string): number | null {
  if (!key.startsWith(query)) {
    return key.includes(` ${query}`) ? 2 : null;
  }
  return key.length === query.length || key[query.length] === ' ' ? 0 : 1;
}

interface Ranked {
  /** Match quality × 3, then the kind: a city's own name, a zone's name, an alternate name. */
  tier: number;
  suggestion: PlaceSuggestion;
}

/**
 * The places a query may mean, best first: how well the name matches, then population, so
 * "boston" is Massachusetts before Lincolnshire and "IST" offers India, Israel and Ireland.
 * Cities, zone names and abbreviations, and IANA ids (old ones included) are all found.
 */
export function searchPlaces(index: PlaceIndex, query: string, limit = 8): PlaceSuggestion[] {
  const q = foldName(query);
  if (q === '') return [];
  const ranked: Ranked[] = [];

  for (const city of index.cities) {
    let best: number | null = null;
    let at = 0;
    for (let i = 0; i < city.keys.length; i++) {
      const t = tier(city.keys[i]!, q);
      if (t !== null && (best === null || t < best)) {
        best = t;
        at = i;
        if (t === 0) break;
      }
    }
    if (best === null) continue;
    ranked.push({
      tier: best * 3 + (at > 0 ? 2 : 0),
      suggestion: {
        kind: 'city',
        name: city.name,
        ...(at > 0 ? { matched: city.alts[at - 1] } : {}),
        country: city.country,
        zone: city.zone,
        population: city.population,
      },
    });
  }

  const seenZoneNames = new Set<string>();
  for (const entry of index.names) {
    const t = tier(entry.key, q);
    if (t === null || t > 1) continue;
    for (const zone of entry.zones) {
      if (seenZoneNames.has(zone)) continue;
      seenZoneNames.add(zone);
      const population = index.zones.find((z) => z.zone === zone)?.population ?? 0;
      ranked.push({
        tier: t * 3 + 1,
        suggestion: { kind: 'zoneName', name: entry.name, zone, population },
      });
    }
  }

  const typedId = query.trim().toLowerCase();
  const current = canonicalZone(query.trim()).toLowerCase();
  for (const z of index.zones) {
    const byId =
      z.idKey === current ? 0 : typedId.includes('/') && z.idKey.startsWith(typedId) ? 1 : null;
    const t = byId ?? tier(z.key, q);
    if (t === null) continue;
    ranked.push({
      tier: t * 3 + 1,
      suggestion: { kind: 'zone', zone: z.zone, population: z.population },
    });
  }

  ranked.sort((a, b) => a.tier - b.tier || b.suggestion.population - a.suggestion.population);
  const out: PlaceSuggestion[] = [];
  const cityZones = new Set<string>();
  for (const { suggestion } of ranked) {
    if (out.length >= limit) break;
    // A zone named after a city already offered would be the same choice twice.
    if (suggestion.kind === 'zone' && cityZones.has(`${suggestion.zone}|${q}`)) continue;
    if (suggestion.kind === 'city' && foldName(suggestion.name) === q) {
      cityZones.add(`${suggestion.zone}|${q}`);
    }
    out.push(suggestion);
  }
  return out;
}

/** A stable identity for a suggestion, for list keys and option ids. */
export function suggestionKey(s: PlaceSuggestion): string {
  switch (s.kind) {
    case 'city':
      return `c:${s.zone}:${s.name}:${s.country}:${s.population}`;
    case 'zone':
      return `z:${s.zone}`;
    case 'zoneName':
      return `n:${s.zone}:${s.name}`;
  }
}
