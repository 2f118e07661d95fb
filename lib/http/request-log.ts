/**
 * KAIROS_LOG_FORMAT=json: one JSON object per line, for log collectors. A request's line
 * names its route pattern (`/p/[id]/admin/[token]`), never the path it was called with,
 * so tokens and ids stay out; and it holds no address, header or query.
 */

export type LogFormat = 'text' | 'json';

export function parseLogFormat(value: string | undefined): {
  format: LogFormat;
  problem: string | null;
} {
  if (value === undefined || value === '' || value === 'text')
    return { format: 'text', problem: null };
  if (value === 'json') return { format: 'json', problem: null };
  return { format: 'text', problem: `KAIROS_LOG_FORMAT must be "text" or "json", not "${value}"` };
}

/** The shape of Next.js's .next/routes-manifest.json that matching needs. */
export interface RouteManifest {
  staticRoutes: { page: string }[];
  dynamicRoutes: { page: string; regex: string }[];
}

const STATIC_ASSETS = '/_next/static/';

/** pathname → the app's route pattern it is served by, or null for none (a 404). */
export function routeMatcher(manifest: RouteManifest): (pathname: string) => string | null {
  const exact = new Set(manifest.staticRoutes.map((r) => r.page));
  const dynamic = manifest.dynamicRoutes.map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  return (pathname) => {
    if (pathname.startsWith(STATIC_ASSETS)) return `${STATIC_ASSETS}[...path]`;
    const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
    if (exact.has(path)) return path;
    return dynamic.find((r) => r.regex.test(path))?.page ?? null;
  };
}

/** The path part of a request target: no query, no fragment. */
export function pathOf(target: string): string {
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

export function requestLogLine(entry: {
  time: Date;
  method: string;
  route: string | null;
  status: number;
  durationMs: number;
}): string {
  return JSON.stringify({
    time: entry.time.toISOString(),
    type: 'request',
    method: entry.method,
    route: entry.route,
    status: entry.status,
    durationMs: Math.round(entry.durationMs * 10) / 10,
  });
}

export function messageLogLine(entry: { time: Date; level: string; message: string }): string {
  return JSON.stringify({
    time: entry.time.toISOString(),
    type: 'message',
    level: entry.level,
    message: entry.message,
  });
}
