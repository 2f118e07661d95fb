import type { PollStatus } from '@/lib/poll/model';

const HOUR = 3_600_000;

/**
 * Against spamming a guest: the organiser's button reminds each one at most once in this
 * time, and the automatic reminder goes this long before the deadline.
 */
export const REMINDER_GAP_MS = 24 * HOUR;

export interface InvitationState {
  participantId: string | null;
  remindedAt: number | null;
  /** The address asked for no more mail about the poll. */
  stopped: boolean;
}

/** Invited, not answered, and still taking mail. */
export function isPending(invitation: InvitationState): boolean {
  return invitation.participantId === null && !invitation.stopped;
}

/** Whom the organiser's button reminds now: pending, and not reminded in the last 24 h. */
export function remindableNow<T extends InvitationState>(
  invitations: readonly T[],
  now: number,
): T[] {
  return invitations.filter(
    (i) => isPending(i) && (i.remindedAt === null || now - i.remindedAt >= REMINDER_GAP_MS),
  );
}

/**
 * When the automatic reminder is due: 24 h before the deadline of an open poll, while that is
 * still ahead. A deadline set less than 24 h ahead gets none (the invitation is fresh enough).
 */
export function autoReminderDue(
  poll: { status: PollStatus; deadline: number | null },
  now: number,
): number | null {
  if (poll.status !== 'open' || poll.deadline === null) return null;
  const due = poll.deadline - REMINDER_GAP_MS;
  return due > now ? due : null;
}

/** Every guest invited has answered (a poll with no invitations has not). */
export function everyoneAnswered(invitations: readonly InvitationState[]): boolean {
  return invitations.length > 0 && invitations.every((i) => i.participantId !== null);
}
