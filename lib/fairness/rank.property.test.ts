import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { painAtMinute } from '@/lib/fairness/curve';
import { rankOptions } from '@/lib/fairness/rank';
import type { DailyWindow, HM, Participant, RankedOption, Slot, Vote } from '@/lib/fairness/model';
import { localizeSlot } from '@/lib/fixtures/hourly-probe';
import { formatWall, resolveZone } from '@/lib/time/time-zone';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const WEEK = 7 * DAY;
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2028, 0, 1);

/** Zones with clock changes of every kind: US/EU, southern, midnight, 30-minute, Ramadan. */
const CHANGING_ZONES = [
  'Europe/London',
  'America/New_York',
  'America/Santiago',
  'America/Havana',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Africa/Casablanca',
  'Australia/Sydney',
  'Asia/Kathmandu',
  'UTC',
  'Etc/GMT+5',
  'UTC+05:30',
];
/** No offset change in 2025–2028, so moving a slot by whole weeks keeps every local time. */
const STEADY_ZONES = [
  'Asia/Tokyo',
  'Asia/Kolkata',
  'America/Phoenix',
  'Asia/Kathmandu',
  'UTC+05:30',
];

interface SlotShape {
  kind: 'timed' | 'anchored' | 'all-day';
  startMs: number;
  durationMin: number;
  anchorZone: string;
}

interface PersonShape {
  zone: string | null;
  preferred: DailyWindow | null;
  never: DailyWindow | null;
  votes: (Vote | null)[];
  overrides: boolean[];
}

interface Scenario {
  slots: SlotShape[];
  people: PersonShape[];
}

const hm = (quarter: number) =>
  `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}` as HM;
const windowArb: fc.Arbitrary<DailyWindow> = fc.record({
  start: fc.integer({ min: 0, max: 95 }).map(hm),
  end: fc.integer({ min: 0, max: 96 }).map(hm),
});
const voteArb = fc.constantFrom<Vote | null>('yes', 'yes', 'ifneedbe', 'no', null);
const durationArb = fc.oneof(
  fc.constantFrom(15, 30, 45, 60, 90, 120, 240, 720, 1440),
  fc.integer({ min: 1, max: 1440 }),
);
const instantArb = fc
  .integer({ min: 0, max: (TO - FROM) / (5 * MINUTE) })
  .map((k) => FROM + k * 5 * MINUTE);

function slotArb(zones: readonly string[]): fc.Arbitrary<SlotShape> {
  return fc.record({
    kind: fc.constantFrom<SlotShape['kind']>('timed', 'timed', 'timed', 'anchored', 'all-day'),
    startMs: instantArb,
    durationMin: durationArb,
    anchorZone: fc.constantFrom(...zones),
  });
}

function scenarioArb(zones: readonly (string | null)[]): fc.Arbitrary<Scenario> {
  const anchorZones = zones.filter((z): z is string => resolveZone(z).zone !== null);
  return fc.array(slotArb(anchorZones), { minLength: 1, maxLength: 6 }).chain((slots) =>
    fc.record({
      slots: fc.constant(slots),
      people: fc.array(
        fc.record({
          zone: fc.constantFrom(...zones),
          preferred: fc.option(windowArb, { freq: 3 }),
          never: fc.option(windowArb, { freq: 2 }),
          votes: fc.array(voteArb, { minLength: slots.length, maxLength: slots.length }),
          overrides: fc.array(fc.boolean(), { minLength: slots.length, maxLength: slots.length }),
        }),
        { minLength: 1, maxLength: 7 },
      ),
    }),
  );
}

const changingScenario = scenarioArb([...CHANGING_ZONES, null, 'IST']);
const steadyScenario = scenarioArb([...STEADY_ZONES, null]);

