import { requestContext } from '@/server/context';
import { participantFeedIcs } from '@/server/feed';
import { requestTime } from '@/app/clock';
import { notFoundJson } from '@/app/api/json';
import { requestOrigin } from '@/app/origin';

/**
 * A participant's private calendar feed, `/feed/{token}.ics`, which calendar apps fetch on
 * their own schedule. Private (the token is the only key: no shared cache may keep it) and
 * revalidated on every fetch, so a schedule shows at the next refresh; the ETag makes an
 * unchanged feed a bodiless 304. HEAD is answered by Next.js from this GET, without the body.
 */
export async function GET(request: Request, { params }: RouteContext<'/feed/[file]'>) {
  const { file } = await params;
  const result = await participantFeedIcs(
    { file, origin: await requestOrigin() },
    requestContext(requestTime()),
  );
  if (!result.ok) return await notFoundJson();
  const headers = {
    'Cache-Control': 'private, no-cache',
    ETag: result.etag,
    'X-Robots-Tag': 'noindex',
  };
  if (request.headers.get('if-none-match') === result.etag)
    return new Response(null, { status: 304, headers });
  return new Response(result.ics, {
    headers: {
      ...headers,
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="kairos.ics"',
    },
  });
}
