import { notFound } from 'next/navigation';
import { getPollWithVotes, isAdminOf } from '@/db/queries';
import { csvResponse } from '@/app/csv-response';

/** The admin page's download link: the token is in the path, as for the page itself. */
export async function GET(
  _request: Request,
  { params }: RouteContext<'/p/[id]/admin/[token]/results.csv'>,
) {
  const { id, token } = await params;
  const poll = isAdminOf(id, token) ? getPollWithVotes(id) : null;
  if (!poll) notFound();
  return csvResponse(poll);
}
