import { DateTime } from 'luxon';
import { placeName, resolveZone } from '@/lib/time/time-zone';

/**
 * What a viewer reads for one option: their own weekday, date and times, and the
 * organiser's wall time beside it. Formatting follows `locale` (12 h for en-US, 24 h for
 * en-GB/de/it), unless `hour12` says otherwise.
 */
export interface TimedSlotView {
  /** The viewer's local date, YYYY-MM-DD: options group by it. */
  localDate: string;
  weekday: string;
  day: string;
  month: string;
  dateLabel: string;
  /** Day and month in the locale's order: "Oct 28" (en-US), "28 Oct" (en-GB). */
  dayMonth: string;
  timeRange: string;
  crossesMidnight: boolean;
  organiser: { timeRange: string; dateLabel: string; otherDate: boolean; place: string };
}

export interface DisplayPrefs {
  locale: string;
  hour12?: boolean;
}

function zoneOrUtc(zoneId: string) {
  return resolveZone(zoneId).zone ?? resolveZone('UTC').zone!;
}

const hour12Cache = new Map<string, boolean>();

/** Whether the locale's own clock is 12-hour (en-US) or 24-hour (en-GB, de, it). */
export function usesHour12(locale: string): boolean {
  let cached = hour12Cache.get(locale);
  if (cached === undefined) {
    const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    cached = cycle === 'h12' || cycle === 'h11';
    hour12Cache.set(locale, cached);
  }
  return cached;
}

/**
 * The locale with the viewer's own choice of clock, as a Unicode extension
 * ("en-GB-u-hc-h12"): every Intl formatter down the line then follows it.
 */
export function withHourCycle(locale: string, hour12: boolean | null): string {
  if (hour12 === null) return locale;
  const base = locale.split('-u-')[0] ?? locale;
  return `${base}-u-hc-${hour12 ? 'h12' : 'h23'}`;
}

/**
 * Every date and time a page shows is written here. ICU versions disagree on the spaces they
 * put in "7:00 AM" or "28 oct." (U+202F or U+00A0 in Node's ICU, U+0020 in some browsers),
 * and the server's text must be the browser's to the byte or React throws the page away on
 * hydration (#418); so every such space is written as a plain one.
 */
const ICU_SPACES = /[\u00A0\u2009\u202F]/g;

export function formatLocal(dt: DateTime, format: Intl.DateTimeFormatOptions): string {
  return dt.toLocaleString(format).replace(ICU_SPACES, ' ');
}

function timeOf(dt: DateTime, prefs: DisplayPrefs): string {
  const hour12 = prefs.hour12 ?? usesHour12(prefs.locale);
  // A 24-hour clock reads "09:00"; a 12-hour one "9:00 AM".
  return formatLocal(dt, { hour: hour12 ? 'numeric' : '2-digit', minute: '2-digit', hour12 });
}

function rangeOf(start: DateTime, end: DateTime, prefs: DisplayPrefs): string {
  return `${timeOf(start, prefs)} – ${timeOf(end, prefs)}`;
}

/**
 * Descriptions already made, by their inputs. A busy poll's page describes the same options
 * in the same few zones and languages for every viewer, and each description is a dozen
 * luxon formats; the answers depend on nothing else (the tz rules are fixed for the
 * process), so they are kept, frozen, up to a bound that no poll page comes near.
 */
const DESCRIPTIONS_KEPT = 20_000;
const described = new Map<
  string,
  Readonly<TimedSlotView> | Readonly<{ weekday: string; timeRange: string }>
>();

function remembered<T extends object>(key: string, make: () => T): Readonly<T> {
  const known = described.get(key) as Readonly<T> | undefined;
  if (known) return known;
  if (described.size >= DESCRIPTIONS_KEPT) described.clear();
  const value = Object.freeze(make());
  described.set(key, value as never);
  return value;
}

export function describeTimedSlot(
  startMs: number,
  durationMinutes: number,
  viewerZone: string,
  organiserZone: string,
  prefs: DisplayPrefs,
): Readonly<TimedSlotView> {
  return remembered(
    `slot|${startMs}|${durationMinutes}|${viewerZone}|${organiserZone}|${prefs.locale}|${prefs.hour12 ?? ''}`,
    () => makeTimedSlotView(startMs, durationMinutes, viewerZone, organiserZone, prefs),
  );
}

