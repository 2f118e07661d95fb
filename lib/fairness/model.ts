import type { VoteValue } from '@/lib/poll/model';
import type { ZoneStatus } from '@/lib/time/time-zone';

/**
 * The engine's inputs (fairness.md §1) and outputs. Every pain value is an integer in
 * milli-units: 0 = comfortable … 1000 = dead of night (the fixtures show the same numbers
 * divided by 1000).
 */

/** The poll's vote values (lib/poll/model.ts), as the engine reads them. */
export type Vote = VoteValue;
export type HM = `${number}:${number}`;
/** A daily window `[start, end)` in local wall time; it may wrap midnight ("23:00"–"07:00"). */
export interface DailyWindow {
  start: HM;
  end: HM;
}

export type Slot =
  | { id: string; start: string; durationMin: number }
  /** An instant already known as UTC ms, as the store keeps it: no ISO string round trip. */
  | { id: string; startMs: number; durationMin: number }
  | { id: string; anchor: { zone: string; wall: string }; durationMin: number }
  | { id: string; date: string; allDay: true };

export interface Participant {
  id: string;
  name?: string;
  zone: string | null;
  preferred?: DailyWindow;
  never?: DailyWindow;
  votes: Record<string, Vote>;
  overrideNever?: Record<string, true>;
}

/** K1–K6 of fairness.md §5; pains in milli-units. K7 (start) and K8 (id) only break ties. */
export interface RankKeys {
  /** K1, higher is better. */
  canAttend: number;
  /** K2: attendees with pain ≥ 900. */
  night: number;
  /** K3: ceil(worstPain / 50). */
  worstStep: number;
  /** K4: sum of the attendees' pain. */
  totalPain: number;
  /** K5: the worst attendee's pain (0 when nobody attends). */
  worstPain: number;
  /** K6, higher is better. */
  yes: number;
}

export type ComfortBand = 'comfortable' | 'edge' | 'early-late' | 'antisocial' | 'night';

export interface PersonRef {
  id: string;
  name: string;
}

/** A participant's local view of a timed slot. */
export interface LocalInterval {
  /** Wall clock of the start and end instants, "YYYY-MM-DDTHH:mm". */
  localStart: string;
  localEnd: string;
  /** "Wed": the weekday of the local start. */
  weekday: string;
  /** Local calendar days from the start's date to the end's date (1 for 23:00–00:00). */
  dayShift: number;
  offsetStartMin: number;
  offsetEndMin: number;
  crossesMidnight: boolean;
  clockChange: boolean;
}

export type WorstFact =
  | { kind: 'all-day' }
  | { kind: 'nobody-attends' }
  /** Every attendee's pain is 0. */
  | { kind: 'no-pain' }
  /** The worst pain comes from the local time (or from a chosen never-window slot). */
  | {
      kind: 'local-time';
      participant: PersonRef;
      place: string;
      interval: LocalInterval;
      band: ComfortBand;
      pain: number;
      /** Present when `band` comes from the person's own working hours. */
      fromWorkingHours?: true;
    }
  /** The worst pain is the if-need-be vote itself (250), above the local time's pain. */
  | {
      kind: 'vote';
      participant: PersonRef;
      place: string | null;
      localTime: string | null;
      pain: number;
    };

export type WallTimeFact =
  | { kind: 'gap'; zone: string; proposed: string; movedTo: string; gapMinutes: number }
  | { kind: 'fold'; zone: string; proposed: string };

export interface SlotExplanation {
  slot: { kind: 'timed'; startMs: number; endMs: number } | { kind: 'all-day'; date: string };
  attendance: {
    canAttend: number;
    participants: number;
    yes: number;
    ifNeedBe: number;
    no: number;
    noVote: number;
  };
  worst: WorstFact;
  /** Attendees whose local time has some pain (h > 0). */
  outsideWorkingHours: number;
  night: PersonRef[];
  /**
   * Yes/if-need-be votes that fell into the voter's never window and so count as no: the vote
   * as given, and the local start ("HH:mm") and place that put it there.
   */
  neverWindow: {
    participant: PersonRef;
    vote: 'yes' | 'ifneedbe';
    localTime: string;
    place: string;
  }[];
  neverOverridden: PersonRef[];
  /** Places (deduplicated, participant order) of attendees for whom the slot crosses local midnight. */
  crossesMidnight: string[];
  clockChange: string[];
  noZone: PersonRef[];
  fixedOffset: PersonRef[];
  wallTime: WallTimeFact | null;
}

export interface ParticipantScore {
  id: string;
  name: string;
  zone: string | null;
  zoneStatus: ZoneStatus;
  /** Null for unknown/invalid zones and for all-day options (a floating date has no local interval). */
  place: string | null;
  local: LocalInterval | null;
  /** Null = has not voted yet. */
  vote: Vote | null;
  effectiveVote: Vote | null;
  never: 'clear' | 'counted-as-no' | 'overridden';
  /** h_i: null when the zone is unknown, 0 for all-day options; computed for every vote. */
  timePain: number | null;
  /** p_i: null when the participant does not attend. */
  pain: number | null;
  /**
   * This person's comfort band at this slot (`personBand`), the one every view shows; null
   * without a local time (all-day option, no usable zone).
   */
  band: ComfortBand | null;
  /** The band comes from the person's own working hours, not the usual 09:00–17:00 day. */
  fromWorkingHours: boolean;
}

export interface RankedOption {
  readonly id: string;
  /** 1 = best. */
  readonly rank: number;
  readonly keys: RankKeys;
  readonly explanation: SlotExplanation;
  /** The English rendering of `explanation` (fairness.md §6). */
  readonly summary: string;
  readonly participants: ParticipantScore[];
}
