import { clockChangeNotices, type ClockChangeNotice } from '@/lib/time/clock-change-notice';

/** A timed option as instants: where it starts (UTC ms) and how long it lasts. */
export interface TimedSlot {
  startMs: number;
  durationMinutes: number;
}

/**
 * The clock changes in `zones` between the first slot's start and the last slot's end, each
 * slot ending after its own duration. Lines are worded relative to `referenceZone`.
 */
export function slotClockChanges(input: {
  slots: readonly TimedSlot[];
  zones: readonly string[];
  referenceZone: string;
}): ClockChangeNotice[] {
  const { slots, zones, referenceZone } = input;
  if (slots.length === 0) return [];
  const fromMs = Math.min(...slots.map((s) => s.startMs));
  const toMs = Math.max(...slots.map((s) => s.startMs + s.durationMinutes * 60_000));
  return clockChangeNotices({ zones, fromMs, toMs, referenceZone });
}
