import { describe, expect, it } from 'vitest';
import { describeOptions, type OrganiserTime } from '@/lib/poll/option-view';

const at = (iso: string) => Date.parse(iso);
const timed = (id: string, iso: string, durationMinutes = 60) => ({
  id,
  startsAt: at(iso),
  durationMinutes,
  date: null,
});
const note = (o: OrganiserTime) =>
  `${o.place} ${o.timeRange}${o.otherDate ? ` ${o.dateLabel}` : ''}`;

describe('describeOptions', () => {
  it('shows no time and the organiser’s dates until the viewer’s zone is known', () => {
    const asked: OrganiserTime[] = [];
    const [view] = describeOptions(
      [timed('a', '2026-10-28T22:00:00Z')],
      { viewerZone: null, pollZone: 'America/New_York', locale: 'en-GB' },
      (o) => {
        asked.push(o);
        return note(o);
      },
    );
    expect(view).toMatchObject({ id: 'a', localDate: '2026-10-28', timeRange: null });
    expect(view?.organiserNote).toBeNull();
    expect(asked).toEqual([]);
  });

  it('gives a viewer elsewhere their own date and time, and the organiser’s beside it', () => {
    const [view] = describeOptions(
      [timed('a', '2026-10-28T22:00:00Z')],
      { viewerZone: 'Asia/Kathmandu', pollZone: 'America/New_York', locale: 'en-GB' },
      note,
    );
    expect(view).toMatchObject({
      localDate: '2026-10-29',
      dateLabel: 'Thu 29 Oct',
      timeRange: '03:45 – 04:45',
      organiserNote: 'New York 18:00 – 19:00 Wed 28 Oct',
      crossesMidnight: false,
    });
  });

  it('adds no organiser note for a viewer in the organiser’s own zone', () => {
    const [view] = describeOptions(
      [timed('a', '2026-10-28T14:00:00Z')],
      { viewerZone: 'Europe/Rome', pollZone: 'Europe/Rome', locale: 'en-GB' },
      note,
    );
    expect(view?.timeRange).toBe('15:00 – 16:00');
    expect(view?.organiserNote).toBeNull();
  });

  it('marks a slot that runs past the viewer’s midnight', () => {
    const [view] = describeOptions(
      [timed('a', '2026-10-28T23:00:00Z', 90)],
      { viewerZone: 'Europe/London', pollZone: 'Europe/London', locale: 'en-GB' },
      note,
    );
    expect(view?.crossesMidnight).toBe(true);
  });

  it('reads an all-day option as the same floating date in every zone', () => {
    const option = { id: 'd', startsAt: null, durationMinutes: null, date: '2026-12-31' };
    const views = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', null].map(
      (viewerZone) =>
        describeOptions(
          [option],
          { viewerZone, pollZone: 'Europe/Rome', locale: 'en-GB' },
          note,
        )[0],
    );
    for (const view of views) {
      expect(view).toMatchObject({
        id: 'd',
        localDate: '2026-12-31',
        dateLabel: 'Thu, 31 Dec 2026',
        timeRange: null,
        organiserNote: null,
        crossesMidnight: false,
      });
    }
  });

  it('keeps the options’ order and ids', () => {
    const views = describeOptions(
      [timed('late', '2026-11-02T18:00:00Z'), timed('early', '2026-11-01T09:00:00Z')],
      { viewerZone: 'Europe/Rome', pollZone: 'Europe/Rome', locale: 'en-GB' },
      note,
    );
    expect(views.map((v) => v.id)).toEqual(['late', 'early']);
  });
});
