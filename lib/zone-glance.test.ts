import { describe, expect, it } from 'vitest';
import type { PollRecord } from '@/lib/poll-shape';
import { glanceAtZones } from '@/lib/zone-glance';

const poll: PollRecord = {
  id: 'p',
  title: 't',
  description: '',
  location: '',
  organiserName: '',
  timeZone: 'Europe/Rome',
  kind: 'timed',
  status: 'open',
  guestZones: ['America/New_York', 'America/Los_Angeles', 'Europe/Rome'],
  createdAt: 0,
  updatedAt: 0,
  options: [{ id: 'a', startsAt: Date.parse('2026-10-28T16:00:00Z'), durationMinutes: 60, date: null }],
  participants: [],
};

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
