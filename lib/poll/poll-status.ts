import type { PollRecord, PollStatus } from '@/lib/poll/model';

/** What an organiser can ask of a poll's status. */
export type StatusChange =
  | { kind: 'close' }
  /** Takes answers again: from closed, or from scheduled (the chosen time is dropped). */
  | { kind: 'reopen' }
  | { kind: 'schedule'; optionId: string };

export type StatusState = Pick<PollRecord, 'status' | 'finalOptionId'>;

export type StatusMove =
  | {
      ok: true;
      status: PollStatus;
      finalOptionId: string | null;
      /** The calendar event changed (scheduled, moved or cancelled): its SEQUENCE must grow. */
      eventChanged: boolean;
    }
  | { ok: false; code: 'status.closeScheduled' };

/**
 * The one place a poll's status changes: open ⇄ closed, open or closed → scheduled (again, to
 * move the chosen time), scheduled → open. A scheduled poll cannot be closed: it would keep its
 * chosen time while saying it has none; reopen it first. Asking for the state a poll is
 * already in changes nothing (a double click).
 */
export function moveStatus(current: StatusState, change: StatusChange): StatusMove {
  switch (change.kind) {
    case 'close':
      if (current.status === 'scheduled') return { ok: false, code: 'status.closeScheduled' };
      return { ok: true, status: 'closed', finalOptionId: null, eventChanged: false };
    case 'reopen':
      return {
        ok: true,
        status: 'open',
        finalOptionId: null,
        eventChanged: current.status === 'scheduled',
      };
    case 'schedule':
      return {
        ok: true,
        status: 'scheduled',
        finalOptionId: change.optionId,
        eventChanged: current.status !== 'scheduled' || current.finalOptionId !== change.optionId,
      };
  }
}
