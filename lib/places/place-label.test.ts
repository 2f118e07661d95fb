import { describe, expect, it } from 'vitest';
import { placeLabel, zoneCity } from '@/lib/places/place-label';

describe('placeLabel', () => {
  it('names the city the viewer picked, not its zone', () => {
    expect(placeLabel({ name: 'Munich', zone: 'Europe/Berlin' }, 'en')).toBe('Munich');
  });

  it('spells a zone’s city the current way, whatever name it came in', () => {
    expect(placeLabel('Asia/Katmandu', 'en')).toBe('Kathmandu');
    expect(placeLabel('America/Godthab', 'en-GB')).toBe('Nuuk');
    expect(placeLabel('Europe/Kiev', 'en')).toBe('Kyiv');
    expect(placeLabel('America/Los_Angeles', 'en')).toBe('Los Angeles');
    expect(placeLabel('America/Sao_Paulo', 'en')).toBe('São Paulo');
  });

  it('uses CLDR’s name in the viewer’s language where it has one', () => {
    expect(placeLabel('America/New_York', 'es-ES')).toBe('Nueva York');
    expect(placeLabel('Asia/Kolkata', 'de')).toBe('Kalkutta');
    expect(placeLabel('Asia/Calcutta', 'fr-FR')).toBe('Calcutta');
    expect(placeLabel('Asia/Kathmandu', 'es')).toBe('Katmandú');
    expect(placeLabel('Europe/Rome', 'it')).toBe('Roma');
    expect(placeLabel('Europe/Rome', 'ja')).toBe('Rome');
  });

  it('never names a merged zone after another place', () => {
    expect(placeLabel('Africa/Nairobi', 'en')).toBe('Nairobi');
  });

  it('keeps UTC as UTC', () => {
    expect(placeLabel('UTC', 'fr')).toBe('UTC');
    expect(placeLabel('Etc/UTC', 'de')).toBe('UTC');
  });

  it('reads the city out of a zone name', () => {
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });
});
