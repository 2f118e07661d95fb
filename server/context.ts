import 'server-only';
import { getStore } from '@/db/sqlite-store';
import type { Store } from '@/db/store';

/**
 * What an adapter read from the transport and a use case needs: the store, the request's
 * instant (tests pass any instant, so no test waits for a clock) and, for writes, the write
 * budget's verdict from proxy.ts.
 */
export interface Context {
  store: Store;
  now: number;
  /** Seconds this client must wait before writing again; null while within its budget. */
  writeRefusedFor: number | null;
}

export function requestContext(now: number, writeRefusedFor: number | null = null): Context {
  return { store: getStore(), now, writeRefusedFor };
}
