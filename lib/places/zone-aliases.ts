import table from '@/lib/places/data/zone-aliases.json';

/**
 * Old zone names → current ones (Asia/Calcutta → Asia/Kolkata, America/Godthab → America/Nuuk),
 * generated from tzdata's links by scripts/generate-places.ts; see there for what is left out.
 */
const ALIASES: ReadonlyMap<string, string> = new Map(Object.entries(table));

/** The current name of a zone: aliases mapped, everything else (even nonsense) unchanged. */
export function canonicalZone(zoneId: string): string {
  return ALIASES.get(zoneId) ?? zoneId;
}

/** Every alias with its current name, for tests and the generator's checks. */
export function zoneAliases(): ReadonlyMap<string, string> {
  return ALIASES;
}
