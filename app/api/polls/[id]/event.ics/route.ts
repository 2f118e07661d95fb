import { requestContext } from '@/server/context';
import { exportEventIcs } from '@/server/exports';
import { requestTime } from '@/app/clock';
import { notFoundJson } from '@/app/api/json';
import { requestOrigin } from '@/app/origin';

/** The scheduled meeting as an iCalendar file; 404 until the organiser has chosen a time. */
export async function GET(
  _request: Request,
  { params }: RouteContext<'/api/polls/[id]/event.ics'>,
) {
  const { id } = await params;
  const result = await exportEventIcs(
    { pollId: id, origin: await requestOrigin() },
    requestContext(requestTime()),
  );
  if (!result.ok) return await notFoundJson();
  return new Response(result.ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="kairos-event.ics"',
      'Cache-Control': 'no-store',
    },
  });
}
