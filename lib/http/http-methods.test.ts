import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_METHODS, refusedMethod } from '@/lib/http/http-methods';

/** Every app/api route file as the URL it serves, with the methods it exports. */
function apiRoutes(): { url: string; methods: string[] }[] {
  const root = path.resolve(import.meta.dirname, '../../app/api');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('route.ts'),
  );
  return files.map((file) => ({
    url: `/api/${path.dirname(file)}`.replace(/\[[^\]]+\]/g, 'x1'),
    methods: [
      ...readFileSync(path.join(root, file), 'utf8').matchAll(
        /export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g,
      ),
    ]
      .map((m) => m[1] ?? '')
      .sort(),
  }));
}

describe('refusedMethod', () => {
  it('knows every API route and exactly the methods its handler exports', () => {
    const routes = apiRoutes();
    expect(routes.length).toBe(API_METHODS.length);
    for (const { url, methods } of routes) {
      const route = API_METHODS.find(([pattern]) => pattern.test(url));
      expect(route?.[1].slice().sort(), url).toEqual(methods);
      for (const method of methods) expect(refusedMethod(method, url), url).toBeNull();
    }
  });

  it.each([
    ['PATCH', '/api/polls/abc/event.ics', 'GET, HEAD, OPTIONS'],
    ['GET', '/api/polls', 'POST, OPTIONS'],
    ['PROPFIND', '/api/polls/abc', 'GET, PATCH, DELETE, HEAD, OPTIONS'],
    ['FROBNICATE', '/api/polls/abc/comments/c1', 'DELETE, OPTIONS'],
    ['TRACE', '/api/polls/abc/responses', 'POST, OPTIONS'],
    ['TRACE', '/p/abc', 'GET, HEAD, POST, OPTIONS'],
    ['POST', '/feed/abc.ics', 'GET, HEAD, OPTIONS'],
    ['PUT', '/feed/abc.ics/', 'GET, HEAD, OPTIONS'],
    ['patch', '/api/polls/abc', 'GET, PATCH, DELETE, HEAD, OPTIONS'],
  ])('%s %s is refused with Allow: %s', (method, pathname, allow) => {
    expect(refusedMethod(method, pathname)).toEqual({ allow });
  });

  it('answers any method on any API route with pass or a 405 listing what passes', () => {
    const urls = apiRoutes().map((r) => r.url);
    fc.assert(
      fc.property(
        fc.constantFrom(...urls),
        fc.oneof(
          fc.constantFrom('GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE'),
          fc.string({ minLength: 1, maxLength: 12 }),
        ),
        (url, method) => {
          const refused = refusedMethod(method, url);
          if (refused) expect(refused.allow.split(', ')).not.toContain(method);
          else expect(refusedMethod('OPTIONS', url)).toBeNull();
        },
      ),
    );
  });
});
