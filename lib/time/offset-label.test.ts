import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { offsetsOver, shortUtcOffset, zoneOffsetLabel } from '@/lib/time/offset-label';
import { offsetAt, resolveZone } from '@/lib/time/time-zone';

const at = (iso: string) => Date.parse(iso);
const from = (offset: string, date: string) => `${offset} from ${date}`;
const DECEMBER = at('2026-12-01T12:00:00Z');

describe('zoneOffsetLabel', () => {
  it('gives the offset of the options’ dates, not of the day the page is read', () => {
    // The October 2026 mismatch week: Europe has left summer time, New York has not.
    const week = [at('2026-10-26T14:00:00Z'), at('2026-10-30T14:00:00Z')];
    expect(
      zoneOffsetLabel('America/New_York', week, { locale: 'en-GB', nowMs: DECEMBER, from }),
    ).toBe('UTC\u22124');
    expect(zoneOffsetLabel('Europe/Rome', week, { locale: 'en-GB', nowMs: DECEMBER, from })).toBe(
      'UTC+1',
    );
  });
  it('says both offsets, and the day of the change, when the options span one', () => {
    const span = [at('2026-10-30T14:00:00Z'), at('2026-11-04T15:00:00Z')];
    expect(
      zoneOffsetLabel('America/New_York', span, { locale: 'en-GB', nowMs: DECEMBER, from }),
    ).toBe('UTC\u22124, UTC\u22125 from 1 Nov');
    expect(
      zoneOffsetLabel('America/New_York', span, { locale: 'de-DE', nowMs: DECEMBER, from }),
    ).toBe('UTC\u22124, UTC\u22125 from 1. Nov.');
  });
  it('falls back to the offset now when there is nothing to describe yet', () => {
    expect(zoneOffsetLabel('Asia/Kathmandu', [], { locale: 'en-US', nowMs: DECEMBER, from })).toBe(
      'UTC+5:45',
    );
    expect(
      zoneOffsetLabel('Nowhere/Atlantis', [DECEMBER], { locale: 'en', nowMs: DECEMBER, from }),
    ).toBe('');
  });
  it('names exactly the offsets the instants have, in time order, whatever the instants', () => {
    const zones = [
      'America/New_York',
      'Europe/Rome',
      'Australia/Lord_Howe',
      'Pacific/Apia',
      'Asia/Kathmandu',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.integer({ min: Date.UTC(2005, 0, 1), max: Date.UTC(2035, 0, 1) }), {
          minLength: 1,
          maxLength: 12,
        }),
        (zoneId, instants) => {
          const zone = resolveZone(zoneId).zone!;
          const spans = offsetsOver(zoneId, instants);
          const sorted = [...instants].sort((a, b) => a - b);
          // One span per run of equal offsets, each beginning no later than its first instant.
          const runs = sorted
            .map((ms) => offsetAt(zone, ms))
            .filter((o, i, all) => i === 0 || all[i - 1] !== o);
          expect(spans.map((s) => s.offsetMinutes)).toEqual(runs);
          expect(spans[0]?.fromMs).toBeNull();
          for (const s of spans.slice(1)) {
            expect(offsetAt(zone, s.fromMs!)).toBe(s.offsetMinutes);
          }
        },
      ),
    );
  });
});

describe('shortUtcOffset', () => {
  it('writes hours, minutes only when there are some, and a real minus sign', () => {
    expect(shortUtcOffset(-240)).toBe('UTC\u22124');
    expect(shortUtcOffset(345)).toBe('UTC+5:45');
    expect(shortUtcOffset(-570)).toBe('UTC\u22129:30');
    expect(shortUtcOffset(0)).toBe('UTC+0');
  });
});
