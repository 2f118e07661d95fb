import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  messageLogLine,
  parseLogFormat,
  pathOf,
  requestLogLine,
  routeMatcher,
  type RouteManifest,
} from '@/lib/http/request-log';

// As Next.js writes them into .next/routes-manifest.json.
const manifest: RouteManifest = {
  staticRoutes: [{ page: '/' }, { page: '/api/polls' }, { page: '/api/health' }],
  dynamicRoutes: [
    { page: '/api/polls/[id]', regex: '^/api/polls/([^/]+?)(?:/)?$' },
    { page: '/p/[id]', regex: '^/p/([^/]+?)(?:/)?$' },
    { page: '/p/[id]/admin/[token]', regex: '^/p/([^/]+?)/admin/([^/]+?)(?:/)?$' },
    {
      page: '/p/[id]/edit/[participantId]/[token]',
      regex: '^/p/([^/]+?)/edit/([^/]+?)/([^/]+?)(?:/)?$',
    },
  ],
};
const match = routeMatcher(manifest);

describe('routeMatcher', () => {
  it('names the route pattern, never the ids or tokens in the path', () => {
    expect(match('/')).toBe('/');
    expect(match('/api/health')).toBe('/api/health');
    expect(match('/api/polls/')).toBe('/api/polls');
    expect(match('/api/polls/abc123')).toBe('/api/polls/[id]');
    expect(match('/p/abc123/admin/S3cr3t')).toBe('/p/[id]/admin/[token]');
    expect(match('/p/abc/edit/part1/tok')).toBe('/p/[id]/edit/[participantId]/[token]');
    expect(match('/_next/static/chunks/app.js')).toBe('/_next/static/[...path]');
  });

  it('gives null for a path no route serves', () => {
    expect(match('/nowhere/at/all')).toBeNull();
    expect(match('/p/a/b/c/d/e/f')).toBeNull();
  });

  it('never returns any part of the path it was given that is not in a pattern', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{12,30}$/), (secret) => {
        for (const path of [
          `/p/${secret}`,
          `/p/x/admin/${secret}`,
          `/api/polls/${secret}`,
          `/${secret}`,
        ])
          expect(match(path) ?? '').not.toContain(secret);
      }),
    );
  });
});

describe('pathOf', () => {
  it('drops the query and fragment', () => {
    expect(pathOf('/p/abc?token=x')).toBe('/p/abc');
    expect(pathOf('/p/abc#frag')).toBe('/p/abc');
    expect(pathOf('/p/abc')).toBe('/p/abc');
  });
});

describe('log lines', () => {
  const time = new Date(Date.UTC(2027, 0, 2, 3, 4, 5, 6));
  it('writes a request as one JSON line with method, route, status and duration only', () => {
    const line = requestLogLine({
      time,
      method: 'POST',
      route: '/api/polls',
      status: 201,
      durationMs: 12.345,
    });
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      time: '2027-01-02T03:04:05.006Z',
      type: 'request',
      method: 'POST',
      route: '/api/polls',
      status: 201,
      durationMs: 12.3,
    });
  });
  it('keeps a multi-line message on one line', () => {
    const line = messageLogLine({ time, level: 'error', message: 'Error: boom\n    at x' });
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toMatchObject({ level: 'error', message: 'Error: boom\n    at x' });
  });
});

describe('parseLogFormat', () => {
  it('defaults to text and accepts json', () => {
    expect(parseLogFormat(undefined)).toEqual({ format: 'text', problem: null });
    expect(parseLogFormat('json')).toEqual({ format: 'json', problem: null });
  });
  it('names a value it does not know and falls back to text', () => {
    expect(parseLogFormat('JSONL')).toEqual({
      format: 'text',
      problem: 'KAIROS_LOG_FORMAT must be "text" or "json", not "JSONL"',
    });
  });
});
