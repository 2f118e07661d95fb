import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { clockChangeNotices, lineWording } from '@/lib/time/clock-change-notice';

/**
 * The two wordings the catalogue used to get wrong, formatted in every language as the page
 * formats them: places that shared the clock were "at the same time" (never "0 min" apart),
 * and a calendar day a zone skipped whole does not exist (no "jump from 00:00 to 00:00").
 */

function translator(locale: string) {
  const messages: unknown = JSON.parse(
    readFileSync(path.join(import.meta.dirname, '..', 'messages', `${locale}.json`), 'utf8'),
  );
  const errors: string[] = [];
  const t = createTranslator({
    locale,
    messages: messages as Record<string, never>,
    onError: (error) => errors.push(error.message),
  }) as unknown as (key: string, values: Record<string, unknown>) => string;
  return { t, errors };
}

const SAME_TIME: Record<string, string> = {
  en: 'instead of the same time',
  fr: 'au lieu d’être à la même heure',
  de: 'statt dieselbe Uhrzeit zu haben',
  es: 'en lugar de tener la misma hora',
  it: 'invece di avere la stessa ora',
};

const DAY_MISSING: Record<string, string> = {
  en: 'that day does not exist there',
  fr: 'ce jour-là n’y existe pas',
  de: 'Diesen Tag gibt es dort nicht',
  es: 'ese día no existe allí',
  it: 'quel giorno lì non esiste',
};

describe.each(LOCALES)('clock-change wording in %s', (locale) => {
  it('says two places that shared the clock were at the same time', () => {
    // Abidjan stays on UTC; London moves to UTC+1 on 29 March 2026.
    const [notice] = clockChangeNotices({
      zones: ['Africa/Abidjan', 'Europe/London'],
      fromMs: Date.parse('2026-03-20T00:00:00Z'),
      toMs: Date.parse('2026-04-05T00:00:00Z'),
    });
    const line = notice?.lines[0];
    expect(line?.beforeMinutes).toBe(0);
    if (!line) return;
    const { key, was } = lineWording(line);
    const { t, errors } = translator(locale);
    const text = t(`dst.${key}`, {
      date: '29/3',
      places: 'London',
      count: 1,
      reference: 'Abidjan',
      after: t('dst.hours', { h: 1 }),
      before: t('dst.minutes', { m: 0 }),
      was,
    });
    expect(errors).toEqual([]);
    expect(text).toContain(SAME_TIME[locale]);
    expect(text).not.toMatch(/\b0 min/i);
  });

  it('says a skipped calendar day does not exist there', () => {
    const { t, errors } = translator(locale);
    const text = t('errors.options.dayMissing', {
      wall: '2011-12-30 10:00',
      zone: 'Pacific/Apia',
    });
    expect(errors).toEqual([]);
    expect(text).toContain(DAY_MISSING[locale]);
    expect(text).not.toContain('00:00');
  });
});

describe('lineWording', () => {
  it('tells same side, opposite side and a shared clock apart', () => {
    expect(lineWording({ beforeMinutes: 0, afterMinutes: 60 })).toEqual({
      key: 'lineAhead',
      was: 'same',
    });
    expect(lineWording({ beforeMinutes: 300, afterMinutes: 360 })).toEqual({
      key: 'lineAhead',
      was: 'sameSide',
    });
    expect(lineWording({ beforeMinutes: 60, afterMinutes: -60 })).toEqual({
      key: 'lineBehind',
      was: 'opposite',
    });
    expect(lineWording({ beforeMinutes: 60, afterMinutes: 0 })).toEqual({
      key: 'lineSame',
      was: 'opposite',
    });
  });
});
