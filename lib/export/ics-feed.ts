import { ICalEventStatus } from 'ical-generator';
import { addEvent, newCalendar, type CalendarEvent } from '@/lib/export/ics-export';
import type { PollRecord } from '@/lib/poll/model';

/** When an option takes place, as a calendar event says it. */
export function optionWhen(option: PollRecord['options'][number]): CalendarEvent['when'] {
  return option.startsAt !== null && option.durationMinutes !== null
    ? {
        kind: 'timed',
        startMs: option.startsAt,
        endMs: option.startsAt + option.durationMinutes * 60_000,
      }
    : { kind: 'allDay', date: option.date ?? '' };
}

/** Calendar apps poll a subscription on their own schedule; this asks for about hourly. */
const REFRESH_SECONDS = 60 * 60;

/**
 * A participant's private calendar feed (issue 14). While the poll is undecided it holds a
 * TENTATIVE event for each option they said yes to, so the times they offered show as held;
 * once the organiser schedules, only the chosen time, CONFIRMED, whatever they answered, with
 * the invitation's UID and SEQUENCE so a calendar that also took the mailed invitation sees
 * one event. Nothing about anyone else: only their own votes are read.
 */
export function participantFeed(poll: PollRecord, participantId: string, pollUrl: string): string {
  const calendar = newCalendar(poll.title);
  calendar.ttl(REFRESH_SECONDS);
  const base = {
    pollId: poll.id,
    title: poll.title,
    description: poll.description,
    location: poll.location,
    url: pollUrl,
    stampMs: poll.updatedAt,
  };
  const final =
    poll.status === 'scheduled' ? poll.options.find((o) => o.id === poll.finalOptionId) : undefined;
  if (final) {
    addEvent(
      calendar,
      { ...base, sequence: poll.finalSequence, when: optionWhen(final) },
      { status: ICalEventStatus.CONFIRMED },
    );
    return calendar.toString();
  }
  const votes = poll.participants.find((p) => p.id === participantId)?.votes ?? {};
  for (const option of poll.options) {
    if (votes[option.id] !== 'yes') continue;
    addEvent(
      calendar,
      { ...base, sequence: 0, when: optionWhen(option) },
      // One UID per offered time, apart from the scheduled event's.
      { id: `${poll.id}.${option.id}@kairos`, status: ICalEventStatus.TENTATIVE },
    );
  }
  return calendar.toString();
}
