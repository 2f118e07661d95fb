import 'server-only';
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
