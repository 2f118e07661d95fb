import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasVisibleText, isCleanMultiLine, isCleanSingleLine } from '@/lib/poll/text-input';

describe('isCleanSingleLine', () => {
  it.each([
    ['<script>alert(1)</script>'],
    ['=HYPERLINK("http://x")'],
    ['👩‍💻 Ana'],
    ['\u200Fمريم'],
    ['Zoë Ørsted'],
  ])('accepts what people type: %s', (text) => {
    expect(isCleanSingleLine(text)).toBe(true);
  });
  it.each([
    ['a\u0000b', 'NUL'],
    ['a\nb', 'line break'],
    ['abc\u202Egpj.exe', 'right-to-left override'],
    ['a\u2066b', 'isolate'],
    ['a\u0085b', 'C1 control'],
    ['a\uD800b', 'unpaired surrogate'],
  ])('refuses %j (%s)', (text) => {
    expect(isCleanSingleLine(text)).toBe(false);
  });
});

describe('isCleanMultiLine', () => {
  it('allows line breaks and tabs, not other controls', () => {
    expect(isCleanMultiLine('line one\r\nline two\tend')).toBe(true);
    expect(isCleanMultiLine('bell\u0007')).toBe(false);
  });
});

describe('hasVisibleText', () => {
  it('sees through spaces, zero-width and direction marks', () => {
    expect(hasVisibleText('\u200B \u200F\u00A0')).toBe(false);
    expect(hasVisibleText('\u200F😀')).toBe(true);
  });
});

/** Every code point of a Unicode property, found once by scanning the whole code space. */
const codePointsWhere = (property: RegExp) =>
  Array.from({ length: 0x110000 }, (_, cp) => cp).filter(
    (cp) => (cp < 0xd800 || cp > 0xdfff) && property.test(String.fromCodePoint(cp)),
  );
const IGNORABLE = codePointsWhere(/^\p{Default_Ignorable_Code_Point}$/u);
const SPACES = codePointsWhere(/^[\s\p{Z}]$/u);
// Hangul fillers are letters (Lo) that draw nothing: Unicode lists them as ignorable.
/** One of `list`, for lists too long to spread into fc.constantFrom. */
const oneOf = (list: number[]) => fc.nat(list.length - 1).map((i) => list[i] ?? 0);
const LETTERS = codePointsWhere(
  /^(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}\p{S}\p{P}]$/u,
).filter((cp) => cp !== 0x2800);

describe('hasVisibleText, the whole invisible class', () => {
  it.each([
    ['\u3164', 'Hangul filler'],
    ['\uFFA0', 'halfwidth Hangul filler'],
    ['\u115F\u1160', 'Hangul choseong and jungseong fillers'],
    ['\u2800\u2800', 'braille blank'],
    ['\u034F', 'combining grapheme joiner'],
    ['\uFE0F', 'lone variation selector'],
    ['\u{E0100}', 'variation selector supplement'],
    ['\u{E0041}\u{E007F}', 'tag characters'],
    ['\u180E\u2060\u00AD', 'Mongolian vowel separator, word joiner, soft hyphen'],
  ])('%j is not visible text (%s)', (text) => {
    expect(hasVisibleText(text)).toBe(false);
  });

  it('text made only of default-ignorable code points and spaces is not visible', () => {
    fc.assert(
      fc.property(
        fc.array(oneOf([...IGNORABLE, ...SPACES]), { minLength: 1, maxLength: 20 }),
        (cps) => !hasVisibleText(String.fromCodePoint(...cps)),
      ),
    );
  });

  it('one letter, digit, symbol or punctuation mark among them is visible', () => {
    fc.assert(
      fc.property(
        fc.array(oneOf([...IGNORABLE, ...SPACES]), { maxLength: 10 }),
        oneOf(LETTERS),
        fc.nat(),
        (cps, visible, at) => {
          cps.splice(at % (cps.length + 1), 0, visible);
          return hasVisibleText(String.fromCodePoint(...cps));
        },
      ),
    );
  });
});

describe('line separators', () => {
  it.each([['\u2028'], ['\u2029']])(
    '%j is a line break: refused on one line, kept in several',
    (sep) => {
      expect(isCleanSingleLine(`a${sep}b`)).toBe(false);
      expect(isCleanMultiLine(`a${sep}b`)).toBe(true);
    },
  );
});
