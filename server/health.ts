import 'server-only';
import { probeStore, type HealthProbe, type StoreHealth } from '@/db/health';
import { runningStoreProbe } from '@/db/store-selection';
import { version } from '@/package.json';

export type HealthReport = { status: 'ok' | 'unavailable'; version: string } & StoreHealth;

/**
 * The service's health for load balancers and container engines: healthy when the store
 * answers and has every committed migration applied.
 */
export async function checkHealth(probe: HealthProbe = runningStoreProbe()): Promise<HealthReport> {
  const store = await probeStore(probe);
  const healthy = store.database === 'ok' && store.migrations === 'current';
  return { status: healthy ? 'ok' : 'unavailable', version, ...store };
}
