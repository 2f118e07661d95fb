import { createTranslator } from 'next-intl';
import { NextResponse, type NextRequest } from 'next/server';
import messages from '@/messages/en.json';
import { isAcceptableActionBody, type ActionBody } from '@/lib/http/action-body';
import { FORBIDDEN_METHOD_HEADER, refusedMethod as methodRefusal } from '@/lib/http/http-methods';
import {
  PEER_HEADER,
  WRITE_REFUSED_HEADER,
  clientAddress,
  parseRateLimitSettings,
} from '@/lib/http/rate-limit';
import { spendWrite } from '@/server/write-budget';
import { cachedPage, isPageRender } from '@/app/page-cache';

/**
 * Every request passes here first: pages get a Content-Security-Policy with a fresh nonce
 * (Next.js reads it from the request header and puts it on its own scripts), and writes
 * (form posts, server actions, API calls) are counted per client address, in the store, so
 * that every instance on one database shares one budget.
 */

const { settings, problems } = parseRateLimitSettings({
  writesPerMinute: process.env.KAIROS_RATE_LIMIT_WRITES_PER_MINUTE,
  trustProxy: process.env.KAIROS_TRUST_PROXY,
});
if (problems.length > 0) {
  console.warn(
    `kairos: ignoring invalid rate-limit settings (${problems.join(', ')}); using ${settings.writesPerMinute} writes per minute`,
  );
}
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ONE_CLICK_PATH = /^\/unsubscribe\/[^/]+$/;
// The API speaks English (see app/problem-messages.ts); the proxy cannot read the locale cookie config.
const t = createTranslator({ locale: 'en', messages, namespace: 'errors.api' });

/** API answers are data: nothing in them may load or run, nor be framed. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced bootstrap load the page's chunks; no 'unsafe-eval'
    // outside `next dev`, whose React debugging needs it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function tooManyWrites(retryAfterSeconds: number): NextResponse {
  return NextResponse.json(
    { ok: false, message: t('rateLimited', { seconds: retryAfterSeconds }), fieldErrors: {} },
    {
      status: 429,
      headers: { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' },
    },
  );
}

/** Next.js answers a broken %-escape in a dynamic segment with a bare 500; say what is wrong. */
function hasBrokenEscape(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * A page's POST as React will decode it: the whole body when React's client sent it (a
 * Next-Action header), else the parts of a form; null when the body cannot be read at all.
 */
async function actionBody(request: NextRequest): Promise<ActionBody | null> {
  const scripted = request.headers.has('next-action');
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.startsWith('multipart/form-data')) {
      const data = await request.clone().formData();
      return {
        kind: 'form',
        scripted,
        entries: [...data.entries()].map(([name, value]) => [
          name,
          typeof value === 'string' ? value : null,
        ]),
      };
    }
    return { kind: 'text', text: scripted ? await request.clone().text() : '[]' };
  } catch {
    return null;
  }
}

export async function proxy(request: NextRequest) {
  if (hasBrokenEscape(request.nextUrl.pathname)) {
    return NextResponse.json(
      { ok: false, message: t('malformedPath'), fieldErrors: {} },
      { status: 400 },
    );
  }
  const method = request.headers.get(FORBIDDEN_METHOD_HEADER) ?? request.method;
  const refusedMethod = methodRefusal(method, request.nextUrl.pathname);
  if (refusedMethod) {
    return NextResponse.json(
      {
        ok: false,
        message: t('methodNotAllowed', { allow: refusedMethod.allow }),
        fieldErrors: {},
      },
      {
        status: 405,
        headers: { Allow: refusedMethod.allow, 'Cache-Control': 'no-store' },
      },
    );
  }
  let refusedWrite: number | null = null;
  if (settings.writesPerMinute > 0 && WRITE_METHODS.has(request.method)) {
    const client = clientAddress(
      {
        forwardedFor: request.headers.get('x-forwarded-for'),
        peer: request.headers.get(PEER_HEADER),
      },
      settings.trustProxy,
    );
    const decision = await spendWrite(client, Date.now(), settings.writesPerMinute);
    if (!decision.ok) refusedWrite = decision.retryAfterSeconds;
  }
  // A page's form is a server action, whose client can only show an error page for a 429:
  // it goes on with the verdict in a header, and the action answers in the form, in the
  // viewer's language, with what they typed still there (app/write-budget.ts).
  const api = request.nextUrl.pathname.startsWith('/api/');
  if (refusedWrite !== null && (api || !request.headers.has('next-action')))
    return tooManyWrites(refusedWrite);

  // RFC 8058's one-click POST and the unsubscribe page's server action share the page's
  // address; only the action carries Next-Action, so anything else goes to the route
  // handler beside the page.
  if (
    request.method === 'POST' &&
    ONE_CLICK_PATH.test(request.nextUrl.pathname) &&
    !request.headers.has('next-action')
  ) {
    const target = request.nextUrl.clone();
    target.pathname = `${request.nextUrl.pathname}/one-click`;
    const response = NextResponse.rewrite(target);
    response.headers.set('Content-Security-Policy', API_POLICY);
    return response;
  }

  if (request.method === 'POST' && !api) {
    const body = await actionBody(request);
    if (!body || !isAcceptableActionBody(body)) {
      return NextResponse.json(
        { ok: false, message: t('malformedAction'), fieldErrors: {} },
        { status: 400, headers: { 'Cache-Control': 'no-store' } },
      );
    }
  }

  if (api || request.nextUrl.pathname.startsWith('/feed/')) {
    // JSON and calendar feeds need no scripts and no nonce; skipping the request-header override Next.js
    // would apply keeps the answers endpoint fast.
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', API_POLICY);
    return response;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = contentSecurityPolicy(nonce);
  if (!isPageRender(request)) {
    const page = await cachedPage(request, nonce);
    if (page) {
      const headers = new Headers(page.headers);
      headers.set('Content-Security-Policy', policy);
      // A view of the joined page, not a second copy of it.
      const body = new Uint8Array(
        page.body.buffer as ArrayBuffer,
        page.body.byteOffset,
        page.body.length,
      );
      return new NextResponse(body, { status: page.status, headers });
    }
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  if (refusedWrite === null) requestHeaders.delete(WRITE_REFUSED_HEADER);
  else requestHeaders.set(WRITE_REFUSED_HEADER, String(refusedWrite));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Static chunks are immutable files: no nonce, no counting.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
