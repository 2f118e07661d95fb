import { DateTime } from 'luxon';
import { findTransitions, offsetAt, resolveZone } from '@/lib/time/time-zone';
import { formatLocal } from '@/lib/time/slot-display';

/**
 * The UTC offset a zone has at the instants a page describes, never the offset of the day the
 * page is read: a poll in the October mismatch week shows New York at UTC−4 even when it is
 * viewed in December. Every label of a zone's offset on a page comes from here.
 */

/** One offset the zone keeps over part of the instants, and from when (null: the first). */
export interface OffsetSpan {
  offsetMinutes: number;
  fromMs: number | null;
}

/** The offsets of `zoneId` over `instantsMs`, in time order, each with the change that starts it. */
export function offsetsOver(zoneId: string, instantsMs: readonly number[]): OffsetSpan[] {
  const zone = resolveZone(zoneId).zone;
  if (!zone) return [];
  const sorted = [...new Set(instantsMs)].sort((a, b) => a - b);
  const spans: OffsetSpan[] = [];
  let previous: number | null = null;
  for (const ms of sorted) {
    const offset = offsetAt(zone, ms);
    const last = spans.at(-1);
    if (!last) spans.push({ offsetMinutes: offset, fromMs: null });
    else if (last.offsetMinutes !== offset && previous !== null) {
      // The change itself, not the first option after it: "from 1 Nov", not "from 4 Nov".
      const change = findTransitions(zone, previous, ms + 1)
        .filter((t) => t.offsetAfter === offset)
        .at(-1);
      spans.push({ offsetMinutes: offset, fromMs: change?.utcMs ?? ms });
    }
    previous = ms;
  }
  return spans;
}

/** "UTC−4", "UTC+5:45", "UTC+0": the short form people read, with a real minus sign. */
export function shortUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '\u2212' : '+';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `UTC${sign}${hours}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

export interface OffsetLabelOptions {
  locale: string;
  /** When there are no instants yet (an empty create form): the offset now. */
  nowMs: number;
  /** The catalogue's "{offset} from {date}". */
  from: (offset: string, date: string) => string;
}

/**
 * The label of `zoneId` over `instantsMs`: "UTC−4", or "UTC−4, UTC−5 from 1 Nov" when the
 * instants span a change of the zone's clocks.
 */
export function zoneOffsetLabel(
  zoneId: string,
  instantsMs: readonly number[],
  options: OffsetLabelOptions,
): string {
  const zone = resolveZone(zoneId).zone;
  if (!zone) return '';
  const spans = offsetsOver(zoneId, instantsMs.length > 0 ? instantsMs : [options.nowMs]);
  return spans
    .map((span) => {
      const offset = shortUtcOffset(span.offsetMinutes);
      if (span.fromMs === null) return offset;
      const date = formatLocal(DateTime.fromMillis(span.fromMs, { zone, locale: options.locale }), {
        day: 'numeric',
        month: 'short',
      });
      return options.from(offset, date);
    })
    .join(', ');
}

/** Every instant a poll's timed options start or end at: what its offsets describe. */
export function optionInstants(
  options: readonly { startsAt: number | null; durationMinutes: number | null }[],
): number[] {
  return options.flatMap((o) =>
    o.startsAt === null ? [] : [o.startsAt, o.startsAt + (o.durationMinutes ?? 0) * 60_000],
  );
}
