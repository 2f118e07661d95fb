import { describe, expect, it } from 'vitest';
import { comfortBand, painAtMinute } from '@/lib/fairness/curve';
import { rankOptions } from '@/lib/fairness/rank';
import type { DailyWindow } from '@/lib/fairness/model';
import { person, utcSlot, scoreAlone } from '@/lib/fixtures/engine-cases';

describe('the default discomfort curve C0', () => {
  it.each([
    [0, 880],
    [60, 1000],
    [180, 1000],
    [300, 1000],
    [360, 750],
    [420, 450],
    [480, 200],
    [540, 0],
    [780, 0],
    [1020, 0],
    [1080, 100],
    [1140, 250],
    [1200, 400],
    [1260, 550],
    [1320, 700],
    [1380, 800],
    [1440, 880],
  ])('gives minute %i a pain of %i', (minute, pain) => {
    expect(painAtMinute(minute)).toBe(pain);
  });

  it('interpolates linearly and rounds half up (17:30 → 50, 18:30 → 175, 18:01 → 102.5 → 103)', () => {
    expect(painAtMinute(17 * 60 + 30)).toBe(50);
    expect(painAtMinute(18 * 60 + 30)).toBe(175);
    expect(painAtMinute(18 * 60 + 1)).toBe(103);
  });

  it('is periodic over the day', () => {
    expect(painAtMinute(-60)).toBe(painAtMinute(23 * 60));
    expect(painAtMinute(1440 + 450)).toBe(painAtMinute(450));
  });

  it('rises faster in the morning than in the evening', () => {
    expect(painAtMinute(6 * 60)).toBeGreaterThan(painAtMinute(22 * 60));
    expect(painAtMinute(8 * 60)).toBeGreaterThan(painAtMinute(18 * 60));
  });
});

describe('the comfort bands', () => {
  it.each([
    [0, 'comfortable'],
    [49, 'comfortable'],
    [50, 'edge'],
    [299, 'edge'],
    [300, 'early-late'],
    [599, 'early-late'],
    [600, 'antisocial'],
    [899, 'antisocial'],
    [900, 'night'],
    [1000, 'night'],
  ] as const)('puts pain %i in the %s band', (pain, band) => {
    expect(comfortBand(pain)).toBe(band);
  });
});

describe('personal working hours map the off-hours arc onto the default one', () => {
  const early: DailyWindow = { start: '07:00', end: '15:00' };
  const nightShift: DailyWindow = { start: '22:00', end: '06:00' };

  it('reproduces C0 exactly for 09:00–17:00', () => {
    for (let m = 0; m < 1440; m += 7)
      expect(painAtMinute(m, { start: '09:00', end: '17:00' })).toBe(painAtMinute(m));
  });

  it('gives 06:00 a pain of 200 to someone who works 07:00–15:00', () => {
    expect(painAtMinute(6 * 60, early)).toBe(200);
    expect(painAtMinute(10 * 60, early)).toBe(0);
    expect(painAtMinute(16 * 60, early)).toBe(100);
  });

  it('lets a night-shift worker (22:00–06:00, wrapping midnight) meet at 03:00 and not at 14:00', () => {
    expect(painAtMinute(3 * 60, nightShift)).toBe(0);
    expect(painAtMinute(14 * 60, nightShift)).toBe(1000);
    expect(painAtMinute(7 * 60, nightShift)).toBe(100);
  });

  it('stretches a longer window: an hour after a 09:00–18:00 day is 64 default minutes after 17:00 (110)', () => {
    expect(painAtMinute(19 * 60, { start: '09:00', end: '18:00' })).toBe(110);
  });

  it('makes 00:00–24:00 painless everywhere', () => {
    for (let m = 0; m < 1440; m += 5)
      expect(painAtMinute(m, { start: '00:00', end: '24:00' })).toBe(0);
  });

  it.each([
    ['an empty window', { start: '09:00', end: '09:00' }],
    ['an unparseable window', { start: '9am', end: '17:00' }],
    ['24:00 as a start', { start: '24:00', end: '08:00' }],
  ] as const)('falls back to C0 for %s', (_label, window) => {
    expect(painAtMinute(7 * 60, window as unknown as DailyWindow)).toBe(450);
  });

  it('scores a slot with the participant’s own curve', () => {
    const slot = utcSlot('s', '2026-06-10T05:00:00Z');
    expect(scoreAlone({ id: 'p', zone: 'Europe/Paris', preferred: early }, slot).timePain).toBe(0);
    expect(scoreAlone({ id: 'p', zone: 'Europe/Paris' }, slot).timePain).toBe(450);
  });
});

