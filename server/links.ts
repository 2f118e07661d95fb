import 'server-only';
import { feedTokenOf } from '@/db/tokens';

/** The app's own paths, for the links a use case or a page hands out. */
export function pollPath(pollId: string): string {
  return `/p/${pollId}`;
}

export function adminPath(pollId: string, adminToken: string): string {
  return `/p/${pollId}/admin/${adminToken}`;
}

export function editPath(pollId: string, participantId: string, editToken: string): string {
  return `/p/${pollId}/edit/${participantId}/${editToken}`;
}

/** A guest's personal link: answering from it marks their invitation answered. */
export function invitePath(pollId: string, token: string): string {
  return `/p/${pollId}/invite/${token}`;
}

export function unsubscribePath(token: string): string {
  return `/unsubscribe/${token}`;
}

/** The participant's calendar feed, named by the token derived from their edit token. */
export function feedPath(editToken: string): string {
  return `/feed/${feedTokenOf(editToken)}.ics`;
}

/**
 * The feed as a calendar app subscribes to it: webcal:// names the same host and path as the
 * origin's http(s) link, and makes the app subscribe instead of importing once.
 */
export function feedUrl(origin: string, editToken: string): string {
  return `${origin.replace(/^https?:/, 'webcal:')}${feedPath(editToken)}`;
}
