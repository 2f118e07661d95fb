/**
 * The form names are compared in: no diacritics, no case, punctuation as single spaces, so
 * "München", "MUNCHEN" and "munchen" meet, and "Washington, D.C." matches "washington dc".
 * Letters that do not decompose (ß, Ł, Ø, Æ, ı) are spelled out the way people type them.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßłøæœıđħþ]/g, (c) => SPELLED[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const SPELLED: Record<string, string> = {
  ß: 'ss',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  đ: 'd',
  ħ: 'h',
  þ: 'th',
};
