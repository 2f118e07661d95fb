import { Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';
import { findTransitions, offsetAt, type Transition } from '@/lib/time/time-zone';

/**
 * A zone's offsets over a stretch of time, probed once so that a heatmap, a year of weekly
 * occurrences or a poll's date range can ask "which offset at t?" thousands of times without
 * going back to Intl (~4 µs a call).
 *
 * It probes every 3 days, as the engine's own timeline does (lib/fairness/localise.ts: in 1970–2100 no
 * zone changes its offset twice within 167 h, so a 72 h probe cannot step over a pair of
 * changes that cancel out). Where the offset differs, it halves the window on whole hours and
 * hands the last couple of hours to `findTransitions`, which pins the change to the
 * millisecond (fairness.md §2.2): about 30 look-ups per change instead of 50.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PROBE_STEP = 3 * DAY;
const NARROW_TO = 2 * HOUR;

export interface OffsetTimeline {
  readonly zone: Zone;
  readonly fromMs: number;
  readonly toMs: number;
  /** Offset in minutes at `fromMs`. */
  readonly startOffset: number;
  /** Offset changes at t with fromMs < t ≤ toMs, in order. */
  readonly transitions: readonly Transition[];
}

export function offsetTimeline(zone: Zone, fromMs: number, toMs: number): OffsetTimeline {
  const startOffset = offsetAt(zone, fromMs);
  const transitions: Transition[] = [];
  if (!zone.isUniversal) {
    let lo = fromMs;
    let offset = startOffset;
    while (lo < toMs) {
      const hi = Math.min(lo + PROBE_STEP, toMs);
      const next = offsetAt(zone, hi);
      if (next !== offset) {
        // Off(a) = offset ≠ off(b): the one change in (a, b] stays inside while halving.
        let a = lo;
        let b = hi;
        while (b - a > NARROW_TO) {
          const mid = a + Math.floor((b - a) / 2 / HOUR) * HOUR;
          if (offsetAt(zone, mid) === offset) a = mid;
          else b = mid;
        }
        // A change exactly at `b` belongs here; findTransitions only reports t < end.
        transitions.push(...findTransitions(zone, a, b + 1));
      }
      offset = next;
      lo = hi;
    }
  }
  return { zone, fromMs, toMs, startOffset, transitions };
}

/** The offset in minutes at `ms`; outside the probed stretch it asks the zone itself. */
export function timelineOffset(timeline: OffsetTimeline, ms: number): number {
  if (ms < timeline.fromMs || ms > timeline.toMs) return offsetAt(timeline.zone, ms);
  let offset = timeline.startOffset;
  for (const t of timeline.transitions) {
    if (t.utcMs > ms) break;
    offset = t.offsetAfter;
  }
  return offset;
}

/** Whether the offset changes at some t with startMs < t < endMs (strict, as §2.2). */
export function changesWithin(timeline: OffsetTimeline, startMs: number, endMs: number): boolean {
  if (startMs < timeline.fromMs || endMs > timeline.toMs) {
    return findTransitions(timeline.zone, startMs, endMs).length > 0;
  }
  for (const t of timeline.transitions) {
    if (t.utcMs >= endMs) return false;
    if (t.utcMs > startMs) return true;
  }
  return false;
}

/**
 * The zone as luxon sees it, with offsets read from the timeline: hand it to `resolveWallTime`
 * and friends so that §2.3 runs as written, on cached offsets instead of Intl.
 */
class TimelineZone extends Zone {
  private readonly timeline: OffsetTimeline;

  constructor(timeline: OffsetTimeline) {
    super();
    this.timeline = timeline;
  }

  override get type(): string {
    return this.timeline.zone.type;
  }

  override get name(): string {
    return this.timeline.zone.name;
  }

  override get isUniversal(): boolean {
    return this.timeline.zone.isUniversal;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return this.timeline.zone.offsetName(ts, options);
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.timeline.zone.formatOffset(ts, format);
  }

  override offset(ts: number): number {
    return timelineOffset(this.timeline, ts);
  }

  override equals(other: Zone): boolean {
    return other instanceof TimelineZone ? other.timeline === this.timeline : false;
  }

  override get isValid(): boolean {
    return this.timeline.zone.isValid;
  }
}

export function timelineZone(timeline: OffsetTimeline): Zone {
  return new TimelineZone(timeline);
}
