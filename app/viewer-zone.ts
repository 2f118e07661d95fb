import { cookies, headers } from 'next/headers';
import {
  DETECTED_ZONE_COOKIE,
  PICKED_ZONE_COOKIE,
  decideViewerZone,
  type ViewerZone,
} from '@/lib/time/viewer-zone';

/** The zone this page renders in (lib/time/viewer-zone.ts decides), from this request's cookies. */
export async function viewerZone(pollZone: string): Promise<ViewerZone> {
  const jar = await cookies();
  return decideViewerZone(
    jar.get(PICKED_ZONE_COOKIE)?.value,
    jar.get(DETECTED_ZONE_COOKIE)?.value,
    pollZone,
  );
}

/** The create form's first zone: the viewer's, when the browser has said it; else null. */
export async function savedViewerZone(): Promise<string | null> {
  const viewer = await viewerZone('UTC');
  return viewer.source === 'poll' ? null : viewer.zone;
}

/** The nonce proxy.ts put in this request's Content-Security-Policy. */
export async function scriptNonce(): Promise<string | undefined> {
  const policy = (await headers()).get('content-security-policy') ?? '';
  return /'nonce-([^']+)'/.exec(policy)?.[1];
}

/**
 * Runs in <head> before anything paints: when the browser's zone is not the one the server
 * was told (first visit, or the traveller has moved), it says it and reloads, so the server
 * renders the right times and nothing flashes. It cannot loop: it reloads only when reading
 * the cookie back gives the browser's zone, which is then the test that stops it (cookies
 * refused, or another cookie of the name shadowing it, mean no reload). A picked zone is never overridden. Without
 * JavaScript or cookies the page stays in the poll's zone, labelled as such. It also drops
 * kairos_tz, the year-long cookie that used to keep the first detection.
 */
export const ZONE_SCRIPT = `(function(){try{document.cookie="kairos_tz=; path=/; max-age=0";var c=document.cookie;if(/(?:^|; )${PICKED_ZONE_COOKIE}=/.test(c))return;var z=Intl.DateTimeFormat().resolvedOptions().timeZone||"UTC";var r=/(?:^|; )${DETECTED_ZONE_COOKIE}=([^;]*)/,s=function(){var m=r.exec(document.cookie);return m&&decodeURIComponent(m[1])===z};if(s())return;document.cookie="${DETECTED_ZONE_COOKIE}="+encodeURIComponent(z)+"; path=/; max-age=43200; samesite=lax";if(s())location.replace(location.href)}catch(e){}})()`;
