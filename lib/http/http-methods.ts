/**
 * Which HTTP methods each address takes, so that any other gets 405 with `Allow` instead of
 * whatever Next.js would do with it (a bare 400 for a method it does not know, a 405 without
 * `Allow`, and a 500 for TRACE or TRACK, which the fetch Request it builds refuses to carry).
 * The API's table mirrors the route handlers; a test compares it with their exports.
 */

/** Route patterns of app/api and the methods their handlers export (HEAD and OPTIONS are Next's). */
export const API_METHODS: readonly [pattern: RegExp, methods: readonly string[]][] = [
  [/^\/api\/health$/, ['GET']],
  [/^\/api\/openapi\.json$/, ['GET']],
  [/^\/api\/polls$/, ['POST']],
  [/^\/api\/polls\/[^/]+$/, ['GET', 'PATCH', 'DELETE']],
  [/^\/api\/polls\/[^/]+\/results\.csv$/, ['GET']],
  [/^\/api\/polls\/[^/]+\/event\.ics$/, ['GET']],
  [/^\/api\/polls\/[^/]+\/finalise$/, ['POST']],
  [/^\/api\/polls\/[^/]+\/comments$/, ['POST']],
  [/^\/api\/polls\/[^/]+\/comments\/[^/]+$/, ['DELETE']],
  [/^\/api\/polls\/[^/]+\/responses$/, ['POST']],
  [/^\/api\/polls\/[^/]+\/responses\/[^/]+$/, ['PUT']],
];

/** A participant's calendar feed (app/feed/[file]/route.ts) is only ever read. */
const FEED_PATH = /^\/feed\/[^/]+$/;
const FEED_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** Pages are read, and written through server actions (POST). */
const PAGE_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'];

/**
 * Methods that the fetch standard forbids in a Request: Node's http server still delivers
 * them, and Next.js then throws while building its request, a 500 before any code of ours.
 */
export const FORBIDDEN_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);

/**
 * The server (instrumentation-node.ts) carries such a method to proxy.ts as a GET with the
 * method in this header, stamped over any client-sent value, so that proxy.ts can refuse it.
 */
export const FORBIDDEN_METHOD_HEADER = 'x-kairos-forbidden-method';

/**
 * null when `method` may reach `pathname`; else the `Allow` header to answer 405 with.
 * Unknown API paths pass (their 404 says more than a 405 would).
 */
export function refusedMethod(method: string, pathname: string): { allow: string } | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  let allowed: readonly string[] = FEED_PATH.test(path) ? FEED_METHODS : PAGE_METHODS;
  if (path === '/api' || path.startsWith('/api/')) {
    const route = API_METHODS.find(([pattern]) => pattern.test(path));
    if (!route) return null;
    const methods = route[1];
    allowed = [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
  }
  return allowed.includes(method) ? null : { allow: allowed.join(', ') };
}