describe('the time pain of a slot is the peak over its local interval', () => {
  it('follows a 22:30–00:30 meeting past midnight (940 at 00:30), where the start alone would say 750', () => {
    const row = scoreAlone(
      { id: 'p', zone: 'Europe/London' },
      utcSlot('s', '2026-06-10T21:30:00Z', 120),
    );
    expect(row.local).toMatchObject({
      localStart: '2026-06-10T22:30',
      localEnd: '2026-06-11T00:30',
      crossesMidnight: true,
    });
    expect(row.timePain).toBe(940);
    expect(painAtMinute(22 * 60 + 30)).toBe(750);
  });

  it('reaches the midnight knot for a 22:30–00:00 meeting (880)', () => {
    expect(
      scoreAlone({ id: 'p', zone: 'Europe/London' }, utcSlot('s', '2026-06-10T21:30:00Z', 90))
        .timePain,
    ).toBe(880);
  });

  it('takes the plateau it passes over even when both ends are lower (00:30–05:30 → 1000)', () => {
    expect(painAtMinute(30)).toBe(940);
    expect(painAtMinute(5 * 60 + 30)).toBe(875);
    expect(
      scoreAlone({ id: 'p', zone: 'UTC' }, utcSlot('s', '2026-06-10T00:30:00Z', 300)).timePain,
    ).toBe(1000);
  });

  it('counts the end instant itself (17:00–18:00 → 100) but nothing after it', () => {
    expect(
      scoreAlone({ id: 'p', zone: 'UTC' }, utcSlot('s', '2026-06-10T17:00:00Z')).timePain,
    ).toBe(100);
    expect(
      scoreAlone({ id: 'p', zone: 'UTC' }, utcSlot('s', '2026-06-10T16:00:00Z')).timePain,
    ).toBe(0);
  });

  it('gives the curve maximum to a slot of a whole day', () => {
    expect(
      scoreAlone({ id: 'p', zone: 'UTC' }, utcSlot('s', '2026-06-10T09:00:00Z', 1440)).timePain,
    ).toBe(1000);
  });

  it('splits a slot at a clock change: Santiago 23:30 → 01:30 over the spring-forward reaches 01:00 (1000)', () => {
    const row = scoreAlone(
      { id: 'p', zone: 'America/Santiago' },
      utcSlot('s', '2026-09-06T03:30:00Z'),
    );
    expect(row.local).toMatchObject({
      localStart: '2026-09-05T23:30',
      localEnd: '2026-09-06T01:30',
      clockChange: true,
    });
    expect(row.timePain).toBe(1000);
  });

  it('reports a clock change and a midnight crossing per place in the explanation', () => {
    const [ranked] = rankOptions({
      slots: [utcSlot('s', '2026-09-06T03:30:00Z')],
      participants: [
        person('ana', 'America/Santiago', { s: 'yes' }),
        person('ben', 'America/Santiago', { s: 'yes' }),
      ],
    });
    expect(ranked?.explanation.clockChange).toEqual(['Santiago']);
    expect(ranked?.explanation.crossesMidnight).toEqual(['Santiago']);
    expect(ranked?.summary).toBe(
      '2/2 can attend (2 yes, 0 if-need-be); worst: Sat 23:30-01:30(+1d) in Santiago (Ana, UTC-04:00; night, pain 1.00); ' +
        '2 of 2 outside their working hours; night for Ana, Ben; crosses local midnight for Santiago; ' +
        'clock change during the slot in Santiago',
    );
  });

  it('reads a slot that ends exactly at local midnight as not crossing it', () => {
    const row = scoreAlone(
      { id: 'p', zone: 'Europe/London' },
      utcSlot('s', '2026-06-10T22:00:00Z'),
    );
    expect(row.local).toMatchObject({
      localEnd: '2026-06-11T00:00',
      dayShift: 1,
      crossesMidnight: false,
    });
  });
});
