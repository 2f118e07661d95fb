import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PollStatus } from '@/lib/poll/model';
import { moveStatus, type StatusChange, type StatusState } from '@/lib/poll/poll-status';

const STATES: StatusState[] = [
  { status: 'open', finalOptionId: null },
  { status: 'closed', finalOptionId: null },
  { status: 'scheduled', finalOptionId: 'a' },
];
const CHANGES: StatusChange[] = [
  { kind: 'close' },
  { kind: 'reopen' },
  { kind: 'schedule', optionId: 'a' },
  { kind: 'schedule', optionId: 'b' },
];

/** The table the issue states, every state × every change: the result status, or refused. */
const EXPECTED: Record<PollStatus, Record<string, PollStatus | 'refused'>> = {
  open: { close: 'closed', reopen: 'open', 'schedule a': 'scheduled', 'schedule b': 'scheduled' },
  closed: { close: 'closed', reopen: 'open', 'schedule a': 'scheduled', 'schedule b': 'scheduled' },
  scheduled: {
    close: 'refused',
    reopen: 'open',
    'schedule a': 'scheduled',
    'schedule b': 'scheduled',
  },
};
const name = (c: StatusChange) => (c.kind === 'schedule' ? `schedule ${c.optionId}` : c.kind);

describe('moveStatus', () => {
  it.each(STATES.flatMap((s) => CHANGES.map((c) => [s.status, name(c), s, c] as const)))(
    '%s + %s',
    (_from, change, state, c) => {
      const move = moveStatus(state, c);
      expect(move.ok ? move.status : 'refused').toBe(EXPECTED[state.status][change]);
    },
  );

  it('a scheduled poll cannot be closed and keep its chosen time', () => {
    expect(moveStatus({ status: 'scheduled', finalOptionId: 'a' }, { kind: 'close' })).toEqual({
      ok: false,
      code: 'status.closeScheduled',
    });
  });

  it('only a scheduled poll has a chosen time, and the event changes exactly when it does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATES),
        fc.array(fc.constantFrom(...CHANGES)),
        (start, changes) => {
          let state = start;
          for (const change of changes) {
            const move = moveStatus(state, change);
            if (!move.ok) {
              expect(state.status).toBe('scheduled');
              continue;
            }
            expect(move.finalOptionId !== null).toBe(move.status === 'scheduled');
            expect(move.eventChanged).toBe(state.finalOptionId !== move.finalOptionId);
            state = { status: move.status, finalOptionId: move.finalOptionId };
          }
        },
      ),
    );
  });
});
