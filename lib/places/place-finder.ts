import raw from '@/lib/places/data/place-index.json';
import { placeLabel } from '@/lib/places/place-label';
import { parsePlaceIndex, searchPlaces, type PlaceSuggestion } from '@/lib/places/place-search';

/**
 * The city search with its data, as one module for the zone field to import() when it is
 * first used: the 26,000 cities (about 340 kB gzip) never reach a page's first load.
 */
const index = parsePlaceIndex(raw);

export function findPlaces(query: string, limit?: number): PlaceSuggestion[] {
  return searchPlaces(index, query, limit);
}

/** placeLabel for the suggestions: its CLDR names (about 5 kB gzip) load with the search. */
export function suggestionLabel(zone: string, locale: string): string {
  return placeLabel(zone, locale);
}
