import type { ParticipantRecord, PollRecord } from '@/lib/poll/model';

export type ResultsHidden = 'afterAnswer' | 'organiserOnly' | null;

/**
 * What a viewer may see of the answers, decided on the server so that pages and API hide
 * the same things: `hideNames` replaces other people's names, `afterAnswer` shows nothing
 * until the viewer has answered, `organiserOnly` shows a participant only their own answer.
 * The ranking is then computed from this view, so it cannot leak what is hidden.
 *
 * What a viewer cannot see must not change what they receive, timestamps included (the API's
 * ETag is a hash of the body): a hidden answer does not move the poll's `updatedAt`, and an
 * anonymous row carries no time of its own, which would link it to its author's comments.
 */
export function visiblePoll(
  poll: PollRecord,
  viewer: { admin: boolean; participantId: string | null },
  anonymousName: (position: number) => string,
): { poll: PollRecord; hidden: ResultsHidden } {
  if (viewer.admin || poll.privacy === 'public') return { poll, hidden: null };
  const answered =
    viewer.participantId !== null && poll.participants.some((p) => p.id === viewer.participantId);
  if (poll.privacy === 'hideNames') {
    return {
      poll: {
        ...poll,
        participants: poll.participants.map((p, i) =>
          p.id === viewer.participantId ? p : anonymous(p, anonymousName(i + 1), poll.createdAt),
        ),
      },
      hidden: null,
    };
  }
  if (poll.privacy === 'afterAnswer' && answered) return { poll, hidden: null };
  const own = poll.participants.filter((p) => p.id === viewer.participantId);
  return {
    poll: {
      ...poll,
      participants: own,
      updatedAt: Math.max(
        poll.createdAt,
        ...own.map((p) => p.updatedAt),
        ...poll.comments.map((c) => c.createdAt),
      ),
    },
    hidden: poll.privacy,
  };
}

function anonymous(p: ParticipantRecord, name: string, pollCreatedAt: number): ParticipantRecord {
  return { ...p, name, createdAt: pollCreatedAt, updatedAt: pollCreatedAt };
}
