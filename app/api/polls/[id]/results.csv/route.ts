import { getPollWithVotes, isAdminOf } from '@/db/queries';
import { bearerToken } from '@/app/api/bearer';
import { notFoundJson } from '@/app/api/json';
import { csvResponse } from '@/app/csv-response';

/** The results as CSV, for the organiser (admin token as Bearer). */
export async function GET(
  request: Request,
  { params }: RouteContext<'/api/polls/[id]/results.csv'>,
) {
  const { id } = await params;
  const token = bearerToken(request);
  const poll = token && isAdminOf(id, token) ? getPollWithVotes(id) : null;
  return poll ? csvResponse(poll) : await notFoundJson();
}
