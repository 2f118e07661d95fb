import { formatDate, placeName, resolveZone } from '@/lib/time/time-zone';
import { offsetTimeline, timelineOffset } from '@/lib/time/zone-timeline';

/**
 * "From 29 Mar, Rome is 6 h ahead of New York instead of 5": the notice a poll shows when
 * its dates span a clock change that moves places relative to one another (the US/EU
 * mismatch weeks, the southern hemisphere changing the other way). Everything is read from
 * the IANA rules for the poll's own dates; there is no list of known changes.
 *
 * Changes are gathered into events: clock changes less than a day apart belong to one event
 * (the US zones change hour by hour across the continent on one Sunday; Sydney and Santiago
 * fall back within 11 hours of each other). An event compares the clocks just before its
 * first change with those just after its last, so the few hours when New York has changed
 * and Los Angeles has not yet do not make a notice of their own.
 *
 * Each event is phrased relative to one reference place (the organiser's or the viewer's),
 * and places that moved the same way are named together: ten zones make a few lines per
 * event, never 45 pairs. Any pair of places whose difference changes has at least one of
 * them moving relative to the reference, so nothing is left out.
 */

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const SAME_EVENT = DAY;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const NAMED_IN_TEXT = 5;
const MAX_LINE_SENTENCES = 3;

export interface ClockChange {
  zone: string;
  place: string;
  atMs: number;
  /** The local date of the change read on the old clock ("clocks go forward at 02:00 on …"). */
  date: string;
  offsetBefore: number;
  offsetAfter: number;
}

export interface NoticeLine {
  /** The date of the change that causes this line, "YYYY-MM-DD", and its instant. */
  date: string;
  atMs: number;
  zones: string[];
  places: string[];
  reference: { zone: string; place: string };
  /** offset(place) − offset(reference) in minutes: positive when the places are ahead. */
  beforeMinutes: number;
  afterMinutes: number;
  text: string;
}

export interface ClockChangeNotice {
  /** The event's first change. */
  atMs: number;
  date: string;
  /** The zones whose clocks change in this event. */
  changes: ClockChange[];
  lines: NoticeLine[];
  /** The lines in English, for convenience; the UI renders `lines` through its catalogue. */
  text: string;
}

export interface ClockChangeNoticesInput {
  /** The organiser's, the participants' and the listed places' zones; unusable ones are skipped. */
  zones: readonly string[];
  /** The poll's first and last instants: changes at t with fromMs < t ≤ toMs count. */
  fromMs: number;
  toMs: number;
  /** Lines say how places move relative to this zone; the first usable zone when absent. */
  referenceZone?: string;
}

/** "6 h", "5 h 30 min", "45 min". */
export function formatHoursMinutes(minutes: number): string {
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "6 h ahead of New York", "30 min behind London", "on the same time as Rome". */
export function describeDifference(minutes: number, reference: string): string {
  if (minutes === 0) return `on the same time as ${reference}`;
  return `${formatHoursMinutes(minutes)} ${minutes > 0 ? 'ahead of' : 'behind'} ${reference}`;
}

/** "instead of 5", or the full phrase when the direction or the unit differs. */
export function insteadOf(before: number, after: number): string {
  const sameDirection = Math.sign(before) === Math.sign(after) && before !== 0;
  if (sameDirection && before % 60 === 0 && after % 60 === 0)
    return `instead of ${Math.abs(before) / 60}`;
  if (sameDirection) return `instead of ${formatHoursMinutes(before)}`;
  if (before === 0) return 'instead of the same time';
  return `instead of ${formatHoursMinutes(before)} ${before > 0 ? 'ahead' : 'behind'}`;
}

/**
 * Which catalogue sentence a line reads as, and how "instead of" reads: places that shared
 * the clock were at "the same time", not "0 min" apart, and places that swapped sides say
 * which side they were on.
 */
export function lineWording(line: Pick<NoticeLine, 'beforeMinutes' | 'afterMinutes'>): {
  key: 'lineAhead' | 'lineBehind' | 'lineSame';
  was: 'same' | 'opposite' | 'sameSide';
} {
  const { beforeMinutes: before, afterMinutes: after } = line;
  const key = after === 0 ? 'lineSame' : after > 0 ? 'lineAhead' : 'lineBehind';
  const was =
    before === 0 ? 'same' : Math.sign(before) === Math.sign(after) ? 'sameSide' : 'opposite';
  return { key, was };
}

function listPlaces(places: readonly string[]): string {
  const shown = places.length > NAMED_IN_TEXT ? places.slice(0, NAMED_IN_TEXT - 1) : [...places];
  const rest = places.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} other places`;
  if (shown.length === 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function dayMonth(date: string, withYear: boolean): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]}${withYear ? ` ${y}` : ''}`;
}

function lineSentence(line: NoticeLine, withYear: boolean): string {
  const verb = line.places.length === 1 ? 'is' : 'are';
  return (
    `From ${dayMonth(line.date, withYear)}, ${listPlaces(line.places)} ${verb} ` +
    `${describeDifference(line.afterMinutes, line.reference.place)} ` +
    `${insteadOf(line.beforeMinutes, line.afterMinutes)}.`
  );
}

/**
 * A sentence per line while there are few; past that (typically the reference's own clock
 * changing, which moves it against everyone) one sentence per date and shift, with one
 * line as the example.
 */
