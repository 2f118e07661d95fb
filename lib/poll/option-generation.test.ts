import { describe, expect, it } from 'vitest';
import { generateDates, generateWallTimes } from '@/lib/poll/option-generation';

describe('generateWallTimes', () => {
  it('applies every start time to every picked date, sorted and without duplicates', () => {
    expect(
      generateWallTimes(['2026-10-29', '2026-10-28', '2026-10-28'], ['17:00', '09:00', '09:00']),
    ).toEqual(['2026-10-28T09:00', '2026-10-28T17:00', '2026-10-29T09:00', '2026-10-29T17:00']);
  });
  it('leaves out the options the organiser removed', () => {
    expect(
      generateWallTimes(['2026-10-28'], ['09:00', '17:00'], new Set(['2026-10-28T09:00'])),
    ).toEqual(['2026-10-28T17:00']);
  });
  it('ignores malformed times and dates', () => {
    expect(generateWallTimes(['2026-10-28', 'tomorrow'], ['25:00', '9:00', '10:30'])).toEqual([
      '2026-10-28T10:30',
    ]);
  });
});

describe('generateDates', () => {
  it('sorts, merges and drops removed dates', () => {
    expect(
      generateDates(
        ['2026-11-03', '2026-11-01', '2026-11-03', '2026-11-02'],
        new Set(['2026-11-02']),
      ),
    ).toEqual(['2026-11-01', '2026-11-03']);
  });
});
