import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everyOptionPast } from '@/lib/poll/past-options';

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
