import { describe, expect, it } from 'vitest';
import type { RankKeys } from '@/lib/fairness/model';
import { suggestSlots } from '@/lib/finder/weekly-suggestions';

const keyTuple = (k: RankKeys) => [
  -k.canAttend,
  k.night,
  k.worstStep,
  k.totalPain,
  k.worstPain,
  -k.yes,
];
const notWorse = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return true;
};

describe('suggesting the fairest slots of a week', () => {
  const places = [
    { zone: 'America/Los_Angeles' },
    { zone: 'America/New_York' },
    { zone: 'Europe/London' },
  ];
  const week = {
    organiserZone: 'UTC',
    weekStart: '2026-06-01',
    stepMinutes: 30 as const,
    durationMinutes: 60,
  };

  it('proposes the N fairest, best first, none overlapping another', () => {
    const suggestions = suggestSlots({ ...week, places, count: 5 });
    expect(suggestions).toHaveLength(5);
    expect(suggestions.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5]);
    suggestions.forEach((s, i) => {
      const next = suggestions[i + 1];
      if (next) expect(notWorse(keyTuple(s.keys), keyTuple(next.keys))).toBe(true);
      for (const other of suggestions) {
        if (other !== s) expect(other.startMs >= s.endMs || other.endMs <= s.startMs).toBe(true);
      }
    });
    // 16:00 UTC is 09:00 in Los Angeles, 12:00 in New York and 17:00 in London.
    expect(suggestions[0]).toMatchObject({ date: '2026-06-01', wall: '16:00', wallTime: 'ok' });
    expect(suggestions[0]?.places.map((p) => [p.localStart, p.pain])).toEqual([
      ['2026-06-01T09:00', 0],
      ['2026-06-01T12:00', 0],
      ['2026-06-01T17:00', 100],
    ]);
    expect(suggestions[0]?.summary).toBe(
      '3/3 can attend (3 yes, 0 if-need-be); worst: Mon 17:00-18:00 in London ' +
        '(London, UTC+01:00; edge of day, pain 0.10); 1 of 3 outside their working hours',
    );
  });

  it('weighs total pain by headcount: eight people in London pull the call half an hour earlier', () => {
    const [even] = suggestSlots({ ...week, places, count: 1, weekdays: [1] });
    const [weighted] = suggestSlots({
      ...week,
      places: places.map((p) => (p.zone === 'Europe/London' ? { ...p, headcount: 8 } : p)),
      count: 1,
      weekdays: [1],
    });
    expect(even?.wall).toBe('16:00');
    expect(weighted?.wall).toBe('15:30');
    // The worst-off person is as well off either way (K3), so the total decides: 100 + 8 × 50.
    expect(weighted?.keys).toMatchObject({ canAttend: 10, worstStep: 2, totalPain: 500 });
    expect(weighted?.worstPlace).toBe(0);
  });

  it('names a place once however many people are there', () => {
    const all = suggestSlots({
      organiserZone: 'UTC',
      places: [
        { zone: 'Europe/Rome' },
        { zone: 'Australia/Sydney', headcount: 3, label: 'Sydney office' },
      ],
      weekStart: '2026-06-01',
      stepMinutes: 60,
      durationMinutes: 60,
      count: 1000,
    });
    expect(all).toHaveLength(7 * 24);
    const nightly = all.find((s) => s.places[1]?.band === 'night');
    expect(nightly?.explanation.night).toEqual([{ id: '1', name: 'Sydney office' }]);
    expect(nightly?.explanation.attendance.canAttend).toBe(4);
    expect(nightly?.keys.night).toBe(3);
    expect(nightly?.summary).toContain('; night for Sydney office');
    expect(nightly?.summary).not.toContain('Sydney office, Sydney office');
  });

  it('never suggests a wall time the clocks skip, and says when one happens twice', () => {
    const spring = suggestSlots({
      organiserZone: 'America/New_York',
      places: [{ zone: 'America/New_York' }],
      weekStart: '2026-03-02',
      stepMinutes: 15,
      durationMinutes: 15,
      count: 1000,
    });
    expect(spring).toHaveLength(7 * 96 - 4);
    expect(spring.some((s) => s.date === '2026-03-08' && s.wall.startsWith('02:'))).toBe(false);

    const autumn = suggestSlots({
      organiserZone: 'America/New_York',
      places: [{ zone: 'America/New_York' }],
      weekStart: '2026-10-26',
      stepMinutes: 60,
      durationMinutes: 60,
      count: 1000,
    });
    const repeated = autumn.find((s) => s.date === '2026-11-01' && s.wall === '01:00');
    expect(repeated).toMatchObject({ wallTime: 'repeated', startMs: Date.UTC(2026, 10, 1, 5) });
    expect(repeated?.explanation.wallTime?.kind).toBe('fold');
    expect(repeated?.summary).toContain('first occurrence used');
  });

  it('keeps to the chosen weekdays and gives nothing for no places or a count of 0', () => {
    const weekdays = suggestSlots({ ...week, places, count: 10, weekdays: [2, 4] }).map(
      (s) => s.date,
    );
    expect(new Set(weekdays)).toEqual(new Set(['2026-06-02', '2026-06-04']));
    expect(suggestSlots({ ...week, places: [], count: 3 })).toEqual([]);
    expect(suggestSlots({ ...week, places, count: 0 })).toEqual([]);
  });

  it('refuses a headcount that is not a whole number of people', () => {
    expect(() =>
      suggestSlots({ ...week, places: [{ zone: 'UTC', headcount: 1.5 }], count: 1 }),
    ).toThrow(RangeError);
  });
});
