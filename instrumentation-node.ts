import { subscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { format } from 'node:util';
import { openRunningStore } from '@/db/store-selection';
import { redactSecretPaths } from '@/lib/http/log-redaction';
import { FORBIDDEN_METHODS, FORBIDDEN_METHOD_HEADER } from '@/lib/http/http-methods';
import { PEER_HEADER } from '@/lib/http/rate-limit';
import { startMailSender } from '@/server/mail/mail-sender';
import { mailConfig } from '@/server/mail/mail-settings';
import { smtpTransport } from '@/server/mail/smtp-transport';
import {
  messageLogLine,
  parseLogFormat,
  pathOf,
  requestLogLine,
  routeMatcher,
  type LogFormat,
  type RouteManifest,
} from '@/lib/http/request-log';

export function startNodeServer() {
  const { format: logFormat, problem } = parseLogFormat(process.env.KAIROS_LOG_FORMAT);
  redactConsole(logFormat);
  if (problem) console.warn(`kairos: ${problem}; logging as text`);
  if (logFormat === 'json') logRequests();
  // Open and migrate at start-up, so a broken database or a wrong DATABASE_URL fails the
  // start with its reason instead of failing the first visitor.
  const store = openRunningStore((reason) => {
    console.error(reason);
    process.exit(1);
  });
  stampPeerAddress();
  // A wrong mail setting stops the start here; without KAIROS_SMTP_URL mail is simply off.
  const mail = mailConfig();
  if (mail)
    startMailSender({
      store,
      transport: smtpTransport(mail.smtpUrl),
      from: mail.from,
      now: Date.now,
    });
}

/**
 * proxy.ts sees headers only, and Next.js fills `X-Forwarded-For` from the socket only when
 * the client did not send one, so that header is the client's to choose. Node's own
 * diagnostics channel sees every request with its socket before Next.js does: it writes
 * the peer address into a header of ours, replacing any client-sent value, for the rate
 * limit to count against. It also carries TRACE and TRACK past Next.js, which would throw on
 * them (a 500), to proxy.ts, which answers 405 (lib/http/http-methods.ts).
 */
function stampPeerAddress() {
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as {
      request: { method?: string; headers: Record<string, string | string[] | undefined> };
      socket: { remoteAddress?: string };
    };
    request.headers[PEER_HEADER] = socket.remoteAddress ?? '';
    delete request.headers[FORBIDDEN_METHOD_HEADER];
    if (request.method && FORBIDDEN_METHODS.has(request.method.toUpperCase())) {
      request.headers[FORBIDDEN_METHOD_HEADER] = request.method;
      request.method = 'GET';
    }
  });
}

/**
 * Next.js logs through the console (e.g. a too-large body names its URL): keep secrets out.
 * In JSON format each console call becomes one JSON line, so a collector reads every line.
 */
function redactConsole(logFormat: LogFormat) {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const write = console[level].bind(console);
    console[level] =
      logFormat === 'json'
        ? (...args: unknown[]) =>
            write(
              messageLogLine({
                time: new Date(),
                level: level === 'log' ? 'info' : level,
                message: redactSecretPaths(format(...args)),
              }),
            )
        : (...args: unknown[]) => write(redactSecretPaths(format(...args)));
  }
}

/**
 * KAIROS_LOG_FORMAT=json: one line per answered request, from Node's own diagnostics
 * channels (Next.js has no per-request hook), with the route pattern from the build's
 * routes manifest in place of the path.
 */
function logRequests() {
  const route = routeMatcher(readRouteManifest());
  const started = new WeakMap<object, number>();
  subscribe('http.server.request.start', (message) => {
    started.set((message as { request: object }).request, performance.now());
  });
  subscribe('http.server.response.finish', (message) => {
    const { request, response } = message as {
      request: { method?: string; url?: string };
      response: { statusCode: number };
    };
    const start = started.get(request);
    process.stdout.write(
      `${requestLogLine({
        time: new Date(),
        method: request.method ?? '',
        route: route(pathOf(request.url ?? '')),
        status: response.statusCode,
        durationMs: start === undefined ? 0 : performance.now() - start,
      })}\n`,
    );
  });
}

function readRouteManifest(): RouteManifest {
  try {
    return JSON.parse(
      readFileSync(
        path.join(/*turbopackIgnore: true*/ process.cwd(), '.next', 'routes-manifest.json'),
        'utf8',
      ),
    ) as RouteManifest;
  } catch {
    // `next dev` writes it later; until then every request logs route null.
    return { staticRoutes: [], dynamicRoutes: [] };
  }
}
