import { headers } from 'next/headers';

/** Absolute links for sharing: KAIROS_BASE_URL when set (behind a proxy), else the request's host. */
export async function requestOrigin(): Promise<string> {
  const configured = process.env.KAIROS_BASE_URL;
  if (configured) return configured.replace(/\/+$/, '');
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}
