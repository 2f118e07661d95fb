/** The answer form's field names, shared by the form and the action that reads it. */
export const ANSWER_FIELDS = {
  name: 'name',
  timeZone: 'timeZone',
  votePrefix: 'vote-',
  /** Rendered by the server and dropped once the page hydrates: the post came without a script. */
  unscripted: 'unscripted',
} as const;

/**
 * The answer as the form sent it: the `payload` JSON the page keeps up to date, with the
 * form's own fields over it. With JavaScript both say the same (the fields are controlled by
 * the same state); without it the payload is still the one the server rendered, and only
 * the fields hold what the person typed and ticked, so the fields win. A payload that is not
 * an object is left as it is, for the schema to refuse.
 */
export function answerWithFields(
  payload: unknown,
  fields: Iterable<readonly [string, unknown]>,
): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload;
  const answer: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  const sentVotes = answer.votes;
  const votes: Record<string, unknown> =
    typeof sentVotes === 'object' && sentVotes !== null && !Array.isArray(sentVotes)
      ? { ...(sentVotes as Record<string, unknown>) }
      : {};
  let voted = false;
  for (const [key, value] of fields) {
    if (typeof value !== 'string') continue;
    if (key === ANSWER_FIELDS.name) answer.name = value;
    else if (key === ANSWER_FIELDS.timeZone) answer.timeZone = value;
    else if (key.startsWith(ANSWER_FIELDS.votePrefix)) {
      // Defined, not assigned: a field named vote-__proto__ stays a key for the schema to refuse.
      Object.defineProperty(votes, key.slice(ANSWER_FIELDS.votePrefix.length), {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      voted = true;
    }
  }
  if (voted) answer.votes = votes;
  return answer;
}
