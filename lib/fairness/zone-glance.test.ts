import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DailyWindow } from '@/lib/fairness/model';
import { participantChips, rankPoll } from '@/lib/fairness/poll-ranking';
import { participantRecord, pollRecord } from '@/lib/fixtures/poll-record';
import { glanceAtZones } from '@/lib/fairness/zone-glance';

const poll = pollRecord({
  guestZones: ['America/New_York', 'America/Los_Angeles', 'Europe/Rome'],
  options: [
    { id: 'a', startsAt: Date.parse('2026-10-28T16:00:00Z'), durationMinutes: 60, date: null },
  ],
});

describe('glanceAtZones', () => {
  it('shows each distinct place once, organiser first, before anyone answers', () => {
    const glance = glanceAtZones(poll);
    expect(glance.zones.map((z) => z.place)).toEqual(['Rome', 'New York', 'Los Angeles']);
    expect(glance.cells.get('a')).toEqual([
      { localStart: '2026-10-28T17:00', localEnd: '2026-10-28T18:00', band: 'edge' },
      { localStart: '2026-10-28T12:00', localEnd: '2026-10-28T13:00', band: 'comfortable' },
      { localStart: '2026-10-28T09:00', localEnd: '2026-10-28T10:00', band: 'comfortable' },
    ]);
  });
});

