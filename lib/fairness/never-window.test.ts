import { describe, expect, it } from 'vitest';
import { DEFAULT_NEVER_WINDOW, neverWindowConflicts } from '@/lib/fairness/never-window';

const option = (id: string, iso: string) => ({
  id,
  startsAt: Date.parse(iso),
  durationMinutes: 60,
  date: null,
});

describe('neverWindowConflicts', () => {
  const options = [
    option('night', '2026-10-28T09:00:00Z'),
    option('day', '2026-10-28T16:00:00Z'),
    option('edge', '2026-10-28T13:00:00Z'),
  ];

  it('finds the options inside the default 00:00–06:00 window in the viewer’s own zone', () => {
    const conflicts = neverWindowConflicts(options, 'America/Los_Angeles', DEFAULT_NEVER_WINDOW);
    expect([...conflicts.keys()]).toEqual(['night']);
    expect(conflicts.get('night')).toEqual({
      localStart: '2026-10-28T02:00',
      localEnd: '2026-10-28T03:00',
    });
  });

  it('treats the window as half-open: a meeting starting at 06:00 is clear', () => {
    expect(
      neverWindowConflicts(
        [option('a', '2026-10-28T13:00:00Z')],
        'America/Los_Angeles',
        DEFAULT_NEVER_WINDOW,
      ).size,
    ).toBe(0);
  });

  it('has nothing to say without a window or for all-day options', () => {
    expect(neverWindowConflicts(options, 'America/Los_Angeles', null).size).toBe(0);
    expect(
      neverWindowConflicts(
        [{ id: 'd', startsAt: null, durationMinutes: null, date: '2026-10-28' }],
        'UTC',
        DEFAULT_NEVER_WINDOW,
      ).size,
    ).toBe(0);
  });
});
