import { headers } from 'next/headers';
import { linkOrigin } from '@/lib/http/link-origin';
import { parseRateLimitSettings } from '@/lib/http/rate-limit';

/** Absolute links for sharing: KAIROS_BASE_URL, else the request's host (lib/http/link-origin.ts). */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  return linkOrigin({
    baseUrl: process.env.KAIROS_BASE_URL,
    trustProxy: parseRateLimitSettings({ trustProxy: process.env.KAIROS_TRUST_PROXY }).settings
      .trustProxy,
    host: h.get('host'),
    forwardedHost: h.get('x-forwarded-host'),
    forwardedProto: h.get('x-forwarded-proto'),
  });
}
