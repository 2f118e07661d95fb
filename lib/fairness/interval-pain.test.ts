import { describe, expect, it } from 'vitest';
import { rankOptions } from '@/lib/fairness/rank';
import type { DailyWindow } from '@/lib/fairness/model';
import { intervalPain, painByStartMinute } from '@/lib/fairness/interval-pain';
import { resolveZone } from '@/lib/time/time-zone';
import { offsetTimeline } from '@/lib/time/zone-timeline';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** h straight from the engine, one slot per start: a lone participant who votes yes has K4 = h. */
function engineHs(
  zone: string,
  starts: readonly number[],
  durationMin: number,
  preferred?: DailyWindow,
) {
  const slots = starts.map((t) => ({
    id: String(t),
    start: new Date(t).toISOString(),
    durationMin,
  }));
  const votes = Object.fromEntries(slots.map((s) => [s.id, 'yes' as const]));
  const byId = new Map(
    rankOptions({
      slots,
      participants: [{ id: 'p', zone, votes, ...(preferred ? { preferred } : {}) }],
    }).map((o) => [o.id, o.keys.totalPain]),
  );
  return starts.map((t) => byId.get(String(t)));
}

function engineH(zone: string, startMs: number, durationMin: number, preferred?: DailyWindow) {
  return engineHs(zone, [startMs], durationMin, preferred)[0];
}

describe('pain by local start minute', () => {
  it('reads the default curve of fairness.md §3.1 as a peak over the interval', () => {
    const hour = painByStartMinute(undefined, 60);
    expect(hour(9 * 60)).toBe(0);
    // 17:00–18:00 rises to 100 at its end; 18:00–19:00 to 250.
    expect(hour(17 * 60)).toBe(100);
    expect(hour(18 * 60)).toBe(250);
    // 22:30–23:30 peaks at its end, halfway between 800 (23:00) and 880 (24:00).
    expect(hour(22 * 60 + 30)).toBe(840);
    // 00:00–01:00 reaches the 1000 plateau at 01:00.
    expect(hour(0)).toBe(1000);
  });

  it('maps personal working hours as §3.2: with 07:00–15:00, 06:00 is as early as 08:00 by default', () => {
    const early = painByStartMinute({ start: '07:00', end: '15:00' }, 15);
    expect(early(6 * 60 - 15)).toBe(painByStartMinute(undefined, 15)(8 * 60 - 15));
    expect(early(6 * 60)).toBe(200);
  });

  it('gives a night-shift worker (22:00–06:00) no pain at 03:00 and the most at mid-afternoon', () => {
    const nights = painByStartMinute({ start: '22:00', end: '06:00' }, 30);
    expect(nights(3 * 60)).toBe(0);
    expect(nights(14 * 60)).toBeGreaterThanOrEqual(900);
  });

  it('agrees with the engine at every start minute of a day, for a 45-minute meeting and odd hours', () => {
    const hours: DailyWindow = { start: '08:30', end: '17:15' };
    const table = painByStartMinute(hours, 45);
    const minutes = Array.from({ length: 1440 }, (_, m) => m);
    const expected = engineHs(
      'UTC',
      minutes.map((m) => Date.UTC(2026, 5, 1) + m * MINUTE),
      45,
      hours,
    );
    expect(minutes.map(table)).toEqual(expected);
  });

  it('refuses a minute outside the day', () => {
    expect(() => painByStartMinute(undefined, 60)(1440)).toThrow(RangeError);
  });
});

describe('pain of a real interval in a zone', () => {
  const from = Date.UTC(2026, 0, 1);
  const to = Date.UTC(2027, 0, 10);
  const zones = [
    'Europe/Rome',
    'America/Santiago',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'America/New_York',
  ];

  it('equals the engine at thousands of instants across a year, clock changes included', () => {
    for (const id of zones) {
      const zone = resolveZone(id).zone;
      if (!zone) throw new Error(id);
      const timeline = offsetTimeline(zone, from, to);
      // Every 7 h 15 min walks through every quarter-hour of the day over the year.
      const starts: number[] = [];
      for (let t = from; t < Date.UTC(2027, 0, 1); t += 7 * HOUR + 15 * MINUTE) starts.push(t);
      // And meetings with each of the zone's clock changes inside them.
      for (const change of timeline.transitions) {
        starts.push(
          change.utcMs - 45 * MINUTE,
          change.utcMs - 30 * MINUTE,
          change.utcMs - 15 * MINUTE,
        );
      }
      expect(timeline.transitions.length, id).toBe(id === 'Asia/Kathmandu' ? 0 : 2);
      const ours = starts.map((t) => intervalPain(timeline, undefined, t, 60));
      expect(ours, id).toEqual(engineHs(id, starts, 60));
    }
  });

  it('asks the engine for a meeting across a clock change: New York 01:30–03:30 on 8 March 2026 peaks at its start', () => {
    const zone = resolveZone('America/New_York').zone;
    if (!zone) throw new Error('zone');
    const timeline = offsetTimeline(zone, from, to);
    // 06:30Z is 01:30 EST; the two hours end at 04:30 EDT after the clocks skip 02:00–03:00.
    const start = Date.UTC(2026, 2, 8, 6, 30);
    expect(intervalPain(timeline, undefined, start, 120)).toBe(1000);
    expect(intervalPain(timeline, { start: '03:00', end: '11:00' }, start, 120)).toBe(
      engineH('America/New_York', start, 120, { start: '03:00', end: '11:00' }),
    );
  });
});
