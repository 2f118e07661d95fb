import { readFileSync } from 'node:fs';
import { Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import rankingFixture from '@/lib/fixtures/ranking-cases.json';
import vectorFixture from '@/lib/fixtures/tz-vectors.json';
import {
  comfortBand,
  painAtMinute,
  rankOptions,
  renderSummary,
  type DailyWindow,
  type Participant,
  type ParticipantScore,
  type RankedOption,
  type Slot,
  type Vote,
} from '@/lib/fairness/fairness';
import { formatUtcOffset } from '@/lib/time/time-zone';

interface ReferenceRow {
  id: string;
  local: string | null;
  vote: Vote | null;
  effectiveVote: Vote | null;
  timePain: number | null;
  pain: number | null;
}

interface RankingCase {
  id: string;
  title: string;
  participants: Participant[];
  slots: Slot[];
  expected: { best: string; order: string[] };
  derivedTable: {
    slot: string;
    rank: number;
    keys: {
      canAttend: number;
      night: number;
      worstPain: number;
      worstStep: number;
      totalPain: number;
      yes: number;
    };
    explanation: string;
    participants: ReferenceRow[];
  }[];
}

interface Vector {
  id: string;
  kind: 'timed' | 'all-day' | 'wall-to-utc';
  note?: string;
  input: {
    utcStart?: string;
    durationMin?: number;
    zone: string | null;
    wall?: string;
    date?: string;
  };
  expected: Record<string, unknown>;
}

const cases = rankingFixture.cases as unknown as RankingCase[];
const vectors = vectorFixture.vectors as unknown as Vector[];
const milli = (fraction: number | null) => (fraction === null ? null : Math.round(fraction * 1000));

function option(ranked: RankedOption[], id: string): RankedOption {
  const found = ranked.find((o) => o.id === id);
  if (!found) throw new Error(`no option ${id}`);
  return found;
}

/** The reference's "Wed 17:00-18:00 UTC+01:00" rendering of a participant's local interval. */
function referenceLocal(row: ParticipantScore): string | null {
  const l = row.local;
  if (!l) return null;
  const shift = l.dayShift > 0 ? `(+${l.dayShift}d)` : '';
  return `${l.weekday} ${l.localStart.slice(11)}-${l.localEnd.slice(11)}${shift} UTC${formatUtcOffset(l.offsetStartMin)}`;
}

function person(
  id: string,
  zone: string | null,
  votes: Record<string, Vote>,
  extra: Partial<Participant> = {},
): Participant {
  return { id, name: id.charAt(0).toUpperCase() + id.slice(1), zone, votes, ...extra };
}

function utcSlot(id: string, start: string, durationMin = 60): Slot {
  return { id, start, durationMin };
}

/** One participant, one slot: the row the engine reports for them. */
function scoreAlone(
  p: Omit<Participant, 'votes'>,
  slot: Slot,
  vote: Vote = 'yes',
  overrideNever?: true,
): ParticipantScore {
  const participant: Participant = {
    ...p,
    votes: { [slot.id]: vote },
    ...(overrideNever ? { overrideNever: { [slot.id]: overrideNever } } : {}),
  };
  const [only] = rankOptions({ slots: [slot], participants: [participant] });
  const row = only?.participants[0];
  if (!row) throw new Error('no row');
  return row;
}

describe('the ranking-cases fixture', () => {
  it('holds the eight published cases of slot-fairness/1.0', () => {
    expect(rankingFixture.spec).toBe('slot-fairness/1.0');
    expect(cases.map((c) => c.id)).toEqual([
      'R01',
      'R02',
      'R03',
      'R05',
      'R06',
      'R08',
      'R09',
      'R11',
    ]);
  });
});

describe.each(cases.map((c) => [`${c.id}: ${c.title}`, c] as const))('%s', (_title, c) => {
  const ranked = rankOptions({ slots: c.slots, participants: c.participants });

  it(`ranks the slots ${c.expected.order.join(' > ')}`, () => {
    expect(ranked.map((o) => o.id)).toEqual(c.expected.order);
    expect(ranked.map((o) => o.rank)).toEqual(c.expected.order.map((_, i) => i + 1));
  });

  it(`picks ${c.expected.best} as the best slot`, () => {
    expect(ranked[0]?.id).toBe(c.expected.best);
  });

  it.each(c.derivedTable.map((row) => [row.slot, row] as const))(
    'explains %s word for word as the reference',
    (slot, row) => {
      expect(option(ranked, slot).summary).toBe(row.explanation);
    },
  );

  it.each(c.derivedTable.map((row) => [row.slot, row] as const))(
    'computes the reference keys for %s',
    (slot, row) => {
      expect(option(ranked, slot).keys).toEqual({
        canAttend: row.keys.canAttend,
        night: row.keys.night,
        worstStep: row.keys.worstStep,
        totalPain: milli(row.keys.totalPain),
        worstPain: milli(row.keys.worstPain),
        yes: row.keys.yes,
      });
      expect(option(ranked, slot).rank).toBe(row.rank);
    },
  );

  it.each(c.derivedTable.map((row) => [row.slot, row] as const))(
    'shows every participant of %s the reference local time, votes and pain',
    (slot, row) => {
      const got = option(ranked, slot).participants.map((p) => ({
        id: p.id,
        local: referenceLocal(p),
        vote: p.vote,
        effectiveVote: p.effectiveVote,
        timePain: p.timePain,
        pain: p.pain,
      }));
      expect(got).toEqual(
        row.participants.map((p) => ({ ...p, timePain: milli(p.timePain), pain: milli(p.pain) })),
      );
    },
  );
});

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

describe('the never window is a half-open daily interval', () => {
  const late: Omit<Participant, 'votes'> = {
    id: 'ana',
    name: 'Ana',
    zone: 'Europe/London',
    never: { start: '23:00', end: '07:00' },
  };

  it.each([
    ['22:00–23:00 ends as it opens', '2026-06-10T21:00:00Z', 'clear', 'yes'],
    ['22:30–23:30 overlaps its opening', '2026-06-10T21:30:00Z', 'counted-as-no', 'no'],
    ['03:00–04:00 is inside it', '2026-06-11T02:00:00Z', 'counted-as-no', 'no'],
    ['06:30–07:30 overlaps its closing', '2026-06-11T05:30:00Z', 'counted-as-no', 'no'],
    ['07:00–08:00 starts as it closes', '2026-06-11T06:00:00Z', 'clear', 'yes'],
  ] as const)('%s', (_label, start, never, effective) => {
    const row = scoreAlone(late, utcSlot('s', start));
    expect(row.never).toBe(never);
    expect(row.effectiveVote).toBe(effective);
  });

  it('applies a window that does not wrap midnight, in local time', () => {
    const lunch: Omit<Participant, 'votes'> = {
      id: 'kenji',
      zone: 'Asia/Tokyo',
      never: { start: '12:00', end: '13:00' },
    };
    expect(scoreAlone(lunch, utcSlot('s', '2026-06-10T03:30:00Z')).never).toBe('counted-as-no');
    expect(scoreAlone(lunch, utcSlot('s', '2026-06-10T04:00:00Z')).never).toBe('clear');
  });

  it('turns the yes into a no, says so, and drops the attendee', () => {
    const ranked = rankOptions({
      slots: [utcSlot('late', '2026-06-10T21:30:00Z'), utcSlot('day', '2026-06-10T12:00:00Z')],
      participants: [
        { ...late, votes: { late: 'yes', day: 'ifneedbe' } },
        person('ben', 'Europe/London', { late: 'yes', day: 'no' }),
      ],
    });
    const lateOption = option(ranked, 'late');
    expect(lateOption.keys.canAttend).toBe(1);
    expect(lateOption.explanation.neverWindow).toEqual([
      { participant: { id: 'ana', name: 'Ana' }, localTime: '22:30', place: 'London' },
    ]);
    expect(lateOption.summary).toBe(
      '1/2 can attend (1 yes, 0 if-need-be, 1 no); worst: Wed 22:30-23:30 in London (Ben, UTC+01:00; antisocial, pain 0.84); ' +
        '1 of 1 outside their working hours; never-window: Ana (22:30 London) counted as no',
    );
  });

  it('lets a confirmed override stand, at night-level pain (900) that counts as night', () => {
    const row = scoreAlone(late, utcSlot('s', '2026-06-10T21:30:00Z'), 'yes', true);
    expect(row).toMatchObject({
      never: 'overridden',
      effectiveVote: 'yes',
      timePain: 840,
      pain: 900,
    });
    const [ranked] = rankOptions({
      slots: [utcSlot('s', '2026-06-10T21:30:00Z')],
      participants: [{ ...late, votes: { s: 'yes' }, overrideNever: { s: true } }],
    });
    expect(ranked?.keys).toMatchObject({ canAttend: 1, night: 1, worstPain: 900 });
    expect(ranked?.summary).toBe(
      '1/1 can attend (1 yes, 0 if-need-be); worst: Wed 22:30-23:30 in London (Ana, UTC+01:00; night, pain 0.90); ' +
        '1 of 1 outside their working hours; night for Ana; inside own never-window by choice: Ana',
    );
  });

  it('does not floor the pain of an override for a slot outside the window', () => {
    expect(scoreAlone(late, utcSlot('s', '2026-06-10T12:00:00Z'), 'yes', true)).toMatchObject({
      never: 'clear',
      pain: 0,
    });
  });

  it('blocks the whole day for 00:00–24:00 and nothing for an empty window', () => {
    const slot = utcSlot('s', '2026-06-10T12:00:00Z');
    expect(
      scoreAlone({ id: 'p', zone: 'UTC', never: { start: '00:00', end: '24:00' } }, slot).never,
    ).toBe('counted-as-no');
    expect(
      scoreAlone({ id: 'p', zone: 'UTC', never: { start: '10:00', end: '10:00' } }, slot).never,
    ).toBe('clear');
  });

  it('cannot be evaluated, and so is not applied, without a time zone', () => {
    expect(
      scoreAlone(
        { id: 'p', zone: null, never: { start: '00:00', end: '24:00' } },
        utcSlot('s', '2026-06-10T12:00:00Z'),
      ),
    ).toMatchObject({ never: 'clear', effectiveVote: 'yes', pain: 0 });
  });
});

describe('per-participant pain', () => {
  it('is 250 for an if-need-be at a comfortable time', () => {
    expect(
      scoreAlone({ id: 'p', zone: 'UTC' }, utcSlot('s', '2026-06-10T12:00:00Z'), 'ifneedbe'),
    ).toMatchObject({ timePain: 0, pain: 250 });
  });

  it('is the larger of time pain and vote pain, not their sum (if-need-be at 07:00 → 450)', () => {
    expect(
      scoreAlone({ id: 'p', zone: 'UTC' }, utcSlot('s', '2026-06-10T07:00:00Z'), 'ifneedbe'),
    ).toMatchObject({ timePain: 450, pain: 450 });
  });

  it('is not scored for a no or a missing vote', () => {
    const ranked = rankOptions({
      slots: [utcSlot('s', '2026-06-10T03:00:00Z')],
      participants: [person('ana', 'UTC', { s: 'no' }), person('ben', 'UTC', {})],
    });
    expect(ranked[0]?.participants.map((p) => [p.vote, p.timePain, p.pain])).toEqual([
      ['no', 1000, null],
      [null, 1000, null],
    ]);
    expect(ranked[0]?.summary).toBe('0/2 can attend (0 yes, 0 if-need-be, 1 no, 1 no vote)');
  });
});

describe('a participant without a usable time zone', () => {
  const slots = [utcSlot('s', '2026-06-10T01:00:00Z')];

  it.each([
    ['no zone at all', null, 'unknown'],
    ['an abbreviation such as IST', 'IST', 'invalid'],
    ['a Windows zone name', 'Pacific Standard Time', 'invalid'],
  ] as const)(
    'counts for attendance but gets no local-time pain with %s',
    (_label, zone, status) => {
      const [ranked] = rankOptions({ slots, participants: [person('sam', zone, { s: 'yes' })] });
      expect(ranked?.participants[0]).toMatchObject({
        zoneStatus: status,
        local: null,
        place: null,
        timePain: null,
        pain: 0,
      });
      expect(ranked?.keys).toMatchObject({ canAttend: 1, night: 0, worstPain: 0 });
      expect(ranked?.summary).toBe(
        '1/1 can attend (1 yes, 0 if-need-be); everyone within their working hours; no time zone for Sam: local time not scored',
      );
    },
  );

  it('is named without a place when an if-need-be vote makes them the worst off', () => {
    const [ranked] = rankOptions({ slots, participants: [person('sam', null, { s: 'ifneedbe' })] });
    expect(ranked?.explanation.worst).toEqual({
      kind: 'vote',
      participant: { id: 'sam', name: 'Sam' },
      place: null,
      localTime: null,
      pain: 250,
    });
    expect(ranked?.summary).toBe(
      '1/1 can attend (0 yes, 1 if-need-be); worst: Sam voted if-need-be (pain 0.25); no time zone for Sam: local time not scored',
    );
  });
});

describe('zones that share their offsets', () => {
  it('are each named by their own place, with current city names for old links', () => {
    const [ranked] = rankOptions({
      slots: [utcSlot('s', '2026-06-10T12:00:00Z')],
      participants: [
        person('ana', 'Europe/Paris', { s: 'yes' }),
        person('ben', 'Europe/Berlin', { s: 'yes' }),
        person('dev', 'Asia/Calcutta', { s: 'yes' }),
        person('esh', 'Asia/Kolkata', { s: 'yes' }),
      ],
    });
    expect(ranked?.participants.map((p) => [p.place, p.local?.localStart])).toEqual([
      ['Paris', '2026-06-10T14:00'],
      ['Berlin', '2026-06-10T14:00'],
      ['Kolkata', '2026-06-10T17:30'],
      ['Kolkata', '2026-06-10T17:30'],
    ]);
  });

  it('keep an unknown zone apart from a zone literally named "null"', () => {
    const [ranked] = rankOptions({
      slots: [utcSlot('s', '2026-06-10T12:00:00Z')],
      participants: [person('ana', null, { s: 'yes' }), person('ben', 'null', { s: 'yes' })],
    });
    expect(ranked?.participants.map((p) => p.zoneStatus)).toEqual(['unknown', 'invalid']);
  });
});

describe('a fixed UTC offset zone', () => {
  it('is localised at its constant offset and flagged as not modelling DST', () => {
    const [ranked] = rankOptions({
      slots: [utcSlot('s', '2026-07-15T16:00:00Z')],
      participants: [person('ravi', 'UTC+05:30', { s: 'yes' })],
    });
    expect(ranked?.participants[0]).toMatchObject({
      zoneStatus: 'fixed',
      place: 'UTC+05:30',
      timePain: 750,
    });
    expect(ranked?.explanation.fixedOffset).toEqual([{ id: 'ravi', name: 'Ravi' }]);
    expect(ranked?.summary).toBe(
      '1/1 can attend (1 yes, 0 if-need-be); worst: Wed 21:30-22:30 in UTC+05:30 (Ravi, UTC+05:30; antisocial, pain 0.75); ' +
        '1 of 1 outside their working hours; fixed UTC offset (DST not modelled) for Ravi',
    );
  });

  it('names Etc zones by their offset, with the POSIX sign undone', () => {
    expect(
      scoreAlone({ id: 'p', zone: 'Etc/GMT+5' }, utcSlot('s', '2026-07-15T16:00:00Z')).place,
    ).toBe('UTC-05:00');
  });
});

describe('the ranking keys', () => {
  it('puts attendance first: one more attendee beats any comfort', () => {
    const ranked = rankOptions({
      slots: [utcSlot('night', '2026-06-10T02:00:00Z'), utcSlot('noon', '2026-06-10T12:00:00Z')],
      participants: [
        person('ana', 'UTC', { night: 'yes', noon: 'yes' }),
        person('ben', 'UTC', { night: 'yes', noon: 'no' }),
      ],
    });
    expect(ranked.map((o) => o.id)).toEqual(['night', 'noon']);
  });

  it('puts nobody at night (K2) before a lower worst pain (K3)', () => {
    const ranked = rankOptions({
      slots: [utcSlot('a', '2026-06-10T02:00:00Z'), utcSlot('b', '2026-06-10T22:00:00Z')],
      participants: [person('ana', 'UTC', { a: 'yes', b: 'yes' })],
    });
    expect(ranked.map((o) => [o.id, o.keys.night])).toEqual([
      ['b', 0],
      ['a', 1],
    ]);
  });

  it('spreads pain (min-max) instead of leaving it all to a lone participant', () => {
    // January: Paris UTC+1, Tokyo UTC+9. 'lone' is 11:00 in Paris and 19:00–20:00 in Tokyo (400);
    // 'shared' is 08:00 in Paris (4 × 200) and 16:00 in Tokyo. Min-sum would pick 'lone'.
    const votes = { lone: 'yes', shared: 'yes' } as const;
    const ranked = rankOptions({
      slots: [utcSlot('lone', '2026-01-14T10:00:00Z'), utcSlot('shared', '2026-01-15T07:00:00Z')],
      participants: [
        person('p1', 'Europe/Paris', votes),
        person('p2', 'Europe/Paris', votes),
        person('p3', 'Europe/Paris', votes),
        person('p4', 'Europe/Paris', votes),
        person('tokyo', 'Asia/Tokyo', votes),
      ],
    });
    expect(option(ranked, 'lone').keys).toMatchObject({
      worstPain: 400,
      worstStep: 8,
      totalPain: 400,
    });
    expect(option(ranked, 'shared').keys).toMatchObject({
      worstPain: 200,
      worstStep: 4,
      totalPain: 800,
    });
    expect(ranked.map((o) => o.id)).toEqual(['shared', 'lone']);
  });

  it('quantises the worst pain to steps of 50, so total pain decides within a step', () => {
    // June, London UTC+1. 'a': Ana 16:36–17:36 (60), Ben 17:36–18:36 (190): worst 190, total 250.
    // 'b': Ana 08:00–09:00 (200), Ben 09:00 (0): worst 200, total 200. Both are in step 4.
    const votes = { a: 'yes', b: 'yes' } as const;
    const ranked = rankOptions({
      slots: [utcSlot('a', '2026-06-10T16:36:00Z'), utcSlot('b', '2026-06-10T08:00:00Z')],
      participants: [person('ana', 'UTC', votes), person('ben', 'Europe/London', votes)],
    });
    expect(option(ranked, 'a').keys).toMatchObject({
      worstPain: 190,
      worstStep: 4,
      totalPain: 250,
    });
    expect(option(ranked, 'b').keys).toMatchObject({
      worstPain: 200,
      worstStep: 4,
      totalPain: 200,
    });
    expect(ranked.map((o) => o.id)).toEqual(['b', 'a']);
  });

  it('breaks full ties by the earlier start, then by id', () => {
    const ranked = rankOptions({
      slots: [
        utcSlot('z', '2026-06-10T12:00:00Z'),
        utcSlot('b', '2026-06-10T11:00:00Z'),
        utcSlot('a', '2026-06-10T11:00:00Z'),
      ],
      participants: [person('ana', 'UTC', { z: 'yes', b: 'yes', a: 'yes' })],
    });
    expect(ranked.map((o) => o.id)).toEqual(['a', 'b', 'z']);
  });

  it('prefers more yes votes among otherwise equal slots', () => {
    const ranked = rankOptions({
      slots: [utcSlot('early', '2026-06-10T10:00:00Z'), utcSlot('late', '2026-06-10T11:00:00Z')],
      participants: [
        person('ana', 'UTC', { early: 'ifneedbe', late: 'yes' }),
        person('ben', 'UTC', { early: 'yes', late: 'ifneedbe' }),
        person('cy', 'UTC', { early: 'ifneedbe', late: 'yes' }),
      ],
    });
    expect(ranked.map((o) => [o.id, o.keys.yes])).toEqual([
      ['late', 2],
      ['early', 1],
    ]);
  });
});

describe('the explanation', () => {
  const ranked = rankOptions({
    slots: [utcSlot('s', '2027-01-20T14:00:00Z')],
    participants: [
      person('scl', 'America/Santiago', { s: 'ifneedbe' }),
      person('chi', 'America/Chicago', { s: 'ifneedbe' }),
      person('mad', 'Europe/Madrid', { s: 'yes' }),
    ],
  });
  const only = ranked[0] as RankedOption;

  it('names the worst participant, ties going to the smaller id', () => {
    expect(only.explanation.worst).toEqual({
      kind: 'vote',
      participant: { id: 'chi', name: 'Chi' },
      place: 'Chicago',
      localTime: '08:00',
      pain: 250,
    });
  });

  it('is plain data that the summary renders', () => {
    expect(JSON.parse(JSON.stringify(only.explanation))).toEqual(only.explanation);
    expect(renderSummary(only.explanation)).toBe(only.summary);
  });

  it('survives JSON serialisation of the whole option', () => {
    const copy = JSON.parse(JSON.stringify(only)) as RankedOption;
    expect(copy.summary).toBe(only.summary);
    expect(copy.participants).toHaveLength(3);
  });

  it('describes the worst local time with its band when the time is the cause', () => {
    const [late] = rankOptions({
      slots: [utcSlot('s', '2026-06-10T19:00:00Z')],
      participants: [person('ana', 'Europe/London', { s: 'ifneedbe' })],
    });
    expect(late?.explanation.worst).toMatchObject({
      kind: 'local-time',
      band: 'early-late',
      pain: 550,
      place: 'London',
    });
  });
});

describe('slot input', () => {
  const participants = [person('ana', 'UTC', {})];

  it.each([
    ['a duration of 0', utcSlot('s', '2026-06-10T12:00:00Z', 0)],
    ['a duration above a day', utcSlot('s', '2026-06-10T12:00:00Z', 1441)],
    ['a start without an offset', utcSlot('s', '2026-06-10T12:00:00')],
    ['an impossible date', { id: 's', date: '2026-02-30', allDay: true } as const],
    [
      'an anchor in an abbreviation zone',
      { id: 's', anchor: { zone: 'EST', wall: '2026-06-10T12:00' }, durationMin: 60 },
    ],
  ] as const)('is refused with %s', (_label, slot) => {
    expect(() => rankOptions({ slots: [slot], participants })).toThrow(RangeError);
  });

  it('refuses duplicate slot ids', () => {
    expect(() =>
      rankOptions({
        slots: [utcSlot('s', '2026-06-10T12:00:00Z'), utcSlot('s', '2026-06-10T13:00:00Z')],
        participants,
      }),
    ).toThrow(/duplicate/);
  });

  it.each([
    ['29 February of a common year', '2026-02-29T10:00:00Z'],
    ['minute 60 of an offset', '2026-06-10T10:00:00+05:60'],
    ['a lone date', '2026-06-10'],
  ])('refuses %s as an instant', (_label, start) => {
    expect(() => rankOptions({ slots: [utcSlot('s', start)], participants })).toThrow(RangeError);
  });

  it('reads 29 February of a leap year, a lower-case z and sub-millisecond digits', () => {
    const ranked = rankOptions({
      slots: [utcSlot('a', '2028-02-29T10:00:00z'), utcSlot('b', '2026-06-10T12:00:00.1239+05:45')],
      participants,
    });
    expect(option(ranked, 'a').explanation.slot).toMatchObject({
      startMs: Date.UTC(2028, 1, 29, 10),
    });
    expect(option(ranked, 'b').explanation.slot).toMatchObject({
      startMs: Date.UTC(2026, 5, 10, 6, 15, 0, 123),
    });
  });

  it('accepts instants with a numeric offset and seconds', () => {
    const [ranked] = rankOptions({
      slots: [utcSlot('s', '2026-06-10T14:00:30+02:00')],
      participants,
    });
    expect(ranked?.explanation.slot).toMatchObject({ startMs: Date.parse('2026-06-10T12:00:30Z') });
  });
});

describe('the engine source', () => {
  it('never reads the clock or the environment', () => {
    const source = readFileSync(new URL('./fairness.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/Date\.now|new Date\(|DateTime\.now|Settings\.now|process\.env/);
  });
});