function makeTimedSlotView(
  startMs: number,
  durationMinutes: number,
  viewerZone: string,
  organiserZone: string,
  prefs: DisplayPrefs,
): TimedSlotView {
  const endMs = startMs + durationMinutes * 60_000;
  const viewer = zoneOrUtc(viewerZone);
  const organiser = zoneOrUtc(organiserZone);
  const start = DateTime.fromMillis(startMs, { zone: viewer, locale: prefs.locale });
  const end = DateTime.fromMillis(endMs, { zone: viewer, locale: prefs.locale });
  const lastMinute = DateTime.fromMillis(endMs - 1, { zone: viewer });
  const oStart = DateTime.fromMillis(startMs, { zone: organiser, locale: prefs.locale });
  const oEnd = DateTime.fromMillis(endMs, { zone: organiser, locale: prefs.locale });
  const localDate = start.toISODate() ?? '';
  return {
    localDate,
    weekday: formatLocal(start, { weekday: 'short' }),
    day: formatLocal(start, { day: 'numeric' }),
    month: formatLocal(start, { month: 'short' }),
    dateLabel: formatLocal(start, { weekday: 'short', day: 'numeric', month: 'short' }),
    dayMonth: formatLocal(start, { day: 'numeric', month: 'short' }),
    timeRange: rangeOf(start, end, prefs),
    crossesMidnight: lastMinute.toISODate() !== localDate,
    organiser: {
      timeRange: rangeOf(oStart, oEnd, prefs),
      dateLabel: formatLocal(oStart, { weekday: 'short', day: 'numeric', month: 'short' }),
      otherDate: oStart.toISODate() !== localDate,
      place: placeName(organiserZone),
    },
  };
}

/**
 * A participant's wall-clock interval ("YYYY-MM-DDTHH:mm" pair, already local to them) in the
 * viewer's conventions, with its weekday: "Wed 07:00 – 08:00".
 */
export function describeWallInterval(
  localStart: string,
  localEnd: string,
  prefs: DisplayPrefs,
): Readonly<{ weekday: string; timeRange: string }> {
  return remembered(`wall|${localStart}|${localEnd}|${prefs.locale}|${prefs.hour12 ?? ''}`, () => {
    const start = DateTime.fromISO(localStart, { zone: 'utc', locale: prefs.locale });
    const end = DateTime.fromISO(localEnd, { zone: 'utc', locale: prefs.locale });
    return {
      weekday: formatLocal(start, { weekday: 'short' }),
      timeRange: rangeOf(start, end, prefs),
    };
  });
}

/** One local wall time ("YYYY-MM-DDTHH:mm") as the viewer's clock writes it: "5:00 PM", "17:00". */
export function formatWallTime(wall: string, prefs: DisplayPrefs): string {
  return timeOf(DateTime.fromISO(wall, { zone: 'utc', locale: prefs.locale }), prefs);
}

/** Whole calendar days from date `from` to date `to` (both YYYY-MM-DD): +1 for the next day. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A floating date reads the same everywhere: no zone is involved. */
export function describeDate(date: string, prefs: DisplayPrefs) {
  const dt = DateTime.fromISO(date, { zone: 'utc', locale: prefs.locale });
  return {
    localDate: date,
    weekday: formatLocal(dt, { weekday: 'short' }),
    day: formatLocal(dt, { day: 'numeric' }),
    month: formatLocal(dt, { month: 'short' }),
    dayMonth: formatLocal(dt, { day: 'numeric', month: 'short' }),
    dateLabel: formatLocal(dt, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }),
  };
}

/**
 * A clock time as short as it reads unambiguously, for a grid's narrow column headers: a
 * 12-hour time on the hour loses its ":00" ("4 PM", "12 AM"), the day period kept; 24-hour
 * times ("16:00") and times off the hour ("4:30 PM") stay as they are.
 */
export function compactClockTime(time: string): string {
  return time.replace(/:00(?=\s*[^\d\s:.]+\.?$)/u, '');
}
