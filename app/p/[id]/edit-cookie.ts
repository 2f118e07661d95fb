import { cookies } from 'next/headers';
import { isEditorOf } from '@/db/queries';

const YEAR = 365 * 24 * 3600;

function cookieName(pollId: string): string {
  return `kairos_edit_${pollId}`;
}

/** This browser's own answer to the poll, if its cookie still holds a valid edit token. */
export async function editorFromCookie(
  pollId: string,
): Promise<{ participantId: string; editToken: string } | null> {
  const raw = (await cookies()).get(cookieName(pollId))?.value;
  const [participantId, editToken] = raw?.split('.') ?? [];
  if (!participantId || !editToken) return null;
  return isEditorOf(pollId, participantId, editToken) ? { participantId, editToken } : null;
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
