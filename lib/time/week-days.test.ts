import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mondayOf, shortDayLabel } from '@/lib/time/week-days';
import { addDays } from '@/lib/time/time-zone';

describe('mondayOf', () => {
  it('keeps a Monday and takes any other day back to its week’s Monday', () => {
    expect(mondayOf('2026-10-26')).toBe('2026-10-26');
    expect(mondayOf('2026-10-28')).toBe('2026-10-26');
    expect(mondayOf('2026-11-01')).toBe('2026-10-26');
  });

  it('crosses month and year boundaries', () => {
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(mondayOf('2024-03-02')).toBe('2024-02-26');
  });

  it('returns an unreadable date unchanged', () => {
    expect(mondayOf('2026-02-30')).toBe('2026-02-30');
    expect(mondayOf('')).toBe('');
  });

  it('gives, for every day, a Monday at most six days before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 30 }), (offset) => {
        const date = addDays('2000-01-01', offset);
        const monday = mondayOf(date);
        expect(shortDayLabel(monday, 'en-GB').startsWith('Mon ')).toBe(true);
        const back = [0, 1, 2, 3, 4, 5, 6].map((n) => addDays(date, -n));
        expect(back).toContain(monday);
      }),
    );
  });
});

describe('shortDayLabel', () => {
  it('follows the locale’s order of day and month', () => {
    expect(shortDayLabel('2026-10-28', 'en-GB')).toBe('Wed 28 Oct');
    expect(shortDayLabel('2026-10-28', 'en-US')).toBe('Wed Oct 28');
  });
});
