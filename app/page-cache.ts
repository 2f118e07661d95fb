import { randomBytes } from 'node:crypto';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import type { NextRequest } from 'next/server';
import { LOCALE_COOKIE } from '@/i18n/request';
import {
  PageCache,
  keepPage,
  pageKey,
  pageWithNonce,
  stampedKey,
  type KeptPage,
} from '@/lib/http/page-cache';
import { DETECTED_ZONE_COOKIE, PICKED_ZONE_COOKIE } from '@/lib/time/viewer-zone';
import { requestContext } from '@/server/context';
import { failedMailOf } from '@/server/mail/failed-mail';
import { pollStamp } from '@/server/views';

/**
 * The poll, organiser's and create pages, served again to the next viewer who would get the same bytes
 * (lib/http/page-cache.ts decides which requests and under which key). A miss renders the
 * page by asking this very server for it, marked with a token only this process knows (so
 * proxy.ts lets it through to React), and keeps the answer; concurrent misses for one key
 * wait for one render. Per process, like the poll cache: the key carries the poll's version
 * as the database has it now, so another instance's write is seen at the next request.
 */

const RULES = {
  varyCookies: [LOCALE_COOKIE, PICKED_ZONE_COOKIE, DETECTED_ZONE_COOKIE],
  privateCookiePrefixes: ['kairos_edit_'],
  varyHeaders: ['accept-language', 'host', 'x-forwarded-host', 'x-forwarded-proto'],
};
// A 50 × 200 poll page is about 0.5 MB; this keeps the latest few dozen pages.
const MAX_BYTES = 24 * 2 ** 20;
const RENDER_HEADER = 'x-kairos-page-render';
const renderToken = randomBytes(16).toString('base64url');
// Hop-by-hop and per-response headers: the kept copy is sent again, with its own.
const NOT_KEPT = new Set([
  'connection',
  'content-encoding',
  'content-length',
  'content-security-policy',
  'date',
  'keep-alive',
  'transfer-encoding',
]);

const globalForPages = globalThis as unknown as {
  kairosPages?: { cache: PageCache; rendering: Map<string, Promise<KeptPage | null>> };
};
const pages = (globalForPages.kairosPages ??= {
  cache: new PageCache(MAX_BYTES),
  rendering: new Map(),
});

/** True for this process's own render of a page to keep: proxy.ts lets it reach React. */
export function isPageRender(request: NextRequest): boolean {
  return request.headers.get(RENDER_HEADER) === renderToken;
}

async function render(request: NextRequest): Promise<KeptPage | null> {
  // `next start` says where it listens (next/dist/server/lib/start-server.js).
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  if (!origin) return null;
  try {
    return await renderFrom(origin, request);
  } catch {
    // The request then renders as usual, and says what went wrong there if anything did.
    return null;
  }
}

/** GET of this very server, with the request's own headers, Host included (fetch drops it). */
function get(
  url: URL,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const sent = httpGet(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', reject);
    });
    sent.on('error', reject);
  });
}

async function renderFrom(origin: string, request: NextRequest): Promise<KeptPage | null> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  headers[RENDER_HEADER] = renderToken;
  headers['accept-encoding'] = 'identity';
  const response = await get(
    new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, origin),
    headers,
  );
  const policy = response.headers['content-security-policy'];
  const nonce = /'nonce-([^']+)'/.exec(typeof policy === 'string' ? policy : '')?.[1];
  if (response.status !== 200 || !nonce || response.headers['set-cookie']) return null;
  const kept: [string, string][] = [];
  for (const [name, value] of Object.entries(response.headers)) {
    if (!NOT_KEPT.has(name) && typeof value === 'string') kept.push([name, value]);
  }
  return keepPage(response.status, kept, response.body, nonce);
}

/**
 * The page for this request from the cache, rendered first on a miss, with `nonce` in it;
 * null when the request is not one whose page is kept (then it renders as usual).
 */
export async function cachedPage(
  request: NextRequest,
  nonce: string,
): Promise<{ headers: [string, string][]; body: Buffer; status: number } | null> {
  const base = pageKey(
    {
      method: request.method,
      pathname: request.nextUrl.pathname,
      search: request.nextUrl.search,
      header: (name) => request.headers.get(name),
      cookie: (name) => request.cookies.get(name)?.value,
      cookieNames: () => request.cookies.getAll().map((c) => c.name),
    },
    RULES,
  );
  if (!base) return null;
  const now = Date.now();
  let stamp = null;
  if (base.pollId !== null) {
    const context = requestContext(now);
    const [poll, failedMail] = await Promise.all([
      pollStamp(base.pollId, context),
      base.adminToken === null
        ? undefined
        : failedMailOf({ pollId: base.pollId, adminToken: base.adminToken }, context),
    ]);
    // A missing poll renders its not-found page as any other would, and so does a wrong
    // admin token: its answer is not a 200, so it is never kept.
    if (!poll) return null;
    stamp = { ...poll, failedMail };
  }
  const key = stampedKey(base, stamp, now);
  let page = pages.cache.get(key) ?? null;
  if (!page) {
    let rendering = pages.rendering.get(key);
    if (!rendering) {
      rendering = render(request).finally(() => pages.rendering.delete(key));
      pages.rendering.set(key, rendering);
    }
    page = await rendering;
    if (!page) return null;
    pages.cache.set(key, page);
  }
  return { ...pageWithNonce(page, nonce), status: page.status };
}
