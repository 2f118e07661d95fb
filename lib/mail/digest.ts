/**
 * The organiser's digest: who answered, changed an answer or commented since the last one.
 * Pure: the store keeps the entries on the one pending outbox row of a poll, and the caller
 * passes the instant.
 */

export type DigestEntry = { kind: 'answer' | 'change' | 'comment'; name: string };

/** Names in the order they first came, each once per kind. */
export interface DigestSummary {
  answered: string[];
  changed: string[];
  commented: string[];
}

/**
 * When a digest opened now goes out: at once with a period of 0, else when the period has
 * run. Entries that come in the meantime join it, so mail about a poll leaves at most once
 * per period: the next one only opens after this one went out.
 */
export function digestDueAt(now: number, periodMinutes: number): number {
  return now + periodMinutes * 60_000;
}

export function summariseDigest(entries: readonly DigestEntry[]): DigestSummary {
  const answered = new Set<string>();
  const changed = new Set<string>();
  const commented = new Set<string>();
  for (const entry of entries) {
    if (entry.kind === 'comment') commented.add(entry.name);
    else if (entry.kind === 'answer') answered.add(entry.name);
    // A new answer changed again before the digest is still news as a new answer.
    else if (!answered.has(entry.name)) changed.add(entry.name);
  }
  return { answered: [...answered], changed: [...changed], commented: [...commented] };
}

/** How many people the digest is about: its subject says so. */
export function digestPeople(summary: DigestSummary): number {
  return new Set([...summary.answered, ...summary.changed, ...summary.commented]).size;
}
