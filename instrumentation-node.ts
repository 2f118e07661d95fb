import { subscribe } from 'node:diagnostics_channel';
import { format } from 'node:util';
import { getDb } from '@/db/client';
import { redactSecretPaths } from '@/lib/http/log-redaction';
import { FORBIDDEN_METHODS, FORBIDDEN_METHOD_HEADER } from '@/lib/http/http-methods';
import { PEER_HEADER } from '@/lib/http/rate-limit';

export function startNodeServer() {
  // Migrate at start-up, so a broken database fails the start instead of the first visitor.
  getDb();
  stampPeerAddress();
  redactConsole();
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

/** Next.js logs through the console (e.g. a too-large body names its URL): keep secrets out. */
function redactConsole() {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const write = console[level].bind(console);
    console[level] = (...args: unknown[]) => write(redactSecretPaths(format(...args)));
  }
}
