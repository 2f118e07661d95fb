import { describe, expect, it } from 'vitest';
import { rankOptions } from '@/lib/fairness/rank';
import { scoreWeeklySeries, suggestAlternatingPair } from '@/lib/finder/alternating-series';

describe('an alternating pair for a weekly call', () => {
  // Los Angeles, Rome and Sydney: no hour of the day is in working hours for all three.
  const places = [
    { zone: 'America/Los_Angeles' },
    { zone: 'Europe/Rome' },
    { zone: 'Australia/Sydney' },
  ];
  const series = {
    places,
    anchorZone: 'America/Los_Angeles',
    durationMinutes: 60,
    horizonStart: '2026-01-05',
  };
  const result = suggestAlternatingPair({ ...series, weekday: 3 });
  const singles = Array.from({ length: 24 }, (_, h) =>
    scoreWeeklySeries({
      ...series,
      times: [{ weekday: 3, wall: `${String(h).padStart(2, '0')}:00` }],
    }),
  );

  it('finds that no single weekly time spares everyone: each leaves someone at 0.75 or worse on average', () => {
    for (const single of singles) expect(single.keys.worstPain).toBeGreaterThanOrEqual(750);
  });

  it('finds a pair clearly fairer than any single weekly time, with nobody ever at night', () => {
    expect(result.pairIsBetter).toBe(true);
    expect(result.pair.keys.night).toBe(0);
    for (const single of singles)
      expect(result.pair.keys.worstPain + 200).toBeLessThan(single.keys.worstPain);
    expect(result.single.keys.worstPain).toBe(
      Math.min(...singles.filter((s) => s.keys.night === 0).map((s) => s.keys.worstPain)),
    );
  });

  it('alternates Wednesday 14:00 and 23:00 in Los Angeles: late in Rome one week, late in Los Angeles the next', () => {
    const [first, second] = result.pair.members;
    expect(first?.time).toEqual({ zone: 'America/Los_Angeles', weekday: 3, wall: '14:00' });
    expect(second?.time).toEqual({ zone: 'America/Los_Angeles', weekday: 3, wall: '23:00' });
    expect(first?.places.map((p) => p.usualLocal)).toEqual([
      { weekday: 3, wall: '14:00' },
      { weekday: 3, wall: '23:00' },
      { weekday: 4, wall: '07:00' },
    ]);
    const worstOf = (m: typeof first) =>
      m?.places.reduce((w, p, i, all) => (p.averagePain > (all[w]?.averagePain ?? 0) ? i : w), 0);
    expect(worstOf(first)).toBe(1);
    expect(worstOf(second)).toBe(0);
    expect(result.pair.members.map((m) => m.occurrences)).toEqual([26, 26]);
  });

  it('reports each place’s average for each member and for the pair', () => {
    const [first, second] = result.pair.members;
    result.pair.places.forEach((p, i) => {
      const a = first?.places[i]?.averagePain ?? NaN;
      const b = second?.places[i]?.averagePain ?? NaN;
      expect(Math.abs(p.averagePain - (a + b) / 2)).toBeLessThanOrEqual(1);
    });
    expect(result.pair.places.map((p) => p.averagePain)).toEqual([440, 547, 179]);
    expect(result.single.places.map((p) => p.averagePain)).toEqual([0, 792, 513]);
  });

  it('names the worst week with its date, place and local time', () => {
    expect(result.pair.worstWeek).toMatchObject({
      date: '2026-01-07',
      member: 0,
      place: 'Rome',
      localStart: '2026-01-07T23:00',
      pain: 880,
      band: 'antisocial',
      clockShift: null,
    });
    expect(result.text).toBe(
      'Alternate Wed 14:00 and Wed 23:00 (Los Angeles time): worst average pain 0.55 in Rome; ' +
        'worst week 2026-01-07: 23:00 in Rome (antisocial, pain 0.88). Fairer than the best single ' +
        'weekly time: Every Wed 13:00 (Los Angeles time): worst average pain 0.79 in Rome; ' +
        'worst week 2026-01-07: 22:00 in Rome (antisocial, pain 0.80).',
    );
  });

  it('tries Monday to Friday when no weekday is given, and keeps both members on one day', () => {
    const any = suggestAlternatingPair(series);
    const [first, second] = any.pair.members;
    expect([1, 2, 3, 4, 5]).toContain(first?.time.weekday);
    expect(second?.time.weekday).toBe(first?.time.weekday);
    expect(any.pair.keys.worstPain).toBeLessThanOrEqual(result.pair.keys.worstPain);
  });

  it('with rotation memory, moves the pain away from a place that already carried it', () => {
    const carried = suggestAlternatingPair({ ...series, weekday: 3, priorPain: [0, 52 * 800, 0] });
    expect(carried.single.places[1]?.averagePain).toBeLessThan(
      result.single.places[1]?.averagePain ?? 0,
    );
    const rome = carried.single.places[1];
    expect(Math.round(((rome?.cumulativePain ?? 0) - 52 * 800) / 52)).toBe(rome?.averagePain);
    expect(carried.single.keys.memoryStep).toBeGreaterThan(carried.single.keys.worstStep);
  });
});

