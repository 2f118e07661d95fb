import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pollRecord } from '@/lib/fixtures/poll-record';
import { parseDeadline, preparePollUpdate } from '@/lib/poll/poll-admin';
import { preparePoll, readDate, readWall } from '@/lib/poll/poll-input';
import type { Prepared } from '@/lib/poll/problems';

const NOW = Date.parse('2026-10-01T12:00:00Z');
const timedPoll = pollRecord({
  options: [
    { id: 'a', startsAt: Date.parse('2026-10-28T16:00:00Z'), durationMinutes: 60, date: null },
  ],
});
const allDayPoll = pollRecord({
  kind: 'allDay',
  options: [{ id: 'a', startsAt: null, durationMinutes: null, date: '2026-10-28' }],
});

const codesOf = (result: Prepared<unknown>, field: string) =>
  result.ok ? [] : (result.fieldErrors[field] ?? []).map((p) => p.code);

/** What creation says of one option, and what an edit adding the same option says. */
function bothPaths(option: { start: string } | { date: string }) {
  const timed = 'start' in option;
  const created = preparePoll({
    title: 'T',
    timeZone: 'Europe/Rome',
    kind: timed ? 'timed' : 'allDay',
    ...(timed ? { durationMinutes: 60 } : {}),
    options: [option],
  });
  const edited = preparePollUpdate({ addOptions: [option] }, timed ? timedPoll : allDayPoll, NOW);
  return { created: codesOf(created, 'options'), edited: codesOf(edited, 'addOptions') };
}

/** Strings shaped like dates, with every part free to be impossible. */
const dateLike = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
  )
  .map(
    ([y, m, d]) =>
      `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  );
const wallLike = fc
  .tuple(dateLike, fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
  .map(([date, h, m]) => `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('every write path reads options as creation does', () => {
  it.each([
    [{ date: '2027-02-30' }, 'options.malformedDate'],
    [{ date: 'not-a-date' }, 'options.malformedDate'],
    [{ date: '2027-2-3' }, 'options.malformedDate'],
    [{ start: '2027-02-30T10:00' }, 'options.malformedStart'],
    [{ start: 'not-a-date' }, 'options.malformedStart'],
    [{ start: '0001-01-01T10:00' }, 'date.outOfRange'],
    [{ date: '2101-01-01' }, 'date.outOfRange'],
    [{ date: '1969-12-31' }, 'date.outOfRange'],
  ])('refuses %j on create and on edit alike (%s)', (option, code) => {
    expect(bothPaths(option)).toEqual({ created: [code], edited: [code] });
  });

  it('agrees with creation on any date-shaped or arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string({ maxLength: 12 })), (date) => {
        const { created, edited } = bothPaths({ date });
        expect(edited).toEqual(created);
      }),
    );
    fc.assert(
      fc.property(fc.oneof(wallLike, fc.string({ maxLength: 18 })), (start) => {
        const { created, edited } = bothPaths({ start });
        // A wall time that creation takes is either new to the edited poll or already in it.
        expect(edited).toEqual(created);
      }),
    );
  });
});

describe('dates exist on the calendar and lie in 1970–2100, in every field', () => {
  it('reads a date only when the calendar has it', () => {
    fc.assert(
      fc.property(dateLike, (text) => {
        const [y, m, d] = text.split('-').map(Number) as [number, number, number];
        const real = new Date(0);
        real.setUTCFullYear(y, m - 1, d);
        const exists =
          real.getUTCFullYear() === y && real.getUTCMonth() === m - 1 && real.getUTCDate() === d;
        const inRange = y >= 1970 && y <= 2100;
        const read = readDate(text, 'malformed');
        expect(read.ok ? 'ok' : read.code).toBe(
          !exists ? 'malformed' : inRange ? 'ok' : 'date.outOfRange',
        );
        expect(readWall(`${text}T12:00`, 'malformed').ok).toBe(exists && inRange);
      }),
    );
  });

  it.each([
    ['2027-02-30T12:00:00Z', 'deadline.malformed'],
    ['2027-02-30T12:00', 'deadline.malformed'],
    ['2027-04-31T12:00+02:00', 'deadline.malformed'],
    ['0001-01-01T00:00:00Z', 'date.outOfRange'],
    ['2101-01-01T00:00', 'date.outOfRange'],
  ])('refuses the deadline %s (%s)', (text, code) => {
    expect(parseDeadline(text, 'Europe/Rome')).toEqual({ ok: false, code });
    expect(codesOf(preparePollUpdate({ deadline: text }, timedPoll, NOW), 'deadline')).toEqual([
      code,
    ]);
  });

  it('keeps a start in year 0001 from being stored as 1901', () => {
    expect(bothPaths({ start: '0001-06-01T10:00' }).created).toEqual(['date.outOfRange']);
  });
});
