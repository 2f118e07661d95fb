import type { PollRecord } from '@/lib/poll/model';

export type ResultsHidden = 'afterAnswer' | 'organiserOnly' | null;

/**
 * What a viewer may see of the answers, decided on the server so that pages and API hide
 * the same things: `hideNames` replaces other people's names, `afterAnswer` shows nothing
 * until the viewer has answered, `organiserOnly` shows a participant only their own answer.
 * The ranking is then computed from this view, so it cannot leak what is hidden.
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
          p.id === viewer.participantId ? p : { ...p, name: anonymousName(i + 1) },
        ),
      },
      hidden: null,
    };
  }
  if (poll.privacy === 'afterAnswer' && answered) return { poll, hidden: null };
  return {
    poll: { ...poll, participants: poll.participants.filter((p) => p.id === viewer.participantId) },
    hidden: poll.privacy,
  };
}
