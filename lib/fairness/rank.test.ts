import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rankOptions } from '@/lib/fairness/rank';
import type { Participant } from '@/lib/fairness/model';
import {
  cases,
  milli,
  option,
  referenceLocal,
  person,
  utcSlot,
  scoreAlone,
} from '@/lib/fixtures/engine-cases';
import rankingFixture from '@/lib/fixtures/ranking-cases.json';

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
      {
        participant: { id: 'ana', name: 'Ana' },
        vote: 'yes',
        localTime: '22:30',
        place: 'London',
      },
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

/** The modules of the engine itself. */
const ENGINE_FILES = [
  './curve.ts',
  './daily-window.ts',
  './explain.ts',
  './localise.ts',
  './model.ts',
  './rank.ts',
  './slot.ts',
];

describe('the engine source', () => {
  it('never reads the clock or the environment', () => {
    for (const file of ENGINE_FILES) {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      expect(source).not.toMatch(/Date\.now|new Date\(|DateTime\.now|Settings\.now|process\.env/);
    }
  });
});
