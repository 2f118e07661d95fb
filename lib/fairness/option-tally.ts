import type { SlotExplanation } from '@/lib/fairness/model';

/**
 * A yes (or if need be) the engine does not count as attending, and why: the option falls
 * inside the participant's never window and they did not confirm it (fairness.md §4).
 */
export interface NotCounted {
  participantId: string;
  /** The answer as the participant gave it. */
  vote: 'yes' | 'ifneedbe';
  reason: 'never-window';
  /** The option's local start "HH:mm" and the place whose clock says it. */
  localTime: string;
  place: string;
}

/**
 * Who can attend one option, as the ranking counts it. Every number a reader shows (results
 * table and totals, answer list, ranking, scheduling panel, CSV, API) comes from here, so a
 * yes the engine turns into a no can never be counted as attending somewhere else.
 * `participants = canAttend + no + notCounted.length + noVote`, `canAttend = yes + ifNeedBe`.
 */
export interface OptionTally {
  participants: number;
  canAttend: number;
  /** Yes answers that count. */
  yes: number;
  /** If-need-be answers that count. */
  ifNeedBe: number;
  /** Participants who answered no. */
  no: number;
  notCounted: NotCounted[];
  /** Participants who have not answered this option. */
  noVote: number;
}

/** The tally of one option, read from the engine's own explanation of it. */
export function optionTally(x: SlotExplanation): OptionTally {
  const a = x.attendance;
  const notCounted = x.neverWindow.map((n): NotCounted => ({
    participantId: n.participant.id,
    vote: n.vote,
    reason: 'never-window',
    localTime: n.localTime,
    place: n.place,
  }));
  return {
    participants: a.participants,
    canAttend: a.canAttend,
    yes: a.yes,
    ifNeedBe: a.ifNeedBe,
    // The engine's `no` holds every effective no, the never window's among them.
    no: a.no - notCounted.length,
    notCounted,
    noVote: a.noVote,
  };
}
