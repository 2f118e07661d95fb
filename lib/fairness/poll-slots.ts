import type { Slot } from '@/lib/fairness/model';
import type { PollRecord } from '@/lib/poll/model';

/** The one conversion of a stored option into what the engine reads (UTC ms, or a floating date). */

type StoredOption = PollRecord['options'][number];

const MINUTE = 60_000;

export function optionSlot(option: StoredOption): Slot {
  if (option.startsAt !== null && option.durationMinutes !== null) {
    return { id: option.id, startMs: option.startsAt, durationMin: option.durationMinutes };
  }
  return { id: option.id, date: option.date ?? '', allDay: true };
}

/** The timed options as half-open UTC intervals, in the poll's order; all-day ones are left out. */
export function timedSpans(
  options: readonly StoredOption[],
): { id: string; startMs: number; endMs: number }[] {
  return options.flatMap((o) =>
    o.startsAt !== null && o.durationMinutes !== null
      ? [{ id: o.id, startMs: o.startsAt, endMs: o.startsAt + o.durationMinutes * MINUTE }]
      : [],
  );
}