function toSlot(shape: SlotShape, index: number): Slot {
  const id = `s${index}`;
  if (shape.kind === 'all-day')
    return { id, date: formatWall(shape.startMs).slice(0, 10), allDay: true };
  if (shape.kind === 'anchored') {
    return {
      id,
      anchor: { zone: shape.anchorZone, wall: formatWall(shape.startMs) },
      durationMin: shape.durationMin,
    };
  }
  return { id, start: new Date(shape.startMs).toISOString(), durationMin: shape.durationMin };
}

function toInput(scenario: Scenario): { slots: Slot[]; participants: Participant[] } {
  const slots = scenario.slots.map(toSlot);
  const participants = scenario.people.map((p, i): Participant => {
    const votes: Record<string, Vote> = {};
    const overrideNever: Record<string, true> = {};
    slots.forEach((slot, s) => {
      const vote = p.votes[s];
      if (vote) votes[slot.id] = vote;
      if (p.overrides[s]) overrideNever[slot.id] = true;
    });
    return {
      id: `p${i}`,
      name: `Person ${i}`,
      zone: p.zone,
      ...(p.preferred ? { preferred: p.preferred } : {}),
      ...(p.never ? { never: p.never } : {}),
      votes,
      overrideNever,
    };
  });
  return { slots, participants };
}

/** What the ranking decides: the order, the keys and who is worst off. */
function decision(ranked: RankedOption[]) {
  return ranked.map((o) => {
    const worst = o.explanation.worst;
    return {
      id: o.id,
      keys: o.keys,
      worst: 'participant' in worst ? worst.participant.id : worst.kind,
    };
  });
}

describe('rankOptions, for any poll', () => {
  it('ranks the same whatever the order of the slots and of the participants', () => {
    fc.assert(
      fc.property(
        changingScenario.chain((scenario) => {
          const input = toInput(scenario);
          return fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray(input.slots, { minLength: input.slots.length }),
            fc.shuffledSubarray(input.participants, { minLength: input.participants.length }),
          );
        }),
        ([input, slots, participants]) => {
          expect(decision(rankOptions({ slots, participants }))).toEqual(
            decision(rankOptions(input)),
          );
        },
      ),
    );
  });

  it('does not change when a participant who votes no everywhere joins', () => {
    fc.assert(
      fc.property(
        changingScenario,
        fc.constantFrom(...CHANGING_ZONES, null),
        fc.option(windowArb),
        (scenario, zone, never) => {
          const input = toInput(scenario);
          const naysayer: Participant = {
            id: 'p-no',
            zone,
            ...(never ? { never } : {}),
            votes: Object.fromEntries(input.slots.map((s) => [s.id, 'no'])),
          };
          const before = rankOptions(input);
          const after = rankOptions({
            slots: input.slots,
            participants: [...input.participants, naysayer],
          });
          expect(decision(after)).toEqual(decision(before));
          expect(after.map((o) => o.explanation.attendance.no)).toEqual(
            before.map((o) => o.explanation.attendance.no + 1),
          );
        },
      ),
    );
  });

  it('keeps every slot’s keys when slots move by whole weeks in zones without clock changes', () => {
    fc.assert(
      fc.property(
        steadyScenario.chain((scenario) =>
          fc.tuple(
            fc.constant(scenario),
            fc.array(fc.integer({ min: -40, max: 40 }), {
              minLength: scenario.slots.length,
              maxLength: scenario.slots.length,
            }),
          ),
        ),
        ([scenario, weeks]) => {
          const moved = {
            ...scenario,
            slots: scenario.slots.map((s, i) => ({
              ...s,
              startMs: s.startMs + (weeks[i] ?? 0) * WEEK,
            })),
          };
          const keysById = (ranked: RankedOption[]) =>
            Object.fromEntries(ranked.map((o) => [o.id, o.keys]));
          const before = rankOptions(toInput(scenario));
          const after = rankOptions(toInput(moved));
          expect(keysById(after)).toEqual(keysById(before));
          expect(after.map((o) => o.keys)).toEqual(before.map((o) => o.keys));
        },
      ),
    );
  });

  it('keeps the order itself when every slot moves by the same number of weeks', () => {
    fc.assert(
      fc.property(steadyScenario, fc.integer({ min: -40, max: 40 }), (scenario, weeks) => {
        const moved = {
          ...scenario,
          slots: scenario.slots.map((s) => ({ ...s, startMs: s.startMs + weeks * WEEK })),
        };
        expect(rankOptions(toInput(moved)).map((o) => o.id)).toEqual(
          rankOptions(toInput(scenario)).map((o) => o.id),
        );
      }),
    );
  });

  it('keeps every pain an integer from 0 to 1000 and the keys consistent with it', () => {
    const isPain = (p: number) => Number.isInteger(p) && p >= 0 && p <= 1000;
    fc.assert(
      fc.property(changingScenario, (scenario) => {
        for (const option of rankOptions(toInput(scenario))) {
          const attending = option.participants.filter((p) => p.pain !== null);
          for (const p of option.participants) {
            if (p.timePain !== null) expect(isPain(p.timePain)).toBe(true);
            if (p.pain !== null) expect(isPain(p.pain)).toBe(true);
          }
          const pains = attending.map((p) => p.pain as number);
          expect(option.keys).toEqual({
            canAttend: attending.length,
            night: pains.filter((p) => p >= 900).length,
            worstStep: Math.ceil(Math.max(0, ...pains) / 50),
            totalPain: pains.reduce((a, b) => a + b, 0),
            worstPain: Math.max(0, ...pains),
            yes: attending.filter((p) => p.effectiveVote === 'yes').length,
          });
        }
      }),
    );
  });

  it('keeps the pain curve within 0–1000 for any minute and any working hours', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.option(windowArb),
        (minute, preferred) => {
          const pain = painAtMinute(minute, preferred ?? undefined);
          expect(Number.isInteger(pain) && pain >= 0 && pain <= 1000).toBe(true);
        },
      ),
    );
  });
});

