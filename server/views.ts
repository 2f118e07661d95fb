import 'server-only';
import type { PollStamp } from '@/db/store';
import type { PollRecord } from '@/lib/poll/model';
import { visiblePoll, type ResultsHidden } from '@/lib/poll/privacy';
import { isEditor, isOrganiser, type EditorCredential } from '@/server/access';
import type { Context } from '@/server/context';
import { refuse, type Outcome } from '@/server/problem';

export interface ViewPollInput {
  pollId: string;
  adminToken?: string | null;
  editor?: EditorCredential | null;
  /**
   * Whom the page is for: the organiser (the admin link) or that participant (their edit
   * link) must prove it, or the poll is not found; without it anyone may look.
   */
  require?: 'organiser' | 'editor';
  /** The name shown for a participant whose name the privacy setting hides. */
  anonymousName: (position: number) => string;
}

export interface Viewer {
  admin: boolean;
  participantId: string | null;
}

export type PollViewOutcome = Outcome<{
  /** The poll as stored (shared and frozen). */
  stored: PollRecord;
  /** The poll as this viewer may see it. */
  poll: PollRecord;
  hidden: ResultsHidden;
  viewer: Viewer;
}>;

/** The poll for the participant's page, the edit link, the admin page and the API. */
export async function viewPoll(
  input: ViewPollInput,
  context: Pick<Context, 'store'>,
): Promise<PollViewOutcome> {
  const { store } = context;
  const [admin, editor] = await Promise.all([
    input.adminToken === undefined
      ? false
      : isOrganiser(store, store, input.pollId, input.adminToken),
    isEditor(store, store, input.pollId, input.editor ?? null),
  ]);
  if ((input.require === 'organiser' && !admin) || (input.require === 'editor' && !editor))
    return refuse({ code: 'notFound' });
  const stored = await store.getPollWithVotes(store, input.pollId);
  if (!stored) return refuse({ code: 'notFound' });
  const viewer = { admin, participantId: editor ? input.editor!.participantId : null };
  const { poll, hidden } = visiblePoll(stored, viewer, input.anonymousName);
  return { ok: true, stored, poll, hidden, viewer };
}

/** The title for the page's metadata, which no privacy setting hides. */
export async function pollTitle(
  pollId: string,
  context: Pick<Context, 'store'>,
): Promise<string | null> {
  return (await context.store.getPollWithVotes(context.store, pollId))?.title ?? null;
}

/** What a rendered page of the poll depends on in the store (app/page-cache.ts keys on it). */
export async function pollStamp(
  pollId: string,
  context: Pick<Context, 'store'>,
): Promise<PollStamp | null> {
  return context.store.getPollStamp(context.store, pollId);
}
