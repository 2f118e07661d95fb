/**
 * Rendered pages kept for the next viewer who would be sent the very same bytes (issue 16).
 * A poll page depends on the poll (its version row moves with every write), the clock, and a
 * few parts of the request: the path and query, the language and zone cookies, the browser's
 * languages and the host its links are built from. Everything else a request carries is left
 * out of the key, and a request that carries something the page would read for that viewer
 * alone (their own answer's cookie, a client navigation's flight request) is never served
 * from here. The page's nonce is the one thing that must differ per response: a kept page is
 * held in the pieces between its nonce, and each response joins them with a fresh one.
 */

export interface PageRequest {
  method: string;
  pathname: string;
  search: string;
  /** A request header by its lower-case name. */
  header(name: string): string | null;
  /** The request's cookies by name. */
  cookie(name: string): string | undefined;
  cookieNames(): string[];
}

export interface PageCacheRules {
  /** Cookies the page reads for every viewer alike: part of the key. */
  varyCookies: readonly string[];
  /** Cookies that make the page this viewer's own (an answer's edit credential): never kept. */
  privateCookiePrefixes: readonly string[];
  /** Request headers the page reads (languages, host): part of the key. */
  varyHeaders: readonly string[];
}

/** What a request's page would be kept under, before the poll's stamp is added. */
export interface PageKey {
  /** The poll whose version the page shows; null for the create page. */
  pollId: string | null;
  /** On the organiser's page, the token in its path (the page also shows failed mail). */
  adminToken: string | null;
  key: string;
}

// Poll ids are 96 random bits in base64url, 16 characters (db/tokens.ts, newPublicId).
const POLL_PAGE = /^\/p\/([A-Za-z0-9_-]{16})(?:\/admin\/([A-Za-z0-9_-]{1,64}))?$/;
// A client-side navigation asks for the page's flight data, not its HTML.
const FLIGHT_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-action'];

export function pageKey(request: PageRequest, rules: PageCacheRules): PageKey | null {
  if (request.method !== 'GET') return null;
  if (FLIGHT_HEADERS.some((name) => request.header(name) !== null)) return null;
  if (new URLSearchParams(request.search).has('_rsc')) return null;
  const names = request.cookieNames();
  if (names.some((name) => rules.privateCookiePrefixes.some((prefix) => name.startsWith(prefix))))
    return null;
  let pollId: string | null = null;
  let adminToken: string | null = null;
  if (request.pathname !== '/') {
    const match = POLL_PAGE.exec(request.pathname);
    if (!match) return null;
    pollId = match[1]!;
    adminToken = match[2] ?? null;
  }
  const key = JSON.stringify([
    request.pathname,
    request.search,
    ...rules.varyCookies.map((name) => request.cookie(name) ?? null),
    ...rules.varyHeaders.map((name) => request.header(name)),
  ]);
  return { pollId, adminToken, key };
}

const MINUTE = 60_000;

/**
 * The key with what the page shows of the poll and the clock: its version, whether its
 * deadline has passed, and the minute (pages say "today" and what has passed; every zone's
 * date changes on a quarter hour of UTC, so on a minute too).
 */
export function stampedKey(
  base: PageKey,
  stamp: { version: number; deadline: number | null; failedMail?: unknown } | null,
  now: number,
): string {
  const minute = Math.floor(now / MINUTE);
  if (!stamp) return `${base.key}|${minute}`;
  const closed = stamp.deadline !== null && stamp.deadline <= now;
  // Mail failing is no write to the poll, so the organiser's page keys on the list itself.
  const mail = stamp.failedMail === undefined ? '' : `|${JSON.stringify(stamp.failedMail)}`;
  return `${base.key}|${stamp.version}|${closed ? 1 : 0}|${minute}${mail}`;
}

export interface KeptPage {
  status: number;
  headers: [string, string][];
  /** The body cut at every occurrence of its nonce. */
  pieces: Buffer[];
  bytes: number;
}

/** Cuts `body` (and the header values) at every occurrence of `nonce`. */
export function keepPage(
  status: number,
  headers: [string, string][],
  body: Buffer,
  nonce: string,
): KeptPage {
  const needle = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    pieces.push(body.subarray(from, at));
    from = at + needle.length;
  }
  pieces.push(body.subarray(from));
  return {
    status,
    headers: headers.map(([name, value]) => [name, value.split(nonce).join('\0')]),
    pieces,
    bytes: body.length,
  };
}

/** The kept page with `nonce` wherever the original had its own. */
export function pageWithNonce(
  page: KeptPage,
  nonce: string,
): { headers: [string, string][]; body: Buffer } {
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  page.pieces.forEach((piece, i) => {
    if (i > 0) parts.push(needle);
    parts.push(piece);
  });
  return {
    headers: page.headers.map(([name, value]) => [name, value.split('\0').join(nonce)]),
    body: Buffer.concat(parts),
  };
}

/**
 * The least recently used pages go first once the kept bodies pass `maxBytes`; a key stamped
 * with an older version or minute is never asked for again and ages out the same way.
 */
export class PageCache {
  private readonly pages = new Map<string, KeptPage>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): KeptPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  set(key: string, page: KeptPage): void {
    if (page.bytes > this.maxBytes) return;
    const old = this.pages.get(key);
    if (old) {
      this.pages.delete(key);
      this.bytes -= old.bytes;
    }
    this.pages.set(key, page);
    this.bytes += page.bytes;
    for (const [oldest, kept] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(oldest);
      this.bytes -= kept.bytes;
    }
  }

  get size(): { pages: number; bytes: number } {
    return { pages: this.pages.size, bytes: this.bytes };
  }
}
