import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { feedTokenOf, hashSecret } from '@/db/tokens';
import { participantFeed } from '@/lib/export/ics-feed';
import type { EditorCredential } from '@/server/access';
import type { Context } from '@/server/context';
import { feedUrl, pollPath } from '@/server/links';
import { refuse, type Outcome } from '@/server/problem';

/**
 * A feed token (db/tokens.ts, feedTokenOf: SHA-256 in base64url) with the `.ics` the path
 * carries. Anything else cannot be one, and is answered like an unknown token.
 */
const feedFile = z.string().regex(/^([A-Za-z0-9_-]{43})\.ics$/);

/**
 * A participant's private calendar feed, found by its token's hash alone (no poll id in the
 * address, so the feed's URL names nothing else). A wrong token, a removed answer and a
 * deleted poll all answer notFound.
 */
export async function participantFeedIcs(
  input: { file: unknown; origin: string },
  context: Pick<Context, 'store'>,
): Promise<Outcome<{ ics: string; etag: string }>> {
  const parsed = feedFile.safeParse(input.file);
  if (!parsed.success) return refuse({ code: 'notFound' });
  const { store } = context;
  const owner = await store.findFeed(store, hashSecret(parsed.data.slice(0, -'.ics'.length)));
  const poll = owner ? await store.getPollWithVotes(store, owner.pollId) : null;
  if (!owner || !poll) return refuse({ code: 'notFound' });
  const ics = participantFeed(poll, owner.participantId, `${input.origin}${pollPath(poll.id)}`);
  const etag = `"${createHash('sha256').update(ics, 'utf8').digest('base64url')}"`;
  return { ok: true, ics, etag };
}

/**
 * The webcal:// address of the editor's feed, for the page to show. An answer given before
 * feeds existed gets its feed here, the first time its editor opens it with the edit token;
 * null when the token is not the participant's.
 */
export async function editorFeedUrl(
  input: { editor: EditorCredential; origin: string },
  context: Pick<Context, 'store'>,
): Promise<string | null> {
  const { store } = context;
  const { participantId, editToken } = input.editor;
  const feedTokenHash = hashSecret(feedTokenOf(editToken));
  const owner = await store.findFeed(store, feedTokenHash);
  const has =
    owner?.participantId === participantId ||
    (!owner &&
      (await store.transaction((tx) =>
        store.giveFeed(tx, participantId, hashSecret(editToken), feedTokenHash),
      )));
  return has ? feedUrl(input.origin, editToken) : null;
}
