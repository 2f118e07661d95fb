/**
 * Whether a server action's request body is one our pages could have sent. React decodes
 * the body (its "reply" encoding) before any code of ours runs, and a body that is not JSON,
 * a reference to a part that is missing or refers back to itself, a nesting thousands deep or
 * a type our pages never send (Map, Set, Blob, stream, iterator, server reference…) makes it
 * throw, which Next.js answers with a 500, or wait forever for a part that never comes.
 * proxy.ts refuses such a body with a 400 before React sees it.
 *
 * What our pages send: plain JSON values, `undefined`, and FormData (`$K`), with the bound
 * previous state of a form action as a promise (`$@`) to a later part. Strings of the
 * sender's that start with `$` arrive escaped as `$$`.
 */

export type ActionBody =
  | { kind: 'text'; text: string }
  | {
      kind: 'form';
      /** Sent by React's client (a Next-Action header), not by a form posted without JavaScript. */
      scripted: boolean;
      entries: readonly (readonly [name: string, value: string | null])[];
    };

/** Deep enough for any form of ours (the create form's payload is 4 levels). */
const MAX_DEPTH = 32;

const PLAIN_REFERENCES = new Set(['$undefined', '$NaN', '$Infinity', '$-Infinity', '$-0']);
const FETCH_PART = /^\d+$/;
// A form posted without JavaScript carries its bound arguments as `$ACTION_<n>:<part>`.
const BOUND_PART = /^(.*\$ACTION_\d+:)(\d+)$/;
const BOUND_REFERENCE = /^\$ACTION_REF_(\d+)$/;

type Parts = Map<number, string | null>;

/** The body's groups of parts that React decodes as JSON, by prefix, then by part number. */
function decodedParts(body: ActionBody): Map<string, Parts> {
  const groups = new Map<string, Parts>();
  const add = (prefix: string, id: number, value: string | null) => {
    const parts = groups.get(prefix) ?? new Map<number, string | null>();
    // React's client numbers each part once; Node's decoder fails on a part sent twice, and
    // which of the two counts would be a guess. A null part is refused below.
    parts.set(id, parts.has(id) ? null : value);
    groups.set(prefix, parts);
  };
  if (body.kind === 'text') {
    add('', 0, body.text);
    return groups;
  }
  // React's client always sends the root part; without JavaScript each bound action's
  // arguments start at their part 0.
  if (body.scripted) groups.set('', new Map());
  for (const [name, value] of body.entries) {
    if (body.scripted && FETCH_PART.test(name)) add('', Number(name), value);
    const reference = BOUND_REFERENCE.exec(name);
    const group = `$ACTION_${reference?.[1]}:`;
    if (!body.scripted && reference && !groups.has(group)) groups.set(group, new Map());
    const bound = BOUND_PART.exec(name);
    if (bound) add(bound[1]!, Number(bound[2]), value);
  }
  return groups;
}

function acceptableString(value: string, part: number, parts: Parts): boolean {
  if (!value.startsWith('$')) return true;
  if (value.startsWith('$$') || PLAIN_REFERENCES.has(value)) return true;
  if (value.startsWith('$D')) return true;
  if (/^\$n-?\d{1,40}$/.test(value)) return true;
  if (/^\$K[0-9a-f]{1,8}$/.test(value)) return true;
  const promise = /^\$@([0-9a-f]{1,8})$/.exec(value);
  if (promise) {
    // React numbers outlined parts upwards from the root: a reference to an earlier part, or
    // to itself, is a cycle it would never resolve.
    const target = parseInt(promise[1]!, 16);
    return target > part && parts.has(target);
  }
  return false;
}

function acceptableValue(value: unknown, depth: number, part: number, parts: Parts): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === 'string') return acceptableString(value, part, parts);
  if (Array.isArray(value)) return value.every((v) => acceptableValue(v, depth + 1, part, parts));
  if (value !== null && typeof value === 'object') {
    return Object.values(value).every((v) => acceptableValue(v, depth + 1, part, parts));
  }
  return true;
}

/** JSON.parse itself recurses: refuse a deep nesting before asking it. */
function nestingWithin(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > max) return false;
    } else if (c === ']' || c === '}') depth--;
  }
  return true;
}

function parsed(text: string | null | undefined): { ok: true; value: unknown } | { ok: false } {
  if (text === null || text === undefined || !nestingWithin(text, MAX_DEPTH)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Next.js applies the action to its root part as the argument list; without JavaScript the
 * root part names the action and points at its bound arguments, a list too.
 */
function acceptableRoot(prefix: string, parts: Parts, values: Map<number, unknown>): boolean {
  const root = values.get(0);
  if (prefix === '') return Array.isArray(root);
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return false;
  const { id, bound } = root as Record<string, unknown>;
  if (typeof id !== 'string') return false;
  if (bound === null || bound === undefined) return true;
  const target = typeof bound === 'string' ? /^\$@([0-9a-f]{1,8})$/.exec(bound) : null;
  return (
    target !== null &&
    parts.has(parseInt(target[1]!, 16)) &&
    Array.isArray(values.get(parseInt(target[1]!, 16)))
  );
}

/** true when React can decode the body and our actions could have sent it. */
export function isAcceptableActionBody(body: ActionBody): boolean {
  for (const [prefix, parts] of decodedParts(body)) {
    const values = new Map<number, unknown>();
    for (const [part, text] of parts) {
      const json = parsed(text);
      if (!json.ok || !acceptableValue(json.value, 0, part, parts)) return false;
      values.set(part, json.value);
    }
    if (!acceptableRoot(prefix, parts, values)) return false;
  }
  return true;
}
