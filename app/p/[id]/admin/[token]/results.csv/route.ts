import { notFound } from 'next/navigation';
import { requestContext } from '@/server/context';
import { exportResultsCsv } from '@/server/exports';
import { requestTime } from '@/app/clock';
import { csvResponse } from '@/app/csv-response';

/** The admin page's download link: the token is in the path, as for the page itself. */
export async function GET(
  _request: Request,
  { params }: RouteContext<'/p/[id]/admin/[token]/results.csv'>,
) {
  const { id, token } = await params;
  const result = await exportResultsCsv(
    { pollId: id, adminToken: token },
    requestContext(requestTime()),
  );
  if (!result.ok) notFound();
  return csvResponse(result.csv);
}
