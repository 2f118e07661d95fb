import {
  comfortBand,
  rankOptions,
  type ComfortBand,
  type Participant,
  type RankKeys,
  type Slot,
  type SlotExplanation,
  type Vote,
} from '@/lib/fairness';
import type { PollRecord } from '@/lib/poll-shape';

/** One participant's side of one option, as the results page shows it. */
export interface ParticipantChip {
  id: string;
  name: string;
  place: string | null;
  /** Wall clock "YYYY-MM-DDTHH:mm" in the participant's zone; null for all-day or no zone. */
  localStart: string | null;
  localEnd: string | null;
  band: ComfortBand | null;
  vote: Vote | null;
  /** "no" when a yes fell into the participant's never window. */
  effectiveVote: Vote | null;
}

/**
 * A plain, serialisable copy of the engine's answer for one option. Each participant's local
 * time is left out: for 50 options × 200 people that alone would be megabytes of page, so
 * the page asks `participantChips` for the options a viewer opens.
 */
export interface RankedOptionView {
  id: string;
  rank: number;
  keys: RankKeys;
  explanation: SlotExplanation;
  summary: string;
}

function toSlot(option: PollRecord['options'][number]): Slot {
  if (option.startsAt !== null && option.durationMinutes !== null) {
    return { id: option.id, start: new Date(option.startsAt).toISOString(), durationMin: option.durationMinutes };
  }
  return { id: option.id, date: option.date ?? '', allDay: true };
}

function toParticipant(p: PollRecord['participants'][number]): Participant {
  return {
    id: p.id,
    name: p.name,
    zone: p.timeZone,
    votes: p.votes,
    ...(p.workingHours ? { preferred: p.workingHours } : {}),
    ...(p.neverWindow ? { never: p.neverWindow } : {}),
    ...(p.overrideNever.length > 0 ? { overrideNever: Object.fromEntries(p.overrideNever.map((id) => [id, true as const])) } : {}),
  };
}

/**
 * One ranking per poll object: the server keeps the record of a busy poll until it changes
 * (db/queries.ts), so every view of one version shares one ranking. A poll is data, never
 * changed in place, so its ranking cannot go stale; shared, the ranking is frozen too.
 */
const rankings = new WeakMap<PollRecord, readonly RankedOptionView[]>();

/**
 * Ranks a stored poll with the fairness engine (slot-fairness/1.0), best first. Runs on the
 * server: the ranking is never taken from the client.
 */
export function rankPoll(poll: PollRecord): readonly RankedOptionView[] {
  const known = rankings.get(poll);
  if (known) return known;
  const ranked =
    poll.options.length === 0
      ? []
      : rankOptions({ slots: poll.options.map(toSlot), participants: poll.participants.map(toParticipant) }).map(
          ({ id, rank, keys, explanation, summary }) => ({ id, rank, keys, explanation, summary }),
        );
  const frozen = Object.freeze(ranked);
  rankings.set(poll, frozen);
  return frozen;
}

/**
 * Every participant's side of one option: local time, comfort band, vote as counted. The
 * engine scores that option alone, which gives the same per-person facts as the full ranking.
 */
export function participantChips(poll: PollRecord, optionId: string): ParticipantChip[] {
  const option = poll.options.find((o) => o.id === optionId);
  if (!option) return [];
  const [ranked] = rankOptions({ slots: [toSlot(option)], participants: poll.participants.map(toParticipant) });
  return (ranked?.participants ?? []).map((p) => ({
    id: p.id,
    name: p.name,
    place: p.place,
    localStart: p.local?.localStart ?? null,
    localEnd: p.local?.localEnd ?? null,
    band: p.local && p.timePain !== null ? comfortBand(p.timePain) : null,
    vote: p.vote,
    effectiveVote: p.effectiveVote,
  }));
}
