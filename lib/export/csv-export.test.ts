import { describe, expect, it } from 'vitest';
import { csvCell, resultsCsv } from '@/lib/export/csv-export';
import { participantRecord, pollRecord } from '@/lib/fixtures/poll-record';

describe('csvCell', () => {
  it.each([['=1+1'], ['+33 6'], ['-2'], ['@SUM(A1)'], ['\tx']])(
    'defuses a formula-looking %j',
    (value) => {
      expect(csvCell(value)).toBe(`"'${value.replace(/"/g, '""')}"`);
    },
  );
  it('quotes and doubles quotes, keeping any script', () => {
    expect(csvCell('Zoë "Z" 山田 محمد')).toBe('"Zoë ""Z"" 山田 محمد"');
  });
});

describe('resultsCsv', () => {
  it('has one column per option with its UTC start and the organiser’s wall time', () => {
    const poll = pollRecord({
      options: [
        { id: 'a', startsAt: Date.parse('2026-10-28T16:00:00Z'), durationMinutes: 60, date: null },
      ],
      participants: [
        participantRecord('p1', 'Asia/Kathmandu', { a: 'ifneedbe' }, { name: '=HYPERLINK("x")' }),
      ],
    });
    const lines = resultsCsv(poll).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFF"Participant","Time zone","2026-10-28T16:00:00Z (2026-10-28 17:00 Europe/Rome)"',
    );
    expect(lines[1]).toBe('"\'=HYPERLINK(""x"")","Asia/Kathmandu","if need be"');
  });

  it('ends with the ranking’s “Can attend” and marks a yes that does not count', () => {
    const poll = pollRecord({
      options: [
        { id: 'a', startsAt: Date.parse('2026-10-28T09:00:00Z'), durationMinutes: 60, date: null },
      ],
      participants: [
        participantRecord('rome', 'Europe/Rome', { a: 'yes' }, { name: 'Giulia' }),
        participantRecord(
          'la',
          'America/Los_Angeles',
          { a: 'yes' },
          { name: 'Nic', neverWindow: { start: '00:00', end: '06:00' } },
        ),
      ],
    });
    const lines = resultsCsv(poll).split('\r\n');
    expect(lines.slice(1)).toEqual([
      '"Giulia","Europe/Rome","yes"',
      '"Nic","America/Los_Angeles","yes (not counted: 02:00 Los Angeles, inside their never window, not confirmed)"',
      '"Can attend","","1"',
      '',
    ]);
  });

  it('adds the organiser’s column of addresses only when an answer has one, defused like any cell', () => {
    const poll = pollRecord({
      options: [
        { id: 'a', startsAt: Date.parse('2026-10-28T16:00:00Z'), durationMinutes: 60, date: null },
      ],
      participants: [
        participantRecord('p1', 'Europe/Rome', { a: 'yes' }, { name: 'Ana' }),
        participantRecord('p2', 'Asia/Tokyo', { a: 'no' }, { name: 'Bo' }),
      ],
    });
    expect(resultsCsv(poll, new Map([['other', 'x@example.org']]))).toBe(resultsCsv(poll));
    const lines = resultsCsv(poll, new Map([['p1', '=ana@example.org']])).split('\r\n');
    expect(lines[0]!.endsWith(',"Email"')).toBe(true);
    expect(lines.slice(1)).toEqual([
      '"Ana","Europe/Rome","yes","\'=ana@example.org"',
      '"Bo","Asia/Tokyo","no",""',
      '"Can attend","","1",""',
      '',
    ]);
  });
});
