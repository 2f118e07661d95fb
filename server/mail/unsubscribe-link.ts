import 'server-only';
import { hashSecret, newSecret } from '@/db/tokens';
import { unsubscribePath } from '@/server/links';

/** A fresh unsubscribe link for one mail: the URL goes into the mail, the hash into the store. */
export function newUnsubscribeLink(origin: string): { url: string; tokenHash: string } {
  const token = newSecret();
  return { url: `${origin}${unsubscribePath(token)}`, tokenHash: hashSecret(token) };
}
