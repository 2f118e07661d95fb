import { describe, expect, it } from 'vitest';
import { participantRecord, pollRecord } from '@/lib/fixtures/poll-record';
import { packPoll, unpackPoll } from '@/lib/poll/packed-poll';

const options = ['a', 'b', 'c', 'd'].map((id, i) => ({
  id,
  startsAt: Date.UTC(2027, 5, 7, 8 + i),
  durationMinutes: 60,
  date: null,
}));

describe('packed polls', () => {
  it('writes one character per option, in option order, upper case for a never-window override', () => {
    const poll = pollRecord({
      options,
      participants: [
        participantRecord(
          'p1',
          'Europe/Rome',
          { d: 'no', a: 'yes', b: 'ifneedbe' },
          { overrideNever: ['b'] },
        ),
        participantRecord('p2', 'America/New_York', {}),
      ],
    });
    expect(packPoll(poll).participants.map((p) => p.answers)).toEqual(['yM-n', '----']);
  });

  it('unpacks to the record it came from', () => {
    const poll = pollRecord({
      options,
      participants: [
        participantRecord(
          'p1',
          'Europe/Rome',
          { a: 'yes', b: 'ifneedbe', c: 'no', d: 'yes' },
          { overrideNever: ['a', 'b'] },
        ),
        participantRecord(
          'p2',
          'Asia/Kathmandu',
          { c: 'ifneedbe' },
          { workingHours: { start: '08:00', end: '16:00' }, neverWindow: null },
        ),
        participantRecord('p3', 'America/Los_Angeles', {}),
      ],
    });
    expect(unpackPoll(packPoll(poll))).toEqual(poll);
  });

  it('drops an override the vote makes meaningless (a no is never counted anyway)', () => {
    const poll = pollRecord({
      options,
      participants: [participantRecord('p1', 'UTC', { a: 'no' }, { overrideNever: ['a'] })],
    });
    const back = unpackPoll(packPoll(poll));
    expect(back.participants[0]?.votes).toEqual({ a: 'no' });
    expect(back.participants[0]?.overrideNever).toEqual([]);
  });

  it('keeps answers aligned with their options for all-day polls too', () => {
    const days = ['2027-06-07', '2027-06-08'].map((date, i) => ({
      id: `d${i}`,
      startsAt: null,
      durationMinutes: null,
      date,
    }));
    const poll = pollRecord({
      kind: 'allDay',
      options: days,
      participants: [participantRecord('p1', 'UTC', { d1: 'yes' })],
    });
    expect(packPoll(poll).participants[0]?.answers).toBe('-y');
    expect(unpackPoll(packPoll(poll))).toEqual(poll);
  });
});
