import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { buildIcs, calendarLinks, type CalendarEvent } from '@/lib/export/ics-export';

const timed: CalendarEvent = {
  pollId: 'abc',
  title: 'Ocean call, “DST week”',
  description: 'Line one\nLine two; with, punctuation',
  location: 'https://meet.example.org/ocean',
  sequence: 2,
  url: 'https://kairos.example.org/p/abc',
  when: {
    kind: 'timed',
    startMs: Date.parse('2026-10-28T16:00:00Z'),
    endMs: Date.parse('2026-10-28T17:00:00Z'),
  },
  stampMs: Date.parse('2026-10-01T00:00:00Z'),
};

function onlyEvent(text: string) {
  const events = Object.values(ical.sync.parseICS(text)).filter(
    (c): c is VEvent => c?.type === 'VEVENT',
  );
  expect(events).toHaveLength(1);
  return events[0]!;
}

describe('buildIcs', () => {
  it('writes a timed event a calendar client reads back as the same instants', () => {
    const event = onlyEvent(buildIcs(timed));
    expect(event.start.toISOString()).toBe('2026-10-28T16:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2026-10-28T17:00:00.000Z');
    expect(event.uid).toBe('abc@kairos');
    expect(Number(event.sequence)).toBe(2);
    expect(event.summary).toBe('Ocean call, “DST week”');
    expect(event.description).toBe('Line one\nLine two; with, punctuation');
  });

  it('writes an all-day event as VALUE=DATE spanning exactly that date', () => {
    const text = buildIcs({ ...timed, when: { kind: 'allDay', date: '2026-11-02' } });
    expect(text).toContain('DTSTART;VALUE=DATE:20261102');
    expect(text).toContain('DTEND;VALUE=DATE:20261103');
    const event = onlyEvent(text);
    expect(event.datetype).toBe('date');
  });
});

describe('calendarLinks', () => {
  it('gives Google and Outlook the UTC instants of a timed event', () => {
    const { google, outlook } = calendarLinks(timed);
    expect(new URL(google).searchParams.get('dates')).toBe('20261028T160000Z/20261028T170000Z');
    expect(new URL(outlook).searchParams.get('startdt')).toBe('2026-10-28T16:00:00.000Z');
  });

  it('gives plain dates for an all-day event', () => {
    const { google, outlook } = calendarLinks({
      ...timed,
      when: { kind: 'allDay', date: '2026-12-31' },
    });
    expect(new URL(google).searchParams.get('dates')).toBe('20261231/20270101');
    expect(new URL(outlook).searchParams.get('allday')).toBe('true');
  });
});
