import ical, {
  type ICalCalendar,
  type ICalEventData,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { addDays } from '@/lib/time/time-zone';

export interface CalendarEvent {
  pollId: string;
  title: string;
  description: string;
  location: string;
  /** Grows with each change of the final choice, so clients replace the event. */
  sequence: number;
  url: string;
  when: { kind: 'timed'; startMs: number; endMs: number } | { kind: 'allDay'; date: string };
  /** The DTSTAMP: when this version of the event was decided (pass the poll's update time). */
  stampMs: number;
}

/** Who a mailed invitation is from and to (RFC 5546 iTIP). */
export interface Invitation {
  method: 'REQUEST' | 'CANCEL';
  organiser: { name: string; email: string };
  attendees: { name: string; email: string }[];
}

/** A calendar as Kairos writes every one: its product id and name. */
export function newCalendar(name: string, method: ICalCalendarMethod | null = null): ICalCalendar {
  return ical({
    prodId: { company: 'Kairos', product: 'Kairos', language: 'EN' },
    name,
    ...(method ? { method } : {}),
  });
}

/**
 * Adds one event. Timed events are written in UTC (…Z), which every client converts to its
 * own zone; all-day events are VALUE=DATE from the date to the next one, the same calendar
 * day everywhere. `extra` says what differs between the .ics, the invitation and the feed
 * (the UID, status, attendees).
 */
export function addEvent(
  calendar: ICalCalendar,
  event: CalendarEvent,
  extra: Partial<ICalEventData> = {},
): void {
  const common = {
    id: `${event.pollId}@kairos`,
    sequence: event.sequence,
    stamp: new Date(event.stampMs),
    summary: event.title,
    description: event.description || null,
    location: event.location || null,
    url: event.url,
    ...extra,
  };
  if (event.when.kind === 'timed') {
    calendar.createEvent({
      ...common,
      start: new Date(event.when.startMs),
      end: new Date(event.when.endMs),
    });
  } else {
    calendar.createEvent({
      ...common,
      allDay: true,
      start: new Date(`${event.when.date}T00:00:00Z`),
      end: new Date(`${addDays(event.when.date, 1)}T00:00:00Z`),
    });
  }
}

/** RFC 5545 text for the scheduled event. The UID is stable per poll so re-imports update. */
export function buildIcs(event: CalendarEvent, invitation: Invitation | null = null): string {
  const calendar = newCalendar(
    event.title,
    invitation
      ? invitation.method === 'REQUEST'
        ? ICalCalendarMethod.REQUEST
        : ICalCalendarMethod.CANCEL
      : null,
  );
  addEvent(
    calendar,
    event,
    invitation
      ? {
          organizer: invitation.organiser,
          attendees: invitation.attendees.map((a) => ({
            ...a,
            role: ICalAttendeeRole.REQ,
            status: ICalAttendeeStatus.NEEDSACTION,
            rsvp: false,
          })),
          status:
            invitation.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        }
      : {},
  );
  return calendar.toString();
}

function compactUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** "Add to calendar" links: Google Calendar and Outlook take UTC instants or plain dates. */
export function calendarLinks(event: CalendarEvent): { google: string; outlook: string } {
  const details = [event.description, event.url].filter(Boolean).join('\n\n');
  const google = new URL('https://calendar.google.com/calendar/render');
  google.searchParams.set('action', 'TEMPLATE');
  google.searchParams.set('text', event.title);
  google.searchParams.set(
    'dates',
    event.when.kind === 'timed'
      ? `${compactUtc(event.when.startMs)}/${compactUtc(event.when.endMs)}`
      : `${event.when.date.replace(/-/g, '')}/${addDays(event.when.date, 1).replace(/-/g, '')}`,
  );
  google.searchParams.set('details', details);
  if (event.location) google.searchParams.set('location', event.location);

  const outlook = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  outlook.searchParams.set('path', '/calendar/action/compose');
  outlook.searchParams.set('rru', 'addevent');
  outlook.searchParams.set('subject', event.title);
  outlook.searchParams.set('body', details);
  if (event.location) outlook.searchParams.set('location', event.location);
  if (event.when.kind === 'timed') {
    outlook.searchParams.set('startdt', new Date(event.when.startMs).toISOString());
    outlook.searchParams.set('enddt', new Date(event.when.endMs).toISOString());
  } else {
    outlook.searchParams.set('startdt', event.when.date);
    outlook.searchParams.set('enddt', addDays(event.when.date, 1));
    outlook.searchParams.set('allday', 'true');
  }
  return { google: google.toString(), outlook: outlook.toString() };
}
