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
