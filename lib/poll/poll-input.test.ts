import { describe, expect, it } from 'vitest';
import { preparePoll } from '@/lib/poll/poll-input';

const base = {
  title: 'Community call',
  timeZone: 'Europe/Rome',
  kind: 'timed',
  durationMinutes: 60,
  options: [{ start: '2026-10-28T17:00' }],
};

function codes(result: ReturnType<typeof preparePoll>, field: string): string[] {
  return result.ok ? [] : (result.fieldErrors[field] ?? []).map((p) => p.code);
}

describe('preparePoll', () => {
  it('turns a wall time in the organiser zone into its UTC instant', () => {
    const r = preparePoll(base);
    expect(r.ok && r.value.options).toEqual([
      { kind: 'timed', startsAt: Date.parse('2026-10-28T16:00:00Z'), durationMinutes: 60 },
    ]);
  });

  it('uses the summer offset in June and the winter one after 25 October', () => {
    const r = preparePoll({
      ...base,
      options: [{ start: '2026-06-10T17:00' }, { start: '2026-10-26T17:00' }],
    });
    expect(
      r.ok && r.value.options.map((o) => o.kind === 'timed' && new Date(o.startsAt).toISOString()),
    ).toEqual(['2026-06-10T15:00:00.000Z', '2026-10-26T16:00:00.000Z']);
  });

  it('merges duplicates and sorts options by time', () => {
    const r = preparePoll({
      ...base,
      options: [
        { start: '2026-10-29T09:00' },
        { start: '2026-10-28T17:00' },
        { start: '2026-10-29T09:00' },
      ],
    });
    expect(r.ok && r.value.options.length).toBe(2);
    expect(r.ok && r.value.options[0]!.kind === 'timed' && r.value.options[0]!.startsAt).toBe(
      Date.parse('2026-10-28T16:00:00Z'),
    );
  });

  it('refuses a wall time that the spring-forward gap skips, naming the clock change', () => {
    const r = preparePoll({ ...base, options: [{ start: '2026-03-29T02:30' }] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fieldErrors.options?.[0]).toEqual({
      code: 'options.nonexistent',
      values: { wall: '2026-03-29 02:30', zone: 'Europe/Rome', from: '02:00', to: '03:00' },
    });
  });

  it('takes the first occurrence of a fall-back wall time and reports it', () => {
    const r = preparePoll({
      ...base,
      timeZone: 'America/New_York',
      options: [{ start: '2026-11-01T01:30' }],
    });
    expect(r.ok && r.value.options[0]).toEqual({
      kind: 'timed',
      startsAt: Date.parse('2026-11-01T05:30:00Z'),
      durationMinutes: 60,
    });
    expect(r.ok && r.value.notices).toEqual([
      { field: 'options', wall: '2026-11-01 01:30', offsetUsed: '-04:00', offsetOther: '-05:00' },
    ]);
  });

  it('handles Lord Howe’s 30-minute gap', () => {
    const r = preparePoll({
      ...base,
      timeZone: 'Australia/Lord_Howe',
      options: [{ start: '2026-10-04T02:15' }],
    });
    expect(codes(r, 'options')).toEqual(['options.nonexistent']);
  });

  it('keeps all-day options as floating dates, merged and sorted', () => {
    const r = preparePoll({
      title: 'Retreat',
      timeZone: 'Pacific/Honolulu',
      kind: 'allDay',
      options: [{ date: '2026-11-03' }, { date: '2026-11-02' }, { date: '2026-11-03' }],
    });
    expect(r.ok && r.value.options).toEqual([
      { kind: 'allDay', date: '2026-11-02' },
      { kind: 'allDay', date: '2026-11-03' },
    ]);
  });

  it.each([
    ['an empty title', { title: '   ' }, 'title', 'title.required'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title', 'title.tooLong'],
    [
      'a description over 5,000 characters',
      { description: 'x'.repeat(5001) },
      'description',
      'description.tooLong',
    ],
    [
      'a name over 80 characters',
      { organiserName: 'x'.repeat(81) },
      'organiserName',
      'organiserName.tooLong',
    ],
    ['an abbreviation as zone', { timeZone: 'IST' }, 'timeZone', 'timeZone.unknown'],
    ['an unknown zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'timeZone.unknown'],
    ['no options', { options: [] }, 'options', 'options.required'],
    [
      'more than 500 options',
      {
        options: Array.from({ length: 501 }, (_, i) => ({
          start: `2026-10-28T${String(i % 24).padStart(2, '0')}:00`,
        })),
      },
      'options',
      'options.tooMany',
    ],
    [
      'a 10-minute duration',
      { durationMinutes: 10 },
      'durationMinutes',
      'durationMinutes.outOfRange',
    ],
    [
      'a 13-hour duration',
      { durationMinutes: 780 },
      'durationMinutes',
      'durationMinutes.outOfRange',
    ],
    [
      'a timed poll without a duration',
      { durationMinutes: undefined },
      'durationMinutes',
      'durationMinutes.outOfRange',
    ],
    [
      'a malformed start',
      { options: [{ start: '28/10/2026 17:00' }] },
      'options',
      'options.malformedStart',
    ],
    [
      'a date that does not exist',
      { kind: 'allDay', durationMinutes: undefined, options: [{ date: '2026-02-30' }] },
      'options',
      'options.malformedDate',
    ],
    [
      'dates in a timed poll',
      { options: [{ date: '2026-10-28' }] },
      'options',
      'options.kindMismatch',
    ],
    ['an unknown kind', { kind: 'weekly' }, 'kind', 'kind.invalid'],
  ])('refuses %s', (_label, patch, field, code) => {
    expect(codes(preparePoll({ ...base, ...patch }), field)).toContain(code);
  });

  it('names the field when the API sends a wrong type', () => {
    const r = preparePoll({ ...base, title: 42 });
    expect(codes(r, 'title')).toEqual(['title.required']);
  });

  it('refuses unknown top-level fields instead of ignoring them, naming each', () => {
    const r = preparePoll({ ...base, admin: true });
    expect(!r.ok && r.fieldErrors.admin).toEqual([
      { code: 'form.unknownField', values: { field: 'admin' } },
    ]);
  });

  it('says so when the body is not an object at all', () => {
    expect(codes(preparePoll(['title']), 'form')).toEqual(['form.notAnObject']);
  });

  it('keeps HTML and formulas as text but refuses hidden controls and invisible-only titles', () => {
    expect(preparePoll({ ...base, title: '<b>=1+1</b>', description: 'two\nlines' }).ok).toBe(true);
    expect(codes(preparePoll({ ...base, title: '\u200F\u200B' }), 'title')).toEqual([
      'title.required',
    ]);
    expect(codes(preparePoll({ ...base, title: '  ' }), 'title')).toEqual(['title.required']);
    expect(codes(preparePoll({ ...base, location: 'Room\u202E1' }), 'location')).toEqual([
      'text.hiddenControl',
    ]);
    expect(codes(preparePoll({ ...base, organiserName: 'Ana\nBob' }), 'organiserName')).toEqual([
      'text.hiddenControl',
    ]);
  });
});