describe('scoring a weekly series (fairness.md §8)', () => {
  it('averages each occurrence’s pain as the engine scores it, wall times resolved with §2.3', () => {
    const places = [
      { zone: 'America/Los_Angeles' },
      { zone: 'Europe/Rome', workingHours: { start: '08:00', end: '16:00' } as const },
      { zone: 'Australia/Sydney' },
    ];
    // 02:30 on Sundays in Rome: skipped on 29 March, so that week moves to 03:30.
    const scored = scoreWeeklySeries({
      places,
      anchorZone: 'Europe/Rome',
      durationMinutes: 90,
      horizonStart: '2026-01-01',
      times: [{ weekday: 7, wall: '02:30' }],
    });
    const sundays = Array.from({ length: 52 }, (_, k) =>
      new Date(Date.UTC(2026, 0, 4 + 7 * k)).toISOString().slice(0, 10),
    );
    const slots = sundays.map((d) => ({
      id: d,
      anchor: { zone: 'Europe/Rome', wall: `${d}T02:30` },
      durationMin: 90,
    }));
    const votes = Object.fromEntries(slots.map((s) => [s.id, 'yes' as const]));
    const ranked = rankOptions({
      slots,
      participants: places.map((p, i) => ({
        id: String(i),
        zone: p.zone,
        votes,
        ...(p.workingHours ? { preferred: p.workingHours } : {}),
      })),
    });
    const pains = places.map((_, i) => ranked.map((o) => o.participants[i]?.timePain ?? NaN));
    expect(scored.places.map((p) => p.averagePain)).toEqual(
      pains.map((ps) => Math.round(ps.reduce((a, b) => a + b, 0) / ps.length)),
    );
    expect(scored.places.map((p) => p.nightWeeks)).toEqual(
      pains.map((ps) => ps.filter((p) => p >= 900).length),
    );
    expect(ranked.find((o) => o.id === '2026-03-29')?.explanation.wallTime?.kind).toBe('gap');
  });

  it('counts everyone at a place with any night occurrence (K2), and names the week the clocks are out of step', () => {
    // 08:00 on Mondays in Rome is 23:00 on Sunday in Los Angeles, except in the mismatch weeks,
    // when it is midnight: 9, 16 and 23 March and 26 October 2026.
    const scored = scoreWeeklySeries({
      places: [{ zone: 'America/Los_Angeles', headcount: 2 }],
      anchorZone: 'Europe/Rome',
      durationMinutes: 60,
      horizonStart: '2026-01-05',
      times: [{ weekday: 1, wall: '08:00' }],
    });
    expect(scored.places[0]).toMatchObject({ nightWeeks: 4, averagePain: 889, band: 'antisocial' });
    expect(scored.keys.night).toBe(2);
    expect(scored.worstWeek).toMatchObject({
      date: '2026-03-09',
      localStart: '2026-03-09T00:00',
      band: 'night',
      clockShift: { usualMinutes: -540, minutes: -480 },
    });
    expect(scored.worstWeek.text).toBe(
      '2026-03-09: 00:00 in Los Angeles (night, pain 1.00; clocks out of step: ' +
        'Los Angeles is 8 h behind Rome instead of 9)',
    );
  });

  it('refuses anything but one weekly time or a pair', () => {
    const base = {
      places: [{ zone: 'Europe/Rome' }],
      anchorZone: 'Europe/Rome',
      durationMinutes: 60,
      horizonStart: '2026-01-05',
    };
    expect(() => scoreWeeklySeries({ ...base, times: [] })).toThrow(RangeError);
    expect(() => scoreWeeklySeries({ ...base, times: [{ weekday: 8, wall: '09:00' }] })).toThrow(
      RangeError,
    );
    expect(() => scoreWeeklySeries({ ...base, times: [{ weekday: 1, wall: '25:00' }] })).toThrow(
      RangeError,
    );
  });
});
