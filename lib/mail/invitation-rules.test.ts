import { describe, expect, it } from 'vitest';
import {
  autoReminderDue,
  everyoneAnswered,
  isPending,
  remindableNow,
  REMINDER_GAP_MS,
} from '@/lib/mail/invitation-rules';

const NOW = Date.UTC(2026, 9, 1, 12);
const invited = { participantId: null, remindedAt: null, stopped: false };

describe('invitation rules', () => {
  it('counts an invitation pending until it is answered, unless its address stopped mail', () => {
    expect(isPending(invited)).toBe(true);
    expect(isPending({ ...invited, participantId: 'p1' })).toBe(false);
    expect(isPending({ ...invited, stopped: true })).toBe(false);
  });

  it('reminds each pending guest at most once in 24 h', () => {
    const list = [
      { ...invited, id: 'never' },
      { ...invited, id: 'yesterday', remindedAt: NOW - REMINDER_GAP_MS },
      { ...invited, id: 'recent', remindedAt: NOW - REMINDER_GAP_MS + 1 },
      { ...invited, id: 'answered', participantId: 'p1' },
    ];
    expect(remindableNow(list, NOW).map((i) => i.id)).toEqual(['never', 'yesterday']);
  });

  it('puts the automatic reminder 24 h before the deadline of an open poll', () => {
    const deadline = NOW + 3 * REMINDER_GAP_MS;
    expect(autoReminderDue({ status: 'open', deadline }, NOW)).toBe(deadline - REMINDER_GAP_MS);
    expect(autoReminderDue({ status: 'closed', deadline }, NOW)).toBeNull();
    expect(autoReminderDue({ status: 'scheduled', deadline }, NOW)).toBeNull();
    expect(autoReminderDue({ status: 'open', deadline: null }, NOW)).toBeNull();
    expect(autoReminderDue({ status: 'open', deadline: NOW + REMINDER_GAP_MS }, NOW)).toBeNull();
  });

  it('says everyone answered only when there were invitations and each is answered', () => {
    expect(everyoneAnswered([])).toBe(false);
    expect(everyoneAnswered([{ ...invited, participantId: 'a' }, invited])).toBe(false);
    expect(everyoneAnswered([{ ...invited, participantId: 'a' }])).toBe(true);
  });
});
