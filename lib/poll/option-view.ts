import type { PollRecord } from '@/lib/poll/model';
import { describeDate, describeTimedSlot, type TimedSlotView } from '@/lib/time/slot-display';

/** One option as a viewer reads it: their zone, their locale, their clock. */
export interface OptionView {
  id: string;
  weekday: string;
  day: string;
  month: string;
  dateLabel: string;
  dayMonth: string;
  /** The viewer's local date of the start (the floating date for all-day options). */
  localDate: string;
  timeRange: string | null;
  organiserNote: string | null;
  crossesMidnight: boolean;
}

/** The organiser's own wall time of a timed option, for a viewer in another zone. */
export type OrganiserTime = TimedSlotView['organiser'];

/**
 * Every option of a poll in the viewer's terms. Until the viewer's zone is known
 * (`viewerZone` null) dates follow the organiser's zone and no times are shown, so the
 * server and the browser render the same text. `organiserNote` words the organiser's time
 * (the caller owns the message catalogue); it is asked only when the zones differ.
 */
export function describeOptions(
  options: PollRecord['options'],
  place: { viewerZone: string | null; pollZone: string; locale: string },
  organiserNote: (time: OrganiserTime) => string,
): OptionView[] {
  const { viewerZone, pollZone, locale } = place;
  return options.map((o) => {
    if (o.startsAt !== null && o.durationMinutes !== null) {
      const v = describeTimedSlot(o.startsAt, o.durationMinutes, viewerZone ?? pollZone, pollZone, {
        locale,
      });
      return {
        id: o.id,
        weekday: v.weekday,
        day: v.day,
        month: v.month,
        dateLabel: v.dateLabel,
        dayMonth: v.dayMonth,
        localDate: v.localDate,
        timeRange: viewerZone ? v.timeRange : null,
        organiserNote: viewerZone && viewerZone !== pollZone ? organiserNote(v.organiser) : null,
        crossesMidnight: v.crossesMidnight,
      };
    }
    const d = describeDate(o.date ?? '', { locale });
    return { ...d, id: o.id, timeRange: null, organiserNote: null, crossesMidnight: false };
  });
}
