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
});
