import 'server-only';
import { resultsCsv } from '@/lib/export/csv-export';
import { buildIcs, type CalendarEvent } from '@/lib/export/ics-export';
import { optionWhen } from '@/lib/export/ics-feed';
import type { PollRecord } from '@/lib/poll/model';
import { isOrganiser } from '@/server/access';
import type { Context } from '@/server/context';
import { pollPath } from '@/server/links';
import { refuse, type Outcome } from '@/server/problem';

/** The calendar event of a scheduled poll, or null while nothing is chosen. */
export function scheduledEvent(poll: PollRecord, origin: string): CalendarEvent | null {
  const option =
    poll.status === 'scheduled' ? poll.options.find((o) => o.id === poll.finalOptionId) : undefined;
  if (!option) return null;
  return {
    pollId: poll.id,
    title: poll.title,
    description: poll.description,
    location: poll.location,
    sequence: poll.finalSequence,
    url: `${origin}${pollPath(poll.id)}`,
    stampMs: poll.updatedAt,
    when: optionWhen(option),
  };
}

/** The results as CSV, for the organiser only. */
export async function exportResultsCsv(
  input: { pollId: string; adminToken: string | null },
  context: Pick<Context, 'store'>,
): Promise<Outcome<{ csv: string }>> {
  const { store } = context;
  const poll = (await isOrganiser(store, store, input.pollId, input.adminToken))
    ? await store.getPollWithVotes(store, input.pollId)
    : null;
  if (!poll) return refuse({ code: 'notFound' });
  const [invitations, recipients] = await Promise.all([
    store.getInvitations(store, poll.id),
    store.getMailRecipients(store, poll.id),
  ]);
  // An invited guest's address stays known to the organiser who typed it, even after the
  // guest stopped mail; an address a participant gave is theirs to withdraw by stopping.
  const addresses = new Map<string, string>();
  for (const i of invitations) if (i.participantId) addresses.set(i.participantId, i.email);
  for (const r of recipients)
    if (r.role.kind === 'participant') addresses.set(r.role.participantId, r.address);
  return { ok: true, csv: resultsCsv(poll, addresses) };
}

/** The scheduled meeting as an iCalendar file; not found until the organiser has chosen. */
export async function exportEventIcs(
  input: { pollId: string; origin: string },
  context: Pick<Context, 'store'>,
): Promise<Outcome<{ ics: string }>> {
  const poll = await context.store.getPollWithVotes(context.store, input.pollId);
  const event = poll ? scheduledEvent(poll, input.origin) : null;
  return event ? { ok: true, ics: buildIcs(event) } : refuse({ code: 'notFound' });
}
