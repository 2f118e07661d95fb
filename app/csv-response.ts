export function csvResponse(csv: string): Response {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="kairos-results.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
