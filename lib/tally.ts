import type { VoteValue } from '@/lib/poll-input';

export interface OptionTally {
  yes: number;
  ifneedbe: number;
  no: number;
  /** Participants who have not answered this option. */
  pending: number;
}

/**
 * Counts per option and the options most people can attend (yes + if-need-be). The
 * fairness ranking refines this order; until then it is the Doodle reading of a poll.
 */
export function tallyOptions(
  optionIds: readonly string[],
  participants: readonly { votes: Readonly<Record<string, VoteValue>> }[],
): { tallies: Map<string, OptionTally>; best: Set<string> } {
  const tallies = new Map<string, OptionTally>();
  for (const id of optionIds) {
    const tally: OptionTally = { yes: 0, ifneedbe: 0, no: 0, pending: 0 };
    for (const p of participants) {
      const vote = p.votes[id];
      if (vote) tally[vote] += 1;
      else tally.pending += 1;
    }
    tallies.set(id, tally);
  }
  let top = 0;
  for (const t of tallies.values()) top = Math.max(top, t.yes + t.ifneedbe);
  const best = new Set(
    top === 0 ? [] : optionIds.filter((id) => {
      const t = tallies.get(id);
      return t !== undefined && t.yes + t.ifneedbe === top;
    }),
  );
  return { tallies, best };
}
