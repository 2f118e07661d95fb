import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPastProblems, everyOptionPast, pastOptions } from '@/lib/poll/past-options';
import type { FieldProblems } from '@/lib/poll/problems';

const HOUR = 3_600_000;
const start = Date.UTC(2027, 5, 10, 8);
const timed = (startsAt: number) => ({ id: 'x', startsAt, durationMinutes: 60, date: null });
const day = (date: string) => ({ id: 'd', startsAt: null, durationMinutes: null, date });

describe('everyOptionPast', () => {
  it('a timed option is past once it has ended, not when it starts', () => {
    const poll = { timeZone: 'Europe/Rome', options: [timed(start)] };
    expect(everyOptionPast(poll, start + HOUR / 2)).toBe(false);
    expect(everyOptionPast(poll, start + HOUR)).toBe(true);
  });

  it('one option still ahead keeps the poll current', () => {
    const poll = { timeZone: 'Europe/Rome', options: [timed(start), timed(start + 48 * HOUR)] };
    expect(everyOptionPast(poll, start + 2 * HOUR)).toBe(false);
    expect(everyOptionPast(poll, start + 50 * HOUR)).toBe(true);
  });

  it('an all-day option ends with its date in the poll’s zone', () => {
    const poll = { timeZone: 'Pacific/Auckland', options: [day('2027-06-10')] };
    // 23:30 on 10 June in Auckland: the day is not over there yet.
    expect(everyOptionPast(poll, Date.UTC(2027, 5, 10, 11, 30))).toBe(false);
    // 00:30 on 11 June in Auckland, still 10 June in UTC.
    expect(everyOptionPast(poll, Date.UTC(2027, 5, 10, 12, 30))).toBe(true);
  });

  it('a poll without options is never past', () => {
    expect(everyOptionPast({ timeZone: 'UTC', options: [] }, start)).toBe(false);
  });

  it('is past exactly when now is at or after the last end', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1 }),
        fc.integer({ min: 0, max: 1100 }),
        (hours, nowHours) => {
          const poll = { timeZone: 'UTC', options: hours.map((h) => timed(start + h * HOUR)) };
          const lastEnd = Math.max(...hours) + 1;
          expect(everyOptionPast(poll, start + nowHours * HOUR)).toBe(nowHours >= lastEnd);
        },
      ),
    );
  });
});

describe('pastOptions and the refusal', () => {
  const at = (iso: string) => Date.parse(iso);
  const allDay = (date: string) => ({ kind: 'allDay' as const, date });
  const timedAt = (startsAt: number) => ({ kind: 'timed' as const, startsAt, durationMinutes: 60 });

  it('a timed option is past once it has started, not once it has ended', () => {
    const now = at('2026-12-03T10:00:00Z');
    const options = [timedAt(now - 60_000), timedAt(now), timedAt(now + 60_000)];
    expect(pastOptions(options, 'Europe/Rome', now)).toEqual([options[0]]);
  });

  it('“today” is the organiser’s date in the poll’s zone, on either side of midnight UTC', () => {
    const [second, third] = [allDay('2026-12-02'), allDay('2026-12-03')];
    const options = [second, third];
    // 00:30 UTC on 3 December: 14:30 on the 3rd in Kiritimati (UTC+14), 13:30 on the 2nd in Pago Pago (UTC−11).
    const early = at('2026-12-03T00:30:00Z');
    expect(pastOptions(options, 'Pacific/Kiritimati', early)).toEqual([second]);
    expect(pastOptions(options, 'Pacific/Pago_Pago', early)).toEqual([]);
    // 23:30 UTC on 3 December: already the 4th in Kiritimati, still the 3rd in Pago Pago.
    const late = at('2026-12-03T23:30:00Z');
    expect(pastOptions(options, 'Pacific/Kiritimati', late)).toEqual(options);
    expect(pastOptions(options, 'Pacific/Pago_Pago', late)).toEqual([second]);
    // The day itself is never past while it lasts: 23:59 in Pago Pago on the 3rd.
    expect(pastOptions([third], 'Pacific/Pago_Pago', at('2026-12-04T10:59:00Z'))).toEqual([]);
    expect(pastOptions([third], 'Pacific/Pago_Pago', at('2026-12-04T11:00:00Z'))).toEqual([third]);
  });

  it('names the past options as wall times in the poll’s zone, five at most, and asks for allowPast', () => {
    const now = at('2026-12-03T12:00:00Z');
    const options = [0, 1, 2, 3, 4, 5, 6].map((d) => timedAt(now - (d + 1) * 24 * HOUR));
    const problems: FieldProblems = {};
    addPastProblems(problems, [...options, timedAt(now + HOUR)], {
      zoneId: 'Asia/Kathmandu',
      nowMs: now,
      field: 'options',
    });
    expect(problems).toEqual({
      options: [
        {
          code: 'options.past',
          values: {
            count: 7,
            options:
              '2026-12-02 17:45, 2026-12-01 17:45, 2026-11-30 17:45, 2026-11-29 17:45, 2026-11-28 17:45',
            more: 2,
          },
        },
      ],
      allowPast: [{ code: 'allowPast.required' }],
    });
  });

  it('adds nothing when every option is ahead', () => {
    const problems: FieldProblems = {};
    addPastProblems(problems, [allDay('2026-12-03')], {
      zoneId: 'Pacific/Pago_Pago',
      nowMs: at('2026-12-03T00:30:00Z'),
      field: 'addOptions',
    });
    expect(problems).toEqual({});
  });

  it('no option before now is ever missed, and none after it is named', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 20 }), (offsets) => {
        const now = at('2026-12-03T12:00:00Z');
        const options = offsets.map((m) => timedAt(now + m * 60_000));
        const past = pastOptions(options, 'America/New_York', now);
        expect(past.length).toBe(offsets.filter((m) => m < 0).length);
      }),
    );
  });
});
