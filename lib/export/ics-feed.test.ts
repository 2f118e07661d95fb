import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { participantFeed } from '@/lib/export/ics-feed';
import type { ParticipantRecord, PollRecord } from '@/lib/poll/model';

const HOUR = 3_600_000;
const START = Date.parse('2026-10-28T16:00:00Z');
const URL = 'https://kairos.example.org/p/poll1';

function person(id: string, votes: ParticipantRecord['votes']): ParticipantRecord {
  return {
    id,
    name: id,
    timeZone: 'Asia/Kathmandu',
    createdAt: 0,
    updatedAt: 0,
    votes,
    workingHours: null,
    neverWindow: null,
    overrideNever: [],
  };
}

const poll: PollRecord = {
  id: 'poll1',
  title: 'Ocean call, “DST week”',
  description: 'Line one\nLine two; with, punctuation',
  location: 'Room 4',
  organiserName: 'Ada',
  timeZone: 'Europe/Rome',
  kind: 'timed',
  status: 'open',
  guestZones: [],
  finalOptionId: null,
  finalSequence: 0,
  deadline: null,
  optionLimit: null,
  privacy: 'public',
  createdAt: 0,
  updatedAt: Date.parse('2026-10-01T00:00:00Z'),
  comments: [],
  options: [0, 1, 2].map((i) => ({
    id: `o${i}`,
    startsAt: START + i * 24 * HOUR,
    durationMinutes: 90,
    date: null,
  })),
  participants: [
    person('me', { o0: 'yes', o1: 'ifneedbe', o2: 'yes' }),
    person('other', { o0: 'no', o1: 'yes', o2: 'yes' }),
  ],
};

function parsed(text: string) {
  const components = Object.values(ical.sync.parseICS(text));
  const calendar = components.find((c) => c?.type === 'VCALENDAR');
  const events = components
    .filter((c): c is VEvent => c?.type === 'VEVENT')
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  return { calendar, events };
}

describe('participantFeed', () => {
  it('holds a tentative event for each option the participant said yes to, and nothing else', () => {
    const text = participantFeed(poll, 'me', URL);
    const { events } = parsed(text);
    expect(
      events.map((e) => [e.uid, e.status, e.start.toISOString(), e.end?.toISOString()]),
    ).toEqual([
      ['poll1.o0@kairos', 'TENTATIVE', '2026-10-28T16:00:00.000Z', '2026-10-28T17:30:00.000Z'],
      ['poll1.o2@kairos', 'TENTATIVE', '2026-10-30T16:00:00.000Z', '2026-10-30T17:30:00.000Z'],
    ]);
    for (const event of events) {
      expect(event.summary).toBe('Ocean call, “DST week”');
      expect(event.description).toBe('Line one\nLine two; with, punctuation');
      expect(event.location).toBe('Room 4');
    }
    expect(text.match(/^URL;VALUE=URI:(.*?)\r?$/gm)).toEqual([
      `URL;VALUE=URI:${URL}\r`,
      `URL;VALUE=URI:${URL}\r`,
    ]);
    // Nobody else's name or answers reach the feed.
    expect(text).not.toContain('other');
    expect(text).toMatch(/^X-PUBLISHED-TTL:PT1H\r?$/m);
  });

  it('holds only the scheduled time, confirmed, with the invitation’s UID and sequence', () => {
    const scheduled = {
      ...poll,
      status: 'scheduled' as const,
      finalOptionId: 'o1',
      finalSequence: 2,
    };
    for (const who of ['me', 'other', 'nobody']) {
      const { events } = parsed(participantFeed(scheduled, who, URL));
      expect(events).toHaveLength(1);
      const [event] = events as [VEvent];
      expect(event.uid).toBe('poll1@kairos');
      expect(event.status).toBe('CONFIRMED');
      expect(Number(event.sequence)).toBe(2);
      expect(event.start.toISOString()).toBe('2026-10-29T16:00:00.000Z');
    }
  });

  it('goes back to the tentative yes events once the poll is reopened', () => {
    const reopened = { ...poll, status: 'open' as const, finalOptionId: null, finalSequence: 2 };
    const { events } = parsed(participantFeed(reopened, 'me', URL));
    expect(events.map((e) => [e.uid, e.status])).toEqual([
      ['poll1.o0@kairos', 'TENTATIVE'],
      ['poll1.o2@kairos', 'TENTATIVE'],
    ]);
  });

  it('writes all-day options as all-day events', () => {
    const allDay: PollRecord = {
      ...poll,
      kind: 'allDay',
      options: [{ id: 'o0', startsAt: null, durationMinutes: null, date: '2026-11-02' }],
    };
    const text = participantFeed(allDay, 'me', URL);
    const [event] = parsed(text).events as [VEvent];
    expect(event.datetype).toBe('date');
    expect(text).toMatch(/^DTSTART;VALUE=DATE:20261102\r?$/m);
    expect(text).toMatch(/^DTEND;VALUE=DATE:20261103\r?$/m);
    const final = participantFeed(
      { ...allDay, status: 'scheduled', finalOptionId: 'o0' },
      'x',
      URL,
    );
    expect(final).toMatch(/^DTSTART;VALUE=DATE:20261102\r?$/m);
    expect(final).toMatch(/^STATUS:CONFIRMED\r?$/m);
  });

  it('is an empty but valid calendar for a participant with no yes', () => {
    const text = participantFeed(poll, 'nobody', URL);
    const { calendar, events } = parsed(text);
    expect(events).toEqual([]);
    expect(calendar).toBeDefined();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r?$/m);
    expect(text).toMatch(/^END:VCALENDAR\r?$/m);
    expect(text).toMatch(/^X-WR-CALNAME:Ocean call/m);
  });
});
