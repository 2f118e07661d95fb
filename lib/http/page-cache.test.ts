import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PageCache,
  keepPage,
  pageKey,
  pageWithNonce,
  stampedKey,
  type PageRequest,
} from '@/lib/http/page-cache';

const RULES = {
  varyCookies: ['lang', 'zone'],
  privateCookiePrefixes: ['edit_'],
  varyHeaders: ['accept-language', 'host'],
};
const POLL = 'AbCdEfGhIjKl_-12';

function request({
  method = 'GET',
  pathname = `/p/${POLL}`,
  search = '',
  headers = {} as Record<string, string>,
  cookies = {} as Record<string, string>,
} = {}): PageRequest {
  return {
    method,
    pathname,
    search,
    header: (name) => headers[name] ?? null,
    cookie: (name) => cookies[name],
    cookieNames: () => Object.keys(cookies),
  };
}

describe('which pages are kept', () => {
  it('keeps the create page, a poll page and the organiser’s, naming the poll', () => {
    expect(pageKey(request({ pathname: '/' }), RULES)).toMatchObject({
      pollId: null,
      adminToken: null,
    });
    expect(pageKey(request(), RULES)).toMatchObject({ pollId: POLL, adminToken: null });
    expect(pageKey(request({ pathname: `/p/${POLL}/admin/secret` }), RULES)).toMatchObject({
      pollId: POLL,
      adminToken: 'secret',
    });
  });

  it('never keeps another path, another method, a flight request or a viewer’s own page', () => {
    const refused = [
      request({ pathname: `/p/${POLL}/admin/secret/results.csv` }),
      request({ pathname: `/p/${POLL}/edit/x` }),
      request({ pathname: `/p/${POLL}/invite/secret` }),
      request({ pathname: `/p/${POLL}/` }),
      request({ pathname: '/p/short' }),
      request({ pathname: '/api/polls' }),
      request({ method: 'POST' }),
      request({ method: 'HEAD' }),
      request({ headers: { rsc: '1' } }),
      request({ headers: { 'next-router-prefetch': '1' } }),
      request({ headers: { 'next-action': 'abc' } }),
      request({ search: '?_rsc=abc' }),
      request({ cookies: { [`edit_${POLL}`]: 'p.token' } }),
    ];
    for (const r of refused) expect(pageKey(r, RULES)).toBeNull();
  });

  it('gives two requests one key exactly when every input the page reads is the same', () => {
    const inputs = fc.record({
      search: fc.constantFrom('', '?a=1', '?a=2'),
      lang: fc.option(fc.constantFrom('en', 'fr'), { nil: undefined }),
      zone: fc.option(fc.constantFrom('Europe/Rome', 'Asia/Kathmandu'), { nil: undefined }),
      other: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
      acceptLanguage: fc.option(fc.constantFrom('en-US', 'de-DE'), { nil: undefined }),
      host: fc.constantFrom('a.example', 'b.example'),
      userAgent: fc.constantFrom('one', 'two'),
    });
    const build = (i: typeof inputs extends fc.Arbitrary<infer T> ? T : never) => {
      const cookies: Record<string, string> = {};
      if (i.lang) cookies.lang = i.lang;
      if (i.zone) cookies.zone = i.zone;
      if (i.other) cookies.other = i.other;
      const headers: Record<string, string> = { host: i.host, 'user-agent': i.userAgent };
      if (i.acceptLanguage) headers['accept-language'] = i.acceptLanguage;
      return pageKey(request({ search: i.search, cookies, headers }), RULES)!.key;
    };
    fc.assert(
      fc.property(inputs, inputs, (a, b) => {
        const same =
          a.search === b.search &&
          a.lang === b.lang &&
          a.zone === b.zone &&
          a.acceptLanguage === b.acceptLanguage &&
          a.host === b.host;
        expect(build(a) === build(b)).toBe(same);
      }),
    );
  });

  it('moves the key with the version, the deadline passing and the minute', () => {
    const base = pageKey(request(), RULES)!;
    const now = Date.UTC(2026, 9, 28, 16, 0, 30);
    const open = { version: 3, deadline: now + 20_000 };
    const key = stampedKey(base, open, now);
    expect(stampedKey(base, open, now + 10_000)).toBe(key);
    expect(stampedKey(base, { ...open, version: 4 }, now)).not.toBe(key);
    // 16:00:55, the same minute, the deadline passed.
    expect(stampedKey(base, open, now + 25_000)).not.toBe(key);
    const failing = { ...open, failedMail: [{ recipient: 'a@example.org', attempts: 8 }] };
    expect(stampedKey(base, failing, now)).not.toBe(key);
    expect(stampedKey(base, { ...open, failedMail: [] }, now)).not.toBe(
      stampedKey(base, failing, now),
    );
    const noDeadline = { version: 3, deadline: null };
    expect(stampedKey(base, noDeadline, now + 29_999)).toBe(stampedKey(base, noDeadline, now));
    expect(stampedKey(base, noDeadline, now + 30_000)).not.toBe(stampedKey(base, noDeadline, now));
  });
});

describe('a kept page and its nonce', () => {
  it('gives back the very page with the new nonce wherever the old one was', () => {
    const nonce = fc.base64String({ minLength: 24, maxLength: 24 }).filter((s) => s.length === 24);
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 6 }),
        nonce,
        nonce,
        (pieces, old, fresh) => {
          fc.pre(pieces.every((p) => !p.includes(old) && !p.includes(fresh) && !p.includes('\0')));
          const body = pieces.join(old);
          const kept = keepPage(200, [['link', `<a>; nonce=${old}`]], Buffer.from(body), old);
          const served = pageWithNonce(kept, fresh);
          expect(served.body.toString()).toBe(pieces.join(fresh));
          expect(served.headers).toEqual([['link', `<a>; nonce=${fresh}`]]);
        },
      ),
    );
  });
});

describe('the cache', () => {
  const page = (bytes: number) => keepPage(200, [], Buffer.alloc(bytes, 'a'), 'nonce');

  it('drops the least recently read pages past its byte budget', () => {
    const cache = new PageCache(300);
    cache.set('a', page(100));
    cache.set('b', page(100));
    cache.set('c', page(100));
    expect(cache.get('a')).toBeDefined();
    cache.set('d', page(100));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.size).toEqual({ pages: 3, bytes: 300 });
  });

  it('never holds more than its budget, whatever is put in it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.nat(500)), { maxLength: 40 }),
        (puts) => {
          const cache = new PageCache(1000);
          for (const [key, bytes] of puts) cache.set(key, page(bytes));
          expect(cache.size.bytes).toBeLessThanOrEqual(1000);
        },
      ),
    );
  });

  it('keeps no page larger than the budget', () => {
    const cache = new PageCache(50);
    cache.set('big', page(51));
    expect(cache.get('big')).toBeUndefined();
  });
});
