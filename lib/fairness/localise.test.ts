import { Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { rankOptions } from '@/lib/fairness/rank';
import type { Slot } from '@/lib/fairness/model';
import { vectors, option, person, utcSlot, scoreAlone } from '@/lib/fixtures/engine-cases';
import { formatUtcOffset } from '@/lib/time/time-zone';

describe('a participant localised by the engine agrees with the timed tz vectors', () => {
  const timed = vectors.filter((v) => v.kind === 'timed');

  it.each(timed.map((v) => [v.id, v.note ?? v.input.zone, v] as const))(
    '%s (%s)',
    (_id, _note, v) => {
      const slot = utcSlot(v.id, v.input.utcStart as string, v.input.durationMin);
      const row = scoreAlone({ id: 'p', zone: v.input.zone }, slot);
      const e = v.expected;
      expect(row.zoneStatus).toBe(e.zoneStatus);
      if (e.zoneStatus === 'unknown' || e.zoneStatus === 'invalid') {
        expect(row.local).toBeNull();
        expect(row.timePain).toBeNull();
        expect(row.pain).toBe(0);
        return;
      }
      expect(row.local).toMatchObject({
        localStart: e.localStart,
        localEnd: e.localEnd,
        weekday: e.localWeekday,
        offsetStartMin: e.utcOffsetStartMinutes,
        crossesMidnight: e.crossesLocalMidnight,
        clockChange: e.dstTransitionInside,
      });
      expect(formatUtcOffset(row.local?.offsetEndMin ?? NaN)).toBe(e.utcOffsetEnd);
    },
  );
});

describe('a slot proposed as a wall time resolves as the wall-to-utc vectors say', () => {
  const walls = vectors.filter((v) => v.kind === 'wall-to-utc');

  it.each(walls.map((v) => [v.id, v.note ?? '', v] as const))('%s (%s)', (_id, _note, v) => {
    const slot: Slot = {
      id: v.id,
      anchor: { zone: v.input.zone as string, wall: v.input.wall as string },
      durationMin: 30,
    };
    const [ranked] = rankOptions({
      slots: [slot],
      participants: [person('ana', v.input.zone, { [v.id]: 'yes' })],
    });
    const e = v.expected;
    const expectedUtc = (e.compatible ?? e.utc) as string;
    expect(ranked?.explanation.slot).toMatchObject({
      kind: 'timed',
      startMs: Date.parse(expectedUtc),
    });
    const wallTime = ranked?.explanation.wallTime;
    if (e.status === 'nonexistent') {
      expect(wallTime).toMatchObject({
        kind: 'gap',
        movedTo: (e.compatibleWall as string).slice(11),
        gapMinutes: e.gapMinutes,
      });
      expect(ranked?.summary).toContain(
        `proposed wall time did not exist (clock change); moved forward to ${(e.compatibleWall as string).slice(11)}`,
      );
    } else if (e.status === 'ambiguous') {
      expect(wallTime).toMatchObject({ kind: 'fold' });
      expect(ranked?.summary).toContain(
        'proposed wall time occurred twice (clock change); first occurrence used',
      );
    } else {
      expect(wallTime).toBeNull();
    }
  });

  describe('whatever the server date is', () => {
    afterEach(() => {
      Settings.now = () => Date.now();
    });

    it.each([
      ['January', Date.UTC(2026, 0, 15)],
      ['July', Date.UTC(2026, 6, 15)],
    ])(
      'takes the first 01:30 of the New York fall-back fold when today is in %s',
      (_month, today) => {
        Settings.now = () => today;
        const [ranked] = rankOptions({
          slots: [
            {
              id: 'H0130',
              anchor: { zone: 'America/New_York', wall: '2027-11-07T01:30' },
              durationMin: 60,
            },
          ],
          participants: [person('ana', 'America/New_York', { H0130: 'yes' })],
        });
        expect(ranked?.explanation.slot).toMatchObject({
          startMs: Date.parse('2027-11-07T05:30:00Z'),
        });
        expect(ranked?.participants[0]?.local).toMatchObject({
          localStart: '2027-11-07T01:30',
          offsetStartMin: -240,
        });
      },
    );
  });
});

describe('an all-day option (floating date, tz vectors D001–D007)', () => {
  const days = vectors.filter((v) => v.kind === 'all-day');

  it.each(days.map((v) => [v.id, v.note ?? '', v] as const))(
    '%s (%s) has no time-of-day pain',
    (_id, _note, v) => {
      const row = scoreAlone(
        { id: 'p', zone: v.input.zone },
        { id: v.id, date: v.input.date as string, allDay: true },
      );
      expect(v.expected.fairnessApplicable).toBe(false);
      expect(row).toMatchObject({ local: null, timePain: 0, pain: 0, effectiveVote: 'yes' });
    },
  );

  it('ignores never windows and counts only votes, with if-need-be as pain 250', () => {
    const ranked = rankOptions({
      slots: [
        { id: 'D1', date: '2026-03-08', allDay: true },
        { id: 'D2', date: '2026-03-09', allDay: true },
      ],
      participants: [
        person(
          'ana',
          'America/New_York',
          { D1: 'yes', D2: 'ifneedbe' },
          { never: { start: '00:00', end: '24:00' } },
        ),
        person('ben', null, { D1: 'ifneedbe', D2: 'ifneedbe' }),
      ],
    });
    expect(ranked.map((o) => o.id)).toEqual(['D1', 'D2']);
    expect(option(ranked, 'D1').keys).toEqual({
      canAttend: 2,
      night: 0,
      worstStep: 5,
      totalPain: 250,
      worstPain: 250,
      yes: 1,
    });
    expect(option(ranked, 'D2').summary).toBe(
      '2/2 can attend (0 yes, 2 if-need-be); all-day option: local time-of-day not scored',
    );
  });

  it('orders equally good dates by date, before the id', () => {
    const ranked = rankOptions({
      slots: [
        { id: 'a', date: '2026-05-02', allDay: true },
        { id: 'b', date: '2026-05-01', allDay: true },
      ],
      participants: [person('ana', 'Europe/Paris', { a: 'yes', b: 'yes' })],
    });
    expect(ranked.map((o) => o.id)).toEqual(['b', 'a']);
  });
});
