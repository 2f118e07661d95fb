/**
 * What the PostgreSQL driver decides before and while it connects, kept free of `pg` so
 * its rules are tested without a server: the pool's size, the oldest server it accepts,
 * and the one-line reasons a bad DATABASE_URL gets at start-up (never with its password).
 */

export const DEFAULT_POOL_SIZE = 10;
const MAX_POOL_SIZE = 1000;

/** `server_version_num` of the oldest PostgreSQL Kairos supports (13.0). */
export const MINIMUM_SERVER_VERSION = 130000;

export class PostgresConfigError extends Error {
  override name = 'PostgresConfigError';
}

/** KAIROS_DATABASE_POOL_SIZE: connections per app process; a typo fails the start. */
export function parsePoolSize(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_POOL_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > MAX_POOL_SIZE)
    throw new PostgresConfigError(
      `kairos: KAIROS_DATABASE_POOL_SIZE must be a whole number from 1 to ${MAX_POOL_SIZE}, not "${value}"`,
    );
  return size;
}

/** user@host:port/database, for messages: a URL's password must never reach a log. */
export function describeTarget(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PostgresConfigError(
      'kairos: DATABASE_URL is not a URL; expected postgres://user:password@host:5432/database',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    throw new PostgresConfigError(
      `kairos: DATABASE_URL must start with postgres:// or postgresql://, not ${parsed.protocol}//`,
    );
  const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
  // A Unix socket folder comes as ?host=/run/postgresql.
  const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
  const port = parsed.port || '5432';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default)';
  return `${user}${host}:${port}/${database}`;
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
}

/** The start-up failure as one line a self-hoster can act on, naming the target without secrets. */
export function explainConnectionError(error: unknown, target: string): string {
  const { code, message } = (error ?? {}) as ErrorLike;
  const text = typeof message === 'string' ? message : String(error);
  const at = `PostgreSQL at ${target}`;
  switch (code) {
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return `kairos: cannot reach ${at} (${code}): is the server running and the host and port right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `kairos: cannot reach ${at}: the host name does not resolve (${code})`;
    case '28P01':
      return `kairos: ${at} refused the password: check the user name and password in DATABASE_URL`;
    case '28000':
      return `kairos: ${at} refused the connection (${text}): check pg_hba.conf and the user name`;
    case '3D000':
      return `kairos: ${at}: the database does not exist; create it first (createdb)`;
  }
  if (/timeout/i.test(text))
    return `kairos: cannot reach ${at}: no answer in time: is the host and port right?`;
  if (/password/i.test(text))
    return `kairos: ${at} asks for a password that DATABASE_URL does not give`;
  return `kairos: cannot use ${at}: ${text}`;
}

/** Refuses a server older than MINIMUM_SERVER_VERSION, naming both versions. */
export function checkServerVersion(
  versionNumber: number,
  versionText: string,
  minimum = MINIMUM_SERVER_VERSION,
): void {
  if (Number.isInteger(versionNumber) && versionNumber >= minimum) return;
  throw new PostgresConfigError(
    `kairos: PostgreSQL ${versionText} is too old: Kairos needs PostgreSQL ${formatVersion(minimum)} or newer`,
  );
}

function formatVersion(versionNumber: number): string {
  return `${Math.floor(versionNumber / 10000)}.${versionNumber % 10000}`;
}
