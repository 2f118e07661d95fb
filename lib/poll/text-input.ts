/**
 * What people type is stored as typed and rendered as text, so HTML, formulas and any
 * script (emoji, RTL names with their direction marks) are fine. Refused are characters
 * nobody types on purpose: C0/C1 controls (line breaks only where a field has several
 * lines), unpaired surrogates, and the bidi embeddings, overrides and isolates that make
 * text display in another order than it is stored ("Trojan Source" spoofing). U+2028 and
 * U+2029 are line breaks like \n (JavaScript and Unicode say so), refused on one line.
 */
const HIDDEN_SINGLE_LINE =
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\p{Cs}]/u;
const HIDDEN_MULTI_LINE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\p{Cs}]/u;
/**
 * What draws nothing: white space and separators, format characters, every
 * Default_Ignorable_Code_Point (Hangul fillers, the combining grapheme joiner, variation
 * selectors, tag characters…) and the braille blank, which is a symbol that renders empty.
 */
const INVISIBLE = /[\s\p{Z}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** The catalogue key for text with hidden control characters. */
export const HIDDEN_CONTROL = 'text.hiddenControl';

export function isCleanSingleLine(text: string): boolean {
  return !HIDDEN_SINGLE_LINE.test(text);
}

export function isCleanMultiLine(text: string): boolean {
  return !HIDDEN_MULTI_LINE.test(text);
}

/** A name or title made only of invisible characters is as good as empty. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}
