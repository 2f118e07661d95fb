import 'server-only';
import type { Reader, Store } from '@/db/store';
import { secretMatches } from '@/db/tokens';

export interface EditorCredential {
  participantId: string;
  editToken: string;
}

/** `<participantId>.<editToken>`, as the edit cookie and `X-Kairos-Participant` carry it. */
export function parseEditorCredential(raw: string | null | undefined): EditorCredential | null {
  const [participantId, editToken] = raw?.split('.') ?? [];
  return participantId && editToken ? { participantId, editToken } : null;
}

/** A wrong token and a missing poll are the same answer: false. */
export async function isOrganiser(
  store: Store,
  on: Reader,
  pollId: string,
  adminToken: string | null,
): Promise<boolean> {
  if (!adminToken) return false;
  const hash = await store.getAdminTokenHash(on, pollId);
  return hash !== null && secretMatches(adminToken, hash);
}

export async function isEditor(
  store: Store,
  on: Reader,
  pollId: string,
  editor: EditorCredential | null,
): Promise<boolean> {
  if (!editor) return false;
  const hash = await store.getEditTokenHash(on, pollId, editor.participantId);
  return hash !== null && secretMatches(editor.editToken, hash);
}
