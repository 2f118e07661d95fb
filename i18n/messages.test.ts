import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALES } from '@/lib/i18n/locales';

/**
 * The catalogues are a contract with English: the same keys, the same ICU arguments, and
 * plurals through ICU plural rules of each language. A missing translation fails here, not
 * on a guest's screen.
 */

const dir = path.join(import.meta.dirname, '..', 'messages');

type Catalogue = Map<string, string>;

function flatten(node: unknown, prefix: string, into: Catalogue): Catalogue {
  if (typeof node === 'string') {
    into.set(prefix, node);
  } else if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node))
      flatten(value, prefix ? `${prefix}.${key}` : key, into);
  } else {
    throw new Error(`${prefix} is neither a message nor a group of messages`);
  }
  return into;
}

function load(locale: string): { raw: unknown; flat: Catalogue } {
  const raw: unknown = JSON.parse(readFileSync(path.join(dir, `${locale}.json`), 'utf8'));
  return { raw, flat: flatten(raw, '', new Map()) };
}

interface Plural {
  argument: string;
  type: 'plural' | 'selectordinal';
  selectors: string[];
}

interface Shape {
  /** Argument name → its ICU type ("string" for a plain `{name}`). */
  args: Map<string, string>;
  plurals: Plural[];
}

/**
 * The arguments of an ICU message, by a small recursive-descent reading of the syntax
 * (quoting included). Formatting every message below with the real runtime catches
 * whatever this reading is too lenient about.
 */
