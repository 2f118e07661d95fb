import { getPollWithVotes } from '@/db/queries';
import { buildIcs } from '@/lib/export/ics-export';
import { notFoundJson } from '@/app/api/json';
import { requestOrigin } from '@/app/origin';
import { scheduledEvent } from '@/app/scheduled-event';

/** The scheduled meeting as an iCalendar file; 404 until the organiser has chosen a time. */
export async function GET(
  _request: Request,
  { params }: RouteContext<'/api/polls/[id]/event.ics'>,
) {
  const poll = getPollWithVotes((await params).id);
  const event = poll ? scheduledEvent(poll, await requestOrigin()) : null;
  if (!event) return await notFoundJson();
  return new Response(buildIcs(event), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="kairos-event.ics"',
      'Cache-Control': 'no-store',
    },
  });
}