function eventText(
  lines: readonly NoticeLine[],
  refChange: ClockChange | undefined,
  withYear: boolean,
): string {
  if (lines.length <= MAX_LINE_SENTENCES) return lines.map((l) => l.text).join(' ');
  const groups = new Map<string, NoticeLine[]>();
  for (const line of lines) {
    const key = `${line.date}|${line.afterMinutes - line.beforeMinutes}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  return [...groups.values()]
    .map((group) => {
      const example = group[0] as NoticeLine;
      const shift = example.afterMinutes - example.beforeMinutes;
      const places = listPlaces(group.flatMap((l) => l.places));
      const ref = example.reference.place;
      const byReference = refChange !== undefined && refChange.date === example.date;
      const head = byReference
        ? `${ref}'s clock moves ${formatHoursMinutes(shift)} ${shift < 0 ? 'forward' : 'back'} against ${places}`
        : `clocks in ${places} move ${formatHoursMinutes(shift)} ${shift > 0 ? 'forward' : 'back'} against ${ref}`;
      const detail = example.text.slice(example.text.indexOf(', ') + 2, -1);
      return `From ${dayMonth(example.date, withYear)}, ${head} (e.g. ${detail}).`;
    })
    .join(' ');
}

interface Clock {
  zone: string;
  place: string;
  timeline: ReturnType<typeof offsetTimeline>;
}

export function clockChangeNotices(input: ClockChangeNoticesInput): ClockChangeNotice[] {
  const { fromMs, toMs } = input;
  if (!(toMs > fromMs)) return [];
  const ids = [...new Set([...(input.referenceZone ? [input.referenceZone] : []), ...input.zones])];
  const clocks: Clock[] = ids.flatMap((id) => {
    const zone = resolveZone(id);
    if (zone.zone === null) return [];
    const isCity = zone.status === 'iana' && id !== 'UTC' && !id.startsWith('Etc/');
    return [
      {
        zone: id,
        place: isCity ? placeName(id) : id,
        timeline: offsetTimeline(zone.zone, fromMs, toMs),
      },
    ];
  });
  const reference = clocks[0];
  if (!reference || clocks.length < 2) return [];

  const all = clocks
    .flatMap((clock, c) => clock.timeline.transitions.map((t) => ({ c, t })))
    .sort((a, b) => a.t.utcMs - b.t.utcMs || a.c - b.c);
  const events: (typeof all)[] = [];
  for (const change of all) {
    const current = events[events.length - 1];
    const last = current?.[current.length - 1];
    if (current && last && change.t.utcMs - last.t.utcMs < SAME_EVENT) current.push(change);
    else events.push([change]);
  }

  const withYear = formatDate(fromMs).slice(0, 4) !== formatDate(toMs).slice(0, 4);
  return events.flatMap((event): ClockChangeNotice[] => {
    const first = event[0] as (typeof event)[number];
    const last = event[event.length - 1] as (typeof event)[number];
    const before = clocks.map((clock) => timelineOffset(clock.timeline, first.t.utcMs - 1));
    const after = clocks.map((clock) => timelineOffset(clock.timeline, last.t.utcMs));
    const changeOf = new Map<number, ClockChange>();
    for (const { c, t } of event) {
      if (changeOf.has(c) || before[c] === after[c]) continue;
      const clock = clocks[c] as Clock;
      changeOf.set(c, {
        zone: clock.zone,
        place: clock.place,
        atMs: t.utcMs,
        date: formatDate(t.utcMs + t.offsetBefore * MINUTE),
        offsetBefore: before[c] as number,
        offsetAfter: after[c] as number,
      });
    }
    if (changeOf.size === 0) return [];

    const refBefore = before[0] as number;
    const refAfter = after[0] as number;
    const refChange = changeOf.get(0);
    const lines = new Map<string, NoticeLine>();
    clocks.forEach((clock, c) => {
      if (c === 0) return;
      const beforeMinutes = (before[c] as number) - refBefore;
      const afterMinutes = (after[c] as number) - refAfter;
      if (beforeMinutes === afterMinutes) return;
      const own = changeOf.get(c);
      const cause = own && (!refChange || own.atMs <= refChange.atMs) ? own : (refChange ?? own);
      if (!cause) return;
      const key = `${cause.date}|${beforeMinutes}|${afterMinutes}`;
      const line = lines.get(key);
      if (line) {
        line.zones.push(clock.zone);
        if (!line.places.includes(clock.place)) line.places.push(clock.place);
        return;
      }
      lines.set(key, {
        date: cause.date,
        atMs: cause.atMs,
        zones: [clock.zone],
        places: [clock.place],
        reference: { zone: reference.zone, place: reference.place },
        beforeMinutes,
        afterMinutes,
        text: '',
      });
    });

    const rendered = [...lines.values()]
      .sort((a, b) => a.atMs - b.atMs)
      .map((line) => {
        line.text = lineSentence(line, withYear);
        return line;
      });
    if (rendered.length === 0) return [];
    const changes = [...changeOf.values()].sort((a, b) => a.atMs - b.atMs);
    const firstChange = changes[0] as ClockChange;
    return [
      {
        atMs: firstChange.atMs,
        date: firstChange.date,
        changes,
        lines: rendered,
        text: eventText(rendered, refChange, withYear),
      },
    ];
  });
}
