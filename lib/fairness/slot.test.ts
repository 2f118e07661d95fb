import { describe, expect, it } from 'vitest';
import { rankOptions } from '@/lib/fairness/rank';
import { option, person, utcSlot } from '@/lib/fixtures/engine-cases';

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

describe('a slot given as an instant', () => {
  it('ranks exactly as the same slot given as an ISO string', () => {
    const participants = [person('ana', 'Asia/Kathmandu', { s: 'yes' })];
    const start = '2026-10-28T16:15:00Z';
    const [asText] = rankOptions({ slots: [utcSlot('s', start, 90)], participants });
    const [asMs] = rankOptions({
      slots: [{ id: 's', startMs: Date.parse(start), durationMin: 90 }],
      participants,
    });
    expect(asMs?.keys).toEqual(asText?.keys);
    expect(asMs?.summary).toBe(asText?.summary);
  });

  it('refuses a start that is not whole milliseconds', () => {
    expect(() =>
      rankOptions({ slots: [{ id: 's', startMs: Number.NaN, durationMin: 60 }], participants: [] }),
    ).toThrow(RangeError);
  });
});
