import { requestContext } from '@/server/context';
import { exportResultsCsv } from '@/server/exports';
import { requestTime } from '@/app/clock';
import { bearerToken } from '@/app/api/bearer';
import { notFoundJson } from '@/app/api/json';
import { csvResponse } from '@/app/csv-response';

/** The results as CSV, for the organiser (admin token as Bearer). */
export async function GET(
  request: Request,
  { params }: RouteContext<'/api/polls/[id]/results.csv'>,
) {
  const { id } = await params;
  const result = await exportResultsCsv(
    { pollId: id, adminToken: bearerToken(request) },
    requestContext(requestTime()),
  );
  return result.ok ? csvResponse(result.csv) : await notFoundJson();
}
