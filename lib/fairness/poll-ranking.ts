import { rankOptions } from '@/lib/fairness/rank';
import type {
  ComfortBand,
  Participant,
  RankKeys,
  SlotExplanation,
  Vote,
} from '@/lib/fairness/model';
import { optionTally, type OptionTally } from '@/lib/fairness/option-tally';
import { optionSlot } from '@/lib/fairness/poll-slots';
import type { PollRecord } from '@/lib/poll/model';

/** One participant's side of one option, as the results page shows it. */
export interface ParticipantChip {
  id: string;
  name: string;
  place: string | null;
  /** Wall clock "YYYY-MM-DDTHH:mm" in the participant's zone; null for all-day or no zone. */
  localStart: string | null;
  localEnd: string | null;
  band: ComfortBand | null;
  /** `band` comes from the participant's own working hours, not the usual day. */
  fromWorkingHours: boolean;
  vote: Vote | null;
  /** "no" when a yes fell into the participant's never window. */
  effectiveVote: Vote | null;
}

/**
 * A plain, serialisable copy of the engine's answer for one option, as the API gives it.
 * Each participant's local time is left out: for 50 options × 200 people that alone would be
 * megabytes, so the page asks `participantChips` for the options a viewer opens.
 */
export interface RankedPollOption {
  id: string;
  rank: number;
  keys: RankKeys;
  explanation: SlotExplanation;
  /** Who can attend, as `explanation` counts it: what every reader of the poll shows. */
  tally: OptionTally;
  summary: string;
}

/** Names the page lists in one sentence; the rest are counted ("and 11 others"). */
export const NAMES_LISTED = 5;

export interface NameList {
  names: string[];
  /** How many more people the list stands for. */
  more: number;
}

export type WorstView =
  | { kind: 'all-day' }
  | { kind: 'nobody-attends' }
  | { kind: 'no-pain' }
  | { kind: 'vote'; name: string }
  | {
      kind: 'local-time';
      name: string;
      place: string;
      localStart: string;
      localEnd: string;
      band: ComfortBand;
      /** Present when `band` comes from the person's own working hours. */
      fromWorkingHours?: true;
    };

/** The facts of an explanation that the page puts into words, in the viewer's language. */
export interface ExplanationView {
  attendance: { canAttend: number; participants: number; yes: number; ifNeedBe: number };
  worst: WorstView;
  outsideWorkingHours: number;
  night: NameList;
  neverWindow: NameList;
  noZone: NameList;
  crossesMidnight: string[];
  clockChange: string[];
}

/**
 * One option as the page shows it: its rank, the explanation's facts (no English summary) and
 * the tally that the results table, answer list and scheduling panel show.
 */
export interface RankedOptionView {
  id: string;
  rank: number;
  keys: RankKeys;
  explanation: ExplanationView;
  tally: OptionTally;
}

function nameList(people: readonly { name: string }[]): NameList {
  return {
    names: people.slice(0, NAMES_LISTED).map((p) => p.name),
    more: Math.max(0, people.length - NAMES_LISTED),
  };
}

/**
 * The page's share of an explanation. The engine's carries ids, offsets and every name of a
 * 200-person poll; the page says "night for Ana, Bo and 14 others", so it gets that much.
 */
export function explanationView(x: SlotExplanation): ExplanationView {
  const { canAttend, participants, yes, ifNeedBe } = optionTally(x);
  const w = x.worst;
  const worst: WorstView =
    w.kind === 'local-time'
      ? {
          kind: w.kind,
          name: w.participant.name,
          place: w.place,
          localStart: w.interval.localStart,
          localEnd: w.interval.localEnd,
          band: w.band,
          ...(w.fromWorkingHours ? { fromWorkingHours: true as const } : {}),
        }
      : w.kind === 'vote'
        ? { kind: w.kind, name: w.participant.name }
        : { kind: w.kind };
  return {
    attendance: { canAttend, participants, yes, ifNeedBe },
    worst,
    outsideWorkingHours: x.outsideWorkingHours,
    night: nameList(x.night),
    neverWindow: nameList(x.neverWindow.map((n) => n.participant)),
    noZone: nameList(x.noZone),
    crossesMidnight: x.crossesMidnight,
    clockChange: x.clockChange,
  };
}

function toParticipant(p: PollRecord['participants'][number]): Participant {
  return {
    id: p.id,
    name: p.name,
    zone: p.timeZone,
    votes: p.votes,
    ...(p.workingHours ? { preferred: p.workingHours } : {}),
    ...(p.neverWindow ? { never: p.neverWindow } : {}),
    ...(p.overrideNever.length > 0
      ? { overrideNever: Object.fromEntries(p.overrideNever.map((id) => [id, true as const])) }
      : {}),
  };
}

/**
 * One ranking per poll object: the server keeps the record of a busy poll until it changes
 * (db/queries.ts), so every view of one version shares one ranking. A poll is data, never
 * changed in place, so its ranking cannot go stale; shared, the ranking is frozen too.
 */
const rankings = new WeakMap<PollRecord, readonly RankedPollOption[]>();
const pageRankings = new WeakMap<PollRecord, readonly RankedOptionView[]>();

/**
 * Ranks a stored poll with the fairness engine (slot-fairness/1.0), best first. Runs on the
 * server: the ranking is never taken from the client.
 */
export function rankPoll(poll: PollRecord): readonly RankedPollOption[] {
  const known = rankings.get(poll);
  if (known) return known;
  const ranked =
    poll.options.length === 0
      ? []
      : rankOptions({
          slots: poll.options.map(optionSlot),
          participants: poll.participants.map(toParticipant),
        }).map(({ id, rank, keys, explanation, summary }) => ({
          id,
          rank,
          keys,
          explanation,
          tally: optionTally(explanation),
          summary,
        }));
  const frozen = Object.freeze(ranked);
  rankings.set(poll, frozen);
  return frozen;
}

/** The ranking as the page shows it, once per poll object like the ranking itself. */
export function rankPollForPage(poll: PollRecord): readonly RankedOptionView[] {
  const known = pageRankings.get(poll);
  if (known) return known;
  const view = Object.freeze(
    rankPoll(poll).map(({ id, rank, keys, explanation, tally }) => ({
      id,
      rank,
      keys,
      explanation: explanationView(explanation),
      tally,
    })),
  );
  pageRankings.set(poll, view);
  return view;
}

/**
 * Every participant's side of one option: local time, comfort band, vote as counted. The
 * engine scores that option alone, which gives the same per-person facts as the full ranking.
 */
export function participantChips(poll: PollRecord, optionId: string): ParticipantChip[] {
  const option = poll.options.find((o) => o.id === optionId);
  if (!option) return [];
  const [ranked] = rankOptions({
    slots: [optionSlot(option)],
    participants: poll.participants.map(toParticipant),
  });
  return (ranked?.participants ?? []).map((p) => ({
    id: p.id,
    name: p.name,
    place: p.place,
    localStart: p.local?.localStart ?? null,
    localEnd: p.local?.localEnd ?? null,
    band: p.band,
    fromWorkingHours: p.band !== null && p.fromWorkingHours,
    vote: p.vote,
    effectiveVote: p.effectiveVote,
  }));
}
