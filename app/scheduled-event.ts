import type { PollRecord } from '@/lib/poll/model';
import type { CalendarEvent } from '@/lib/export/ics-export';
import { pollPath } from '@/app/origin';

/** The calendar event of a scheduled poll, or null while nothing is chosen. */
export function scheduledEvent(poll: PollRecord, origin: string): CalendarEvent | null {
  const option =
    poll.status === 'scheduled' ? poll.options.find((o) => o.id === poll.finalOptionId) : undefined;
  if (!option) return null;
  return {
    pollId: poll.id,
    title: poll.title,
    description: poll.description,
    location: poll.location,
    sequence: poll.finalSequence,
    url: `${origin}${pollPath(poll.id)}`,
    stampMs: poll.updatedAt,
    when:
      option.startsAt !== null && option.durationMinutes !== null
        ? {
            kind: 'timed',
            startMs: option.startsAt,
            endMs: option.startsAt + option.durationMinutes * 60_000,
          }
        : { kind: 'allDay', date: option.date ?? '' },
  };
}
