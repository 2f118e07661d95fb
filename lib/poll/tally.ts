import type { VoteValue } from '@/lib/poll/model';

export interface OptionTally {
  yes: number;
  ifneedbe: number;
  no: number;
  /** Participants who have not answered this option. */
  pending: number;
}

/** How many said yes, if need be and no to each option, and how many have not answered it. */
export function tallyOptions(
  optionIds: readonly string[],
  participants: readonly { votes: Readonly<Record<string, VoteValue>> }[],
): Map<string, OptionTally> {
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
  return tallies;
}
