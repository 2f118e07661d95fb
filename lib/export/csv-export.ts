import { DateTime } from 'luxon';
import type { NotCounted } from '@/lib/fairness/option-tally';
import { rankPoll } from '@/lib/fairness/poll-ranking';
import type { PollRecord } from '@/lib/poll/model';

/**
 * A cell as spreadsheets read it: always quoted, quotes doubled, and text that a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR) prefixed with an apostrophe (OWASP CSV
 * injection advice), so a participant named "=HYPERLINK(…)" stays a name.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

const VOTE_WORD = { yes: 'yes', ifneedbe: 'if need be', no: 'no' } as const;

function notCountedWord(vote: string, n: NotCounted): string {
  return `${vote} (not counted: ${n.localTime} ${n.place}, inside their never window, not confirmed)`;
}

/**
 * One row per participant, one column per option, and a last row "Can attend" with the
 * ranking's own count (a yes inside a never window, not confirmed, is marked and not counted).
 * Headers carry the UTC start and the organiser's own wall time; a BOM makes Excel read
 * UTF-8, so names in any script survive. When any answer has an address (`addresses`, by
 * participant id: only the organiser's CSV is ever built), a last column "Email" holds it.
 */
export function resultsCsv(
  poll: PollRecord,
  addresses: ReadonlyMap<string, string> = new Map(),
): string {
  const tallies = new Map(rankPoll(poll).map((r) => [r.id, r.tally]));
  const notCounted = new Map(
    [...tallies].flatMap(([optionId, tally]) =>
      tally.notCounted.map((n) => [`${optionId} ${n.participantId}`, n] as const),
    ),
  );
  const headers = ['Participant', 'Time zone'].concat(
    poll.options.map((o) => {
      if (o.startsAt === null) return o.date ?? '';
      const utc = new Date(o.startsAt).toISOString().replace('.000Z', 'Z');
      const local = DateTime.fromMillis(o.startsAt, { zone: poll.timeZone }).toFormat(
        'yyyy-LL-dd HH:mm',
      );
      return `${utc} (${local} ${poll.timeZone})`;
    }),
  );
  const withAddresses = poll.participants.some((p) => addresses.has(p.id));
  const rows = poll.participants.map((p) =>
    [p.name, p.timeZone].concat(
      poll.options.map((o) => {
        const vote = p.votes[o.id];
        if (!vote) return '';
        const uncounted = notCounted.get(`${o.id} ${p.id}`);
        return uncounted ? notCountedWord(VOTE_WORD[vote], uncounted) : VOTE_WORD[vote];
      }),
      withAddresses ? [addresses.get(p.id) ?? ''] : [],
    ),
  );
  const canAttend = ['Can attend', ''].concat(
    poll.options.map((o) => String(tallies.get(o.id)?.canAttend ?? 0)),
    withAddresses ? [''] : [],
  );
  if (withAddresses) headers.push('Email');
  return `\uFEFF${[headers, ...rows, canAttend].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