describe('one comfort band per person and slot', () => {
  const admin = pollRecord({
    options: [
      { id: 'ktm', startsAt: Date.parse('2026-10-28T15:00:00Z'), durationMinutes: 60, date: null },
      { id: 'den', startsAt: Date.parse('2026-10-28T14:00:00Z'), durationMinutes: 60, date: null },
    ],
    participants: [
      participantRecord(
        'asha',
        'Asia/Kathmandu',
        { ktm: 'yes', den: 'yes' },
        { workingHours: { start: '10:00', end: '18:00' } },
      ),
      participantRecord(
        'joe',
        'America/Denver',
        { ktm: 'yes', den: 'yes' },
        { workingHours: { start: '08:00', end: '16:00' } },
      ),
    ],
  });

  it('reads Kathmandu 20:45–21:45 against Asha’s working hours in the glance, as the ranking does', () => {
    const glance = glanceAtZones(admin);
    const k = glance.zones.findIndex((z) => z.id === 'Asia/Kathmandu');
    expect(glance.zones[k]).toMatchObject({
      fromWorkingHours: true,
      workingHours: { start: '10:00', end: '18:00' },
      people: ['ASHA'],
    });
    expect(glance.cells.get('ktm')?.[k]).toMatchObject({
      localStart: '2026-10-28T20:45',
      band: 'early-late',
    });
    const worst = rankPoll(admin).find((o) => o.id === 'ktm')?.explanation.worst;
    expect(worst).toMatchObject({ kind: 'local-time', band: 'early-late', fromWorkingHours: true });
    expect(participantChips(admin, 'ktm').find((c) => c.id === 'asha')).toMatchObject({
      band: 'early-late',
      fromWorkingHours: true,
    });
  });

  it('calls Denver 08:00 comfortable for Joe, who starts at 08:00, in the glance and the chips', () => {
    const glance = glanceAtZones(admin);
    const d = glance.zones.findIndex((z) => z.id === 'America/Denver');
    expect(glance.cells.get('den')?.[d]).toMatchObject({
      localStart: '2026-10-28T08:00',
      band: 'comfortable',
    });
    expect(participantChips(admin, 'den').find((c) => c.id === 'joe')?.band).toBe('comfortable');
  });

  it('keeps the usual day for a zone nobody answered from, and says so by leaving the flag out', () => {
    const glance = glanceAtZones(admin);
    expect(glance.zones[0]).toEqual({
      id: 'Europe/Rome',
      place: 'Rome',
      key: 'Europe/Rome',
      people: [],
    });
  });

  const ZONES = [
    'Asia/Kathmandu',
    'America/Denver',
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'America/St_Johns',
    'Pacific/Chatham',
  ];
  const hm = (quarter: number) =>
    `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
  const hoursArb = fc.option(
    fc
      .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 95 }))
      .map(([s, len]) => ({ start: hm(s), end: hm((s + len) % 96) }) as DailyWindow),
    { nil: null },
  );
  const pollArb = fc
    .record({
      organiser: fc.constantFrom(...ZONES),
      people: fc.array(fc.record({ zone: fc.constantFrom(...ZONES), hours: hoursArb }), {
        minLength: 1,
        maxLength: 6,
      }),
      starts: fc.uniqueArray(
        fc.integer({ min: 0, max: 2 * 365 * 96 }).map((q) => Date.UTC(2026, 0, 1) + q * 900_000),
        { minLength: 1, maxLength: 5 },
      ),
      duration: fc.constantFrom(15, 30, 60, 90, 120, 240),
    })
    .map(({ organiser, people, starts, duration }) => {
      const options = starts.map((startsAt, i) => ({
        id: `o${i}`,
        startsAt,
        durationMinutes: duration,
        date: null,
      }));
      const votes = Object.fromEntries(options.map((o) => [o.id, 'yes' as const]));
      return pollRecord({
        timeZone: organiser,
        options,
        participants: people.map((p, i) =>
          participantRecord(`p${i}`, p.zone, votes, { workingHours: p.hours }),
        ),
      });
    });

  it('gives every participant the same band and flag in the glance, the chips and the ranking', () => {
    fc.assert(
      fc.property(pollArb, (poll) => {
        const glance = glanceAtZones(poll);
        const ranked = rankPoll(poll);
        for (const option of poll.options) {
          const chips = participantChips(poll, option.id);
          for (const p of poll.participants) {
            const c = glance.zones.findIndex(
              (z) => z.id === p.timeZone && z.people.includes(p.name),
            );
            const cell = glance.cells.get(option.id)?.[c];
            const chip = chips.find((x) => x.id === p.id);
            expect(cell?.band).toBe(chip?.band);
            expect(glance.zones[c]?.fromWorkingHours === true).toBe(chip?.fromWorkingHours);
          }
          const worst = ranked.find((r) => r.id === option.id)?.explanation.worst;
          if (worst?.kind === 'local-time') {
            const chip = chips.find((x) => x.id === worst.participant.id);
            expect(worst.band).toBe(chip?.band);
            expect(worst.fromWorkingHours === true).toBe(chip?.fromWorkingHours);
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe('the place worst off at each option', () => {
  const spread = pollRecord({
    guestZones: ['America/New_York', 'America/Los_Angeles', 'Asia/Kathmandu'],
    options: [
      // 10:00 Rome: 05:00 in New York, 02:00 in Los Angeles, both night.
      {
        id: 'morning',
        startsAt: Date.parse('2026-10-28T09:00:00Z'),
        durationMinutes: 60,
        date: null,
      },
      // 15:00 Rome: 07:00 in Los Angeles, 19:45 in Kathmandu, the later the harder.
      {
        id: 'afternoon',
        startsAt: Date.parse('2026-10-28T14:00:00Z'),
        durationMinutes: 60,
        date: null,
      },
      // 13:00 Rome, 08:00 New York, 17:45 Kathmandu, 05:00 Los Angeles.
      { id: 'noon', startsAt: Date.parse('2026-10-28T12:00:00Z'), durationMinutes: 60, date: null },
    ],
  });

  it('names the column with the hardest hour, and none when everyone is comfortable', () => {
    const glance = glanceAtZones(spread);
    const place = (id: string) => {
      const c = glance.worst.get(id);
      return c === undefined ? undefined : glance.zones[c]?.place;
    };
    // Night in New York and in Los Angeles: the first column of the tie.
    expect(place('morning')).toBe('New York');
    expect(glance.cells.get('morning')?.[glance.worst.get('morning') ?? -1]?.band).toBe('night');
    expect(place('afternoon')).toBe('Kathmandu');
    expect(place('noon')).toBe('Los Angeles');
    expect(glanceAtZones(poll).worst.get('a')).toBe(0);
    const comfy = pollRecord({
      options: [
        { id: 'x', startsAt: Date.parse('2026-10-28T10:00:00Z'), durationMinutes: 60, date: null },
      ],
    });
    expect(glanceAtZones(comfy).worst.size).toBe(0);
  });

  it('is always the column whose band is the most severe of its row', () => {
    const order = ['comfortable', 'edge', 'early-late', 'antisocial', 'night'];
    const glance = glanceAtZones(spread);
    for (const [id, row] of glance.cells) {
      const c = glance.worst.get(id);
      const severest = Math.max(...row.map((cell) => order.indexOf(cell.band)));
      if (c === undefined) expect(severest).toBe(0);
      else expect(order.indexOf(row[c]?.band ?? '')).toBe(severest);
    }
  });
});
