import type { PollRecord } from '@/lib/poll/model';
import { resultsCsv } from '@/lib/export/csv-export';

export function csvResponse(poll: PollRecord): Response {
  return new Response(resultsCsv(poll), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="kairos-results.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