describe('the engine’s shared offset timeline', () => {
  it('localises every slot as the hourly-probe time model does', () => {
    fc.assert(
      fc.property(
        instantArb,
        durationArb,
        fc.constantFrom(...CHANGING_ZONES),
        (startMs, durationMin, zoneId) => {
          const zone = resolveZone(zoneId).zone;
          if (!zone) throw new Error(zoneId);
          const reference = localizeSlot(zone, startMs, durationMin);
          const [ranked] = rankOptions({
            slots: [{ id: 's', start: new Date(startMs).toISOString(), durationMin }],
            participants: [{ id: 'p', zone: zoneId, votes: { s: 'yes' } }],
          });
          expect(ranked?.participants[0]?.local).toMatchObject({
            localStart: formatWall(reference.startWall),
            localEnd: formatWall(reference.endWall),
            offsetStartMin: reference.offsetStart,
            offsetEndMin: reference.offsetEnd,
            clockChange: reference.transitions.length > 0,
            crossesMidnight: reference.crossesLocalMidnight,
          });
        },
      ),
    );
  });

  it('finds the exact peak of the default curve, which sampling every local minute confirms', () => {
    fc.assert(
      fc.property(
        instantArb,
        durationArb,
        fc.constantFrom(...CHANGING_ZONES),
        (startMs, durationMin, zoneId) => {
          const zone = resolveZone(zoneId).zone;
          if (!zone) throw new Error(zoneId);
          let sampled = 0;
          for (const segment of localizeSlot(zone, startMs, durationMin).segments) {
            for (let wall = segment.startWall; wall <= segment.endWall; wall += MINUTE) {
              sampled = Math.max(sampled, painAtMinute((wall % DAY) / MINUTE));
            }
          }
          const [ranked] = rankOptions({
            slots: [{ id: 's', start: new Date(startMs).toISOString(), durationMin }],
            participants: [{ id: 'p', zone: zoneId, votes: { s: 'yes' } }],
          });
          expect(ranked?.participants[0]?.timePain).toBe(sampled);
        },
      ),
    );
  });
});
