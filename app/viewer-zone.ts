import { cookies } from 'next/headers';
import { isIanaZone } from '@/lib/time/time-zone';

export const ZONE_COOKIE = 'kairos_tz';

/** The zone this browser chose or detected before, so times render right on the first paint. */
export async function savedViewerZone(): Promise<string | null> {
  const value = (await cookies()).get(ZONE_COOKIE)?.value;
  return value && isIanaZone(value) ? value : null;
}
