/**
 * Kairos's credentials are links: /p/{poll}/admin/{token}, /p/{poll}/edit/{participant}/{token},
 * a guest's /p/{poll}/invite/{token}, a mail's /unsubscribe/{token} and a participant's calendar
 * feed, /feed/{token}.ics. Server logs must never hold them, so every log line
 * passes through this before it is written (instrumentation.ts). Ids and tokens are
 * base64url, so a token ends at the first other character.
 */
const SECRET_PATH = /(\/p\/[\w%-]+\/(?:admin|invite|edit\/[\w%-]+)|\/unsubscribe|\/feed)\/[\w%-]+/g;

export const REDACTED = '[redacted]';

export function redactSecretPaths(text: string): string {
  return text.replace(SECRET_PATH, `$1/${REDACTED}`);
}
