import type { VoteValue } from '@/lib/poll/model';
import type { ParticipantRecord, PollRecord } from '@/lib/poll/model';

/**
 * A participant with every answer in one string, a character per option in the poll's
 * option order: y (yes), m (if need be), n (no), - (no answer); Y and M are a yes or an
 * if-need-be counted despite the participant's never window.
 */
export type PackedParticipant = Omit<ParticipantRecord, 'votes' | 'overrideNever'> & {
  answers: string;
};

/**
 * The poll as the browser receives it. As a record, each vote repeats its option id: for
 * 50 options × 200 participants the page carried 270 kB of ids; packed, the answers are
 * 10 kB.
 */
export type PackedPoll = Omit<PollRecord, 'participants'> & { participants: PackedParticipant[] };

const CODE: Record<VoteValue, string> = { yes: 'y', ifneedbe: 'm', no: 'n' };
const VALUE: Record<string, VoteValue> = { y: 'yes', m: 'ifneedbe', n: 'no' };
const NONE = '-';

/** The server packs the shared record of a busy poll once per version (db/queries.ts). */
const packed = new WeakMap<PollRecord, PackedPoll>();

export function packPoll(poll: PollRecord): PackedPoll {
  let result = packed.get(poll);
  if (!result) {
    result = pack(poll);
    packed.set(poll, result);
  }
  return result;
}

function pack(poll: PollRecord): PackedPoll {
  return {
    ...poll,
    participants: poll.participants.map(({ votes, overrideNever, ...rest }) => {
      const overridden = new Set(overrideNever);
      const answers = poll.options
        .map((o) => {
          const value = votes[o.id];
          if (!value) return NONE;
          return overridden.has(o.id) && value !== 'no' ? CODE[value].toUpperCase() : CODE[value];
        })
        .join('');
      return { ...rest, answers };
    }),
  };
}

export function unpackPoll(packed: PackedPoll): PollRecord {
  return {
    ...packed,
    participants: packed.participants.map(({ answers, ...rest }) => {
      const votes: Record<string, VoteValue> = {};
      const overrideNever: string[] = [];
      packed.options.forEach((o, i) => {
        const code = answers[i] ?? NONE;
        const value = VALUE[code.toLowerCase()];
        if (!value) return;
        votes[o.id] = value;
        if (code !== code.toLowerCase()) overrideNever.push(o.id);
      });
      return { ...rest, votes, overrideNever };
    }),
  };
}
