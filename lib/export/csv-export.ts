import { DateTime } from 'luxon';
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

/**
 * One row per participant, one column per option. Headers carry the UTC start and the
 * organiser's own wall time; a BOM makes Excel read UTF-8, so names in any script survive.
 */
export function resultsCsv(poll: PollRecord): string {
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
  const rows = poll.participants.map((p) =>
    [p.name, p.timeZone].concat(
      poll.options.map((o) => (p.votes[o.id] ? VOTE_WORD[p.votes[o.id]!] : '')),
    ),
  );
  return `\uFEFF${[headers, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
