import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { requestContext } from '@/server/context';
import { unsubscribePath } from '@/server/links';
import { unsubscribe } from '@/server/unsubscribe';
import { requestTime } from '@/app/clock';
import { MAX_BODY_BYTES, problemJson, readCapped } from '@/app/api/json';

/** RFC 8058: the body a mail client POSTs when its own unsubscribe button is pressed. */
async function isOneClick(request: Request): Promise<boolean> {
  if (Number(request.headers.get('content-length') ?? '0') > MAX_BODY_BYTES) return false;
  const body = await readCapped(request);
  if (!body.ok) return false;
  try {
    const form = await new Response(body.text, {
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    }).formData();
    return form.get('List-Unsubscribe') === 'One-Click';
  } catch {
    return false;
  }
}

/**
 * The one-click POST of RFC 8058 to /unsubscribe/{token}, which proxy.ts rewrites here when
 * it is not the page's own server action: no cookie, no script, and a 200 once stopped. The
 * page's form, sent by a browser without JavaScript, comes the same way; it is taken back
 * to the page, which now says the mail is stopped.
 */
export async function POST(
  request: Request,
  { params }: RouteContext<'/unsubscribe/[token]/one-click'>,
) {
  const { token } = await params;
  if (!(await isOneClick(request))) return problemJson({ code: 'malformed' });
  const result = await unsubscribe(token, requestContext(requestTime()));
  if (!result.ok) return problemJson(result.problem);
  if (request.headers.get('sec-fetch-mode') === 'navigate')
    return NextResponse.redirect(new URL(unsubscribePath(token), request.url), 303);
  const t = await getTranslations('unsubscribe');
  return new NextResponse(t('oneClick'), {
    status: 200,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
