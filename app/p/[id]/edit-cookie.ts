import { cookies } from 'next/headers';
import { parseEditorCredential, type EditorCredential } from '@/server/access';

const YEAR = 365 * 24 * 3600;

function cookieName(pollId: string): string {
  return `kairos_edit_${pollId}`;
}

/** What this browser's cookie claims about its own answer; viewPoll checks the claim. */
export async function editorCookie(pollId: string): Promise<EditorCredential | null> {
  return parseEditorCredential((await cookies()).get(cookieName(pollId))?.value);
}

export async function rememberEditor(
  pollId: string,
  participantId: string,
  editToken: string,
): Promise<void> {
  (await cookies()).set(cookieName(pollId), `${participantId}.${editToken}`, {
    httpOnly: true,
    sameSite: 'lax',
    path: `/p/${pollId}`,
    maxAge: YEAR,
  });
}
