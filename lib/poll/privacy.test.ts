import { describe, expect, it } from 'vitest';
import { participantRecord, pollRecord } from '@/lib/fixtures/poll-record';
import { visiblePoll } from '@/lib/poll/privacy';

const people = [
  participantRecord('ana', 'UTC', { a: 'yes' }),
  participantRecord('bo', 'UTC', { a: 'no' }),
];
const label = (n: number) => `Participant ${n}`;

describe('visiblePoll', () => {
  it('shows everything to the organiser whatever the setting', () => {
    const poll = pollRecord({ privacy: 'organiserOnly', participants: people });
    expect(
      visiblePoll(poll, { admin: true, participantId: null }, label).poll.participants,
    ).toHaveLength(2);
  });

  it('hides other people’s names but not the viewer’s own', () => {
    const { poll } = visiblePoll(
      pollRecord({ privacy: 'hideNames', participants: people }),
      { admin: false, participantId: 'bo' },
      label,
    );
    expect(poll.participants.map((p) => p.name)).toEqual(['Participant 1', 'BO']);
  });

  it('shows results only after the viewer has answered', () => {
    const poll = pollRecord({ privacy: 'afterAnswer', participants: people });
    expect(visiblePoll(poll, { admin: false, participantId: null }, label)).toMatchObject({
      hidden: 'afterAnswer',
      poll: { participants: [] },
    });
    expect(
      visiblePoll(poll, { admin: false, participantId: 'ana' }, label).poll.participants,
    ).toHaveLength(2);
  });

  it('shows a participant only their own answer when results are for the organiser', () => {
    const { poll, hidden } = visiblePoll(
      pollRecord({ privacy: 'organiserOnly', participants: people }),
      { admin: false, participantId: 'ana' },
      label,
    );
    expect(hidden).toBe('organiserOnly');
    expect(poll.participants.map((p) => p.id)).toEqual(['ana']);
  });
});
