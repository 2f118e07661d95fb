import { subscribe } from 'node:diagnostics_channel';
import { format } from 'node:util';
import { getStore } from '@/db/sqlite-store';
import { redactSecretPaths } from '@/lib/http/log-redaction';
import { PEER_HEADER } from '@/lib/http/rate-limit';

export function startNodeServer() {
  // Migrate at start-up, so a broken database fails the start instead of the first visitor.
  getStore();
  stampPeerAddress();
  redactConsole();
}

/**
 * proxy.ts sees headers only, and Next.js fills `X-Forwarded-For` from the socket only when
 * the client did not send one, so that header is the client's to choose. Node's own
 * diagnostics channel sees every request with its socket before Next.js does: it writes
 * the peer address into a header of ours, replacing any client-sent value, for the rate
 * limit to count against.
 */
function stampPeerAddress() {
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as {
      request: { headers: Record<string, string | string[] | undefined> };
      socket: { remoteAddress?: string };
    };
    request.headers[PEER_HEADER] = socket.remoteAddress ?? '';
  });
}

/** Next.js logs through the console (e.g. a too-large body names its URL): keep secrets out. */
function redactConsole() {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const write = console[level].bind(console);
    console[level] = (...args: unknown[]) => write(redactSecretPaths(format(...args)));
  }
}
