/**
 * The origin of the links Kairos hands out (participant, admin and edit links, the .ics URL).
 * An admin link on a host the organiser did not choose gives the poll away, so the origin
 * comes only from where the operator said: KAIROS_BASE_URL when set; else the request's own
 * Host; `X-Forwarded-Host`/`-Proto` only with KAIROS_TRUST_PROXY=1, set behind a reverse
 * proxy that writes them (any client can send them otherwise).
 */
export function linkOrigin(request: {
  baseUrl: string | undefined;
  trustProxy: boolean;
  host: string | null;
  forwardedHost: string | null;
  forwardedProto: string | null;
}): string {
  const configured = request.baseUrl?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  const forwardedHost = request.trustProxy ? firstValue(request.forwardedHost) : null;
  const forwardedProto = request.trustProxy ? firstValue(request.forwardedProto) : null;
  const host = validHost(forwardedHost) ?? validHost(request.host) ?? 'localhost:3000';
  const proto = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : 'http';
  return `${proto}://${host}`;
}

/** A proxy chain may list several values; the first is the client-facing one. */
function firstValue(header: string | null): string | null {
  return header?.split(',')[0]?.trim().toLowerCase() || null;
}

/** A host name or address with an optional port, nothing that could change the URL's shape. */
function validHost(host: string | null): string | null {
  if (!host) return null;
  return /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(host.trim())
    ? host.trim()
    : null;
}
