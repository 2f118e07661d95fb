import { describe, expect, it } from 'vitest';
import { pollRecord } from '@/lib/fixtures/poll-record';
import { glanceAtZones } from '@/lib/fairness/zone-glance';

const poll = pollRecord({
  guestZones: ['America/New_York', 'America/Los_Angeles', 'Europe/Rome'],
  options: [
    { id: 'a', startsAt: Date.parse('2026-10-28T16:00:00Z'), durationMinutes: 60, date: null },
  ],
});

describe('glanceAtZones', () => {
  it('shows each distinct place once, organiser first, before anyone answers', () => {
    const glance = glanceAtZones(poll);
    expect(glance.zones.map((z) => z.place)).toEqual(['Rome', 'New York', 'Los Angeles']);
    expect(glance.cells.get('a')).toEqual([
      { localStart: '2026-10-28T17:00', localEnd: '2026-10-28T18:00', band: 'edge' },
      { localStart: '2026-10-28T12:00', localEnd: '2026-10-28T13:00', band: 'comfortable' },
      { localStart: '2026-10-28T09:00', localEnd: '2026-10-28T10:00', band: 'comfortable' },
    ]);
  });
});
