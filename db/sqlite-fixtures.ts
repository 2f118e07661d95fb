import Database from 'better-sqlite3';

/**
 * Rows no use case writes any more, for tests of what such rows get. Here, in db/, because
 * only db/ holds SQL.
 */

/** Clears an answer's feed token, as a database migrated from before feeds holds it. */
export function forgetFeedIn(file: string, participantId: string): void {
  const db = new Database(file);
  try {
    db.prepare('UPDATE participants SET feed_token_hash = NULL WHERE id = ?').run(participantId);
  } finally {
    db.close();
  }
}
