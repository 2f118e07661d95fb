import { describe, expect, it } from 'vitest';
import { rankPoll } from '@/lib/poll-ranking';
import type { PollRecord } from '@/lib/poll-shape';

const hour = (iso: string) => ({ startsAt: Date.parse(iso), durationMinutes: 60, date: null });

function poll(options: PollRecord['options'], participants: PollRecord['participants']): PollRecord {
  return {
    id: 'p',
    title: 't',
    description: '',
    location: '',
    organiserName: '',
    timeZone: 'Europe/Rome',
    kind: 'timed',
    status: 'open',
    createdAt: 0,
    updatedAt: 0,
    options,
    participants,
  };
}

const person = (id: string, timeZone: string, votes: Record<string, 'yes' | 'ifneedbe' | 'no'>) => ({
  id,
  name: id.toUpperCase(),
  timeZone,
  createdAt: 0,
  updatedAt: 0,
  votes,
});

describe('rankPoll', () => {
  it('puts the slot nobody attends at night first, even when both have full attendance', () => {
    const ranked = rankPoll(
      poll(
        [{ id: 'night', ...hour('2026-10-28T09:00:00Z') }, { id: 'fair', ...hour('2026-10-28T16:00:00Z') }],
        [person('rome', 'Europe/Rome', { night: 'yes', fair: 'yes' }), person('la', 'America/Los_Angeles', { night: 'yes', fair: 'yes' })],
      ),
    );
    expect(ranked.map((r) => r.id)).toEqual(['fair', 'night']);
    expect(ranked[1]!.chips.find((c) => c.id === 'la')).toMatchObject({ localStart: '2026-10-28T02:00', band: 'night' });
    expect(ranked[0]!.summary).toContain('worst: Wed 17:00-18:00 in Rome');
  });

  it('ranks all-day options by attendance only and gives them no local interval', () => {
    const ranked = rankPoll(
      poll(
        [{ id: 'a', startsAt: null, durationMinutes: null, date: '2026-11-02' }, { id: 'b', startsAt: null, durationMinutes: null, date: '2026-11-03' }],
        [person('x', 'Pacific/Honolulu', { a: 'no', b: 'yes' })],
      ),
    );
    expect(ranked.map((r) => r.id)).toEqual(['b', 'a']);
    expect(ranked[0]!.chips[0]).toMatchObject({ localStart: null, band: null, vote: 'yes' });
  });

  it('returns plain data that survives JSON, as the page sends it to the browser', () => {
    const ranked = rankPoll(poll([{ id: 'a', ...hour('2026-10-28T16:00:00Z') }], [person('x', 'Asia/Kathmandu', { a: 'ifneedbe' })]));
    expect(JSON.parse(JSON.stringify(ranked))).toEqual(ranked);
  });
});
