import { DateTime, type Zone } from 'luxon';
import type { PollRecord } from '@/lib/poll/model';
import type { PreparedOption } from '@/lib/poll/poll-input';
import { addProblem, type FieldProblems } from '@/lib/poll/problems';
import { formatWall, resolveZone, wallAt } from '@/lib/time/time-zone';

/**
 * Whether every option is over at `now`: a timed option once it has ended, an all-day
 * option once its date is over in the poll's zone (the floating date the organiser meant).
 * A poll without options is not "past": there is nothing to have missed.
 */
export function everyOptionPast(
  poll: Pick<PollRecord, 'options' | 'timeZone'>,
  nowMs: number,
): boolean {
  if (poll.options.length === 0) return false;
  const today = DateTime.fromMillis(nowMs, { zone: poll.timeZone }).toISODate();
  return poll.options.every((o) =>
    o.startsAt !== null && o.durationMinutes !== null
      ? o.startsAt + o.durationMinutes * 60_000 <= nowMs
      : o.date !== null && today !== null && o.date < today,
  );
}

/** How many past options a refusal names; the rest are counted. */
const NAMED_PAST = 5;

/**
 * Options that begin before `now`: a timed one once its start has gone by, an all-day one
 * whose date is before today in the poll's zone (the organiser's today, where the poll is).
 */
export function pastOptions(
  options: readonly PreparedOption[],
  zoneId: string,
  nowMs: number,
): PreparedOption[] {
  const today = DateTime.fromMillis(nowMs, { zone: zoneId }).toISODate();
  return options.filter((o) =>
    o.kind === 'timed' ? o.startsAt < nowMs : today !== null && o.date < today,
  );
}

/**
 * A poll is seldom meant to ask about days gone by: options in the past are refused, naming
 * them as the organiser typed them (wall times in the poll's zone), unless the request
 * confirms with `allowPast`, a second field error the form answers with its checkbox.
 */
export function addPastProblems(
  problems: FieldProblems,
  options: readonly PreparedOption[],
  { zoneId, nowMs, field }: { zoneId: string; nowMs: number; field: string },
): void {
  const past = pastOptions(options, zoneId, nowMs);
  if (past.length === 0) return;
  const zone = resolveZone(zoneId).zone;
  const named = past
    .slice(0, NAMED_PAST)
    .map((o) => (o.kind === 'allDay' ? o.date : wallLabel(zone, o.startsAt)));
  addProblem(problems, field, {
    code: 'options.past',
    values: { count: past.length, options: named.join(', '), more: past.length - named.length },
  });
  addProblem(problems, 'allowPast', { code: 'allowPast.required' });
}

function wallLabel(zone: Zone | null, ms: number): string {
  return zone ? formatWall(wallAt(zone, ms)).replace('T', ' ') : new Date(ms).toISOString();
}
