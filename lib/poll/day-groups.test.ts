import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupByDay } from '@/lib/poll/day-groups';

describe('groupByDay', () => {
  it('puts options of one date under one header, in order', () => {
    const groups = groupByDay([
      { id: 'a', localDate: '2027-06-09' },
      { id: 'b', localDate: '2027-06-10' },
      { id: 'c', localDate: '2027-06-10' },
    ]);
    expect(groups.map((g) => [g.date, g.items.map((i) => i.id)])).toEqual([
      ['2027-06-09', ['a']],
      ['2027-06-10', ['b', 'c']],
    ]);
  });

  it('never reorders: a date that comes back later opens a new group', () => {
    const groups = groupByDay([
      { localDate: '2027-06-10' },
      { localDate: '2027-06-11' },
      { localDate: '2027-06-10' },
    ]);
    expect(groups.map((g) => g.date)).toEqual(['2027-06-10', '2027-06-11', '2027-06-10']);
  });

  it('keeps every item once, and neighbouring groups differ in date', () => {
    const dates = fc.constantFrom('2027-01-01', '2027-01-02', '2027-01-03');
    fc.assert(
      fc.property(fc.array(fc.record({ localDate: dates, n: fc.nat() })), (items) => {
        const groups = groupByDay(items);
        expect(groups.flatMap((g) => g.items)).toEqual(items);
        for (const [i, g] of groups.entries()) {
          expect(g.items.every((item) => item.localDate === g.date)).toBe(true);
          if (i > 0) expect(groups[i - 1]!.date).not.toBe(g.date);
        }
      }),
    );
  });
});