function shapeOf(message: string): Shape {
  const shape: Shape = { args: new Map(), plurals: [] };
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i} in ${JSON.stringify(message)}`);
  };
  const skipSpace = () => {
    while (/\s/.test(message[i] ?? '')) i++;
  };
  const readUntil = (stops: string) => {
    const start = i;
    while (i < message.length && !stops.includes(message[i]!)) i++;
    return message.slice(start, i).trim();
  };

  function text(nested: boolean, inPlural: boolean) {
    while (i < message.length) {
      const c = message[i]!;
      if (c === "'") {
        const next = message[i + 1];
        if (next === "'") i += 2;
        else if (next === '{' || next === '}' || (inPlural && next === '#')) {
          const end = message.indexOf("'", i + 1);
          i = end === -1 ? message.length : end + 1;
        } else i++;
      } else if (c === '{') {
        i++;
        argument();
      } else if (c === '}') {
        if (!nested) fail('unbalanced }');
        return;
      } else i++;
    }
    if (nested) fail('unclosed {');
  }

  function argument() {
    const name = readUntil(',}');
    if (!/^[\p{L}\p{N}_]+$/u.test(name)) fail(`bad argument name "${name}"`);
    if (message[i] === '}') {
      i++;
      record(name, 'string');
      return;
    }
    i++;
    const type = readUntil(',}');
    record(name, type);
    if (type === 'plural' || type === 'selectordinal' || type === 'select') {
      if (message[i] !== ',') fail(`${type} without options`);
      i++;
      const selectors: string[] = [];
      for (;;) {
        skipSpace();
        if (message[i] === '}') break;
        const selector = readUntil('{}').replace(/^offset:\s*\d+\s*/, '');
        if (message[i] !== '{' || !selector || /\s/.test(selector)) fail('bad selector');
        selectors.push(selector);
        i++;
        text(true, type !== 'select');
        i++;
      }
      if (type !== 'select') shape.plurals.push({ argument: name, type, selectors });
    } else if (message[i] === ',') {
      readUntil('}');
    }
    if (message[i] !== '}') fail('unclosed argument');
    i++;
  }

  // `{minutes}` inside `{minutes, plural, …}` is the same number: the typed use names the type.
  function record(name: string, type: string) {
    const known = shape.args.get(name);
    if (known === undefined || known === 'string') shape.args.set(name, type);
    else if (type !== 'string' && type !== known)
      fail(`"${name}" used as both ${known} and ${type}`);
  }

  text(false, false);
  return shape;
}

/**
 * The same argument names, and no clash where both sides give a type. A plain English
 * `{count}` may become a plural in a language whose verb agrees with it ("1 sur 3 peut
 * venir", "2 sur 3 peuvent venir").
 */
function argumentsAgree(translation: Shape, english: Shape): boolean {
  if (translation.args.size !== english.args.size) return false;
  for (const [name, type] of translation.args) {
    const reference = english.args.get(name);
    if (reference === undefined) return false;
    if (type !== 'string' && reference !== 'string' && kindOf(type) !== kindOf(reference))
      return false;
  }
  return true;
}

function kindOf(type: string): string {
  return type === 'plural' || type === 'selectordinal' || type === 'number' ? 'number' : type;
}

function describeArgs(shape: Shape): string {
  return [...shape.args]
    .map(([name, type]) => `${name}: ${type}`)
    .sort()
    .join(', ');
}

function sampleValues(shape: Shape, n: number): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {};
  for (const [name, type] of shape.args) {
    values[name] =
      type === 'plural' || type === 'selectordinal' || type === 'number'
        ? n
        : type === 'date' || type === 'time'
          ? new Date(0)
          : 'x';
  }
  return values;
}

const english = load(DEFAULT_LOCALE).flat;
const others = LOCALES.filter((l) => l !== DEFAULT_LOCALE);

describe('the message catalogues', () => {
  it('are exactly the supported languages, one file each', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...LOCALES].sort());
  });

  it('English reads as valid ICU', () => {
    for (const [key, message] of english) expect(() => shapeOf(message), key).not.toThrow();
  });

  describe.each(others)('%s', (locale) => {
    const catalogue = load(locale).flat;

    it('has every key English has', () => {
      expect([...english.keys()].filter((k) => !catalogue.has(k))).toEqual([]);
    });

    it('has no key English lacks', () => {
      expect([...catalogue.keys()].filter((k) => !english.has(k))).toEqual([]);
    });

    it('uses the same ICU arguments as English, of compatible types', () => {
      const mismatched: string[] = [];
      for (const [key, message] of catalogue) {
        const reference = english.get(key);
        if (reference === undefined) continue;
        const mine = shapeOf(message);
        const theirs = shapeOf(reference);
        if (!argumentsAgree(mine, theirs))
          mismatched.push(`${key}: {${describeArgs(mine)}} vs English {${describeArgs(theirs)}}`);
      }
      expect(mismatched).toEqual([]);
    });

    it('writes plurals with this language’s own plural categories, covering those English distinguishes', () => {
      const problems: string[] = [];
      for (const [key, message] of catalogue) {
        const reference = english.get(key);
        if (reference === undefined) continue;
        const englishPlurals = shapeOf(reference).plurals;
        for (const plural of shapeOf(message).plurals) {
          const categories = new Intl.PluralRules(locale, {
            type: plural.type === 'plural' ? 'cardinal' : 'ordinal',
          }).resolvedOptions().pluralCategories;
          const named = plural.selectors.filter((s) => !s.startsWith('='));
          const unknown = named.filter((s) => !(categories as string[]).includes(s));
          if (unknown.length > 0)
            problems.push(`${key}: ${unknown.join(', ')} is not a ${locale} plural category`);
          if (!named.includes('other')) problems.push(`${key}: no "other" case`);
          const needed = (
            englishPlurals.find((p) => p.argument === plural.argument)?.selectors ?? []
          ).filter((s) => s.startsWith('=') || (categories as string[]).includes(s));
          const missing = needed.filter((s) => !plural.selectors.includes(s));
          if (missing.length > 0)
            problems.push(`${key}: {${plural.argument}} lacks ${missing.join(', ')}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('uses typographic apostrophes, since a straight one is an ICU escape', () => {
      expect([...catalogue].filter(([, m]) => m.includes("'")).map(([k]) => k)).toEqual([]);
    });
  });

  it.each([...LOCALES])('%s formats every message with the runtime next-intl uses', (locale) => {
    const { raw, flat } = load(locale);
    const errors: string[] = [];
    const t = createTranslator({
      locale,
      messages: raw as Record<string, never>,
      onError: (error) => errors.push(error.message),
    });
    const translate = t as unknown as (key: string, values: Record<string, unknown>) => string;
    for (const [key, message] of flat) {
      const shape = shapeOf(message);
      for (const n of [0, 1, 2, 5, 21, 1_000_000]) {
        const out = translate(key, sampleValues(shape, n));
        if (out.includes('{') || out.includes('}')) errors.push(`${key}: left a brace in "${out}"`);
      }
    }
    expect(errors).toEqual([]);
  });
});
