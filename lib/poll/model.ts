import type { DailyWindow } from '@/lib/fairness/model';

export const VOTE_VALUES = ['yes', 'ifneedbe', 'no'] as const;
export type VoteValue = (typeof VOTE_VALUES)[number];
export type PollKind = 'timed' | 'allDay';

export type PollStatus = 'open' | 'closed' | 'scheduled';
export const PRIVACY_LEVELS = ['public', 'hideNames', 'afterAnswer', 'organiserOnly'] as const;
export type Privacy = (typeof PRIVACY_LEVELS)[number];

export interface CommentRecord {
  id: string;
  author: string;
  body: string;
  createdAt: number;
}

/** A poll as stored: instants in UTC milliseconds, all-day options as floating dates. */
export interface PollRecord {
  id: string;
  title: string;
  description: string;
  location: string;
  organiserName: string;
  timeZone: string;
  kind: PollKind;
  status: PollStatus;
  guestZones: string[];
  finalOptionId: string | null;
  finalSequence: number;
  /** UTC ms after which answers are refused. */
  deadline: number | null;
  /** Most yes answers one option may take. */
  optionLimit: number | null;
  privacy: Privacy;
  createdAt: number;
  updatedAt: number;
  comments: CommentRecord[];
  options: {
    id: string;
    startsAt: number | null;
    durationMinutes: number | null;
    date: string | null;
  }[];
  participants: ParticipantRecord[];
}

export interface ParticipantRecord {
  id: string;
  name: string;
  timeZone: string;
  createdAt: number;
  updatedAt: number;
  votes: Record<string, VoteValue>;
  workingHours: DailyWindow | null;
  neverWindow: DailyWindow | null;
  /** Option ids confirmed despite the never window. */
  overrideNever: string[];
}

export type PublicOption =
  | { id: string; start: string; end: string; durationMinutes: number }
  | { id: string; date: string };

/** The JSON API's read shape (README "GET /api/polls/{id}"). */
export interface PublicPoll {
  id: string;
  title: string;
  description: string;
  location: string;
  organiserName: string;
  timeZone: string;
  kind: PollKind;
  status: PollStatus;
  guestZones: string[];
  finalOptionId: string | null;
  deadline: string | null;
  optionLimit: number | null;
  privacy: Privacy;
  createdAt: string;
  updatedAt: string;
  options: PublicOption[];
  participants: {
    id: string;
    name: string;
    timeZone: string;
    votes: Record<string, VoteValue>;
    workingHours: DailyWindow | null;
    neverWindow: DailyWindow | null;
    overrideNever: string[];
  }[];
  comments: { id: string; author: string; body: string; createdAt: string }[];
}

function toPublicOption(option: PollRecord['options'][number]): PublicOption {
  if (option.startsAt !== null && option.durationMinutes !== null) {
    return {
      id: option.id,
      start: new Date(option.startsAt).toISOString(),
      end: new Date(option.startsAt + option.durationMinutes * 60_000).toISOString(),
      durationMinutes: option.durationMinutes,
    };
  }
  return { id: option.id, date: option.date ?? '' };
}

export function toPublicPoll(poll: PollRecord): PublicPoll {
  return {
    id: poll.id,
    title: poll.title,
    description: poll.description,
    location: poll.location,
    organiserName: poll.organiserName,
    timeZone: poll.timeZone,
    kind: poll.kind,
    status: poll.status,
    guestZones: poll.guestZones,
    finalOptionId: poll.finalOptionId,
    deadline: poll.deadline === null ? null : new Date(poll.deadline).toISOString(),
    optionLimit: poll.optionLimit,
    privacy: poll.privacy,
    createdAt: new Date(poll.createdAt).toISOString(),
    updatedAt: new Date(poll.updatedAt).toISOString(),
    options: poll.options.map(toPublicOption),
    participants: poll.participants.map((p) => ({
      id: p.id,
      name: p.name,
      timeZone: p.timeZone,
      votes: p.votes,
      workingHours: p.workingHours,
      neverWindow: p.neverWindow,
      overrideNever: p.overrideNever,
    })),
    comments: poll.comments.map((c) => ({ ...c, createdAt: new Date(c.createdAt).toISOString() })),
  };
}

/** Why an answer cannot be taken now, or null: closed, scheduled or past its deadline. */
export function answersRefused(
  poll: Pick<PollRecord, 'status' | 'deadline'>,
  now: number,
): 'closed' | 'deadline' | null {
  if (poll.status !== 'open') return 'closed';
  if (poll.deadline !== null && now >= poll.deadline) return 'deadline';
  return null;
}
