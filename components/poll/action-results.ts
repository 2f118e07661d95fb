import type { FoldNotice } from '@/lib/poll/poll-input';
import type { Failure } from '@/lib/poll/problems';

// What the poll page's forms get back from their server actions.

/**
 * An answer saved: the private edit link and calendar feed (webcal://) for whoever holds the
 * edit token, and whether it replaced an answer.
 */
export type VoteResult =
  { ok: true; editUrl: string | null; feedUrl: string | null; updated: boolean } | Failure;
export type CommentResult = { ok: true } | Failure;
/** A change saved, with the wall times that happen twice and which occurrence was used. */
export type EditResult = { ok: true; notices: FoldNotice[] } | Failure;
/** Guests invited or reminded: how many. */
export type CountResult = { ok: true; count: number } | (Failure & { sent?: string });
