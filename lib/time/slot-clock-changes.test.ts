import { describe, expect, it } from 'vitest';
import { slotClockChanges } from '@/lib/time/slot-clock-changes';

const at = (iso: string) => Date.parse(iso);
const texts = (...args: Parameters<typeof slotClockChanges>) =>
  slotClockChanges(...args).map((n) => n.text);

describe('slotClockChanges', () => {
  it('finds nothing when there are no timed slots', () => {
    expect(
      slotClockChanges({
        slots: [],
        zones: ['America/New_York', 'Europe/Rome'],
        referenceZone: 'Europe/Rome',
      }),
    ).toEqual([]);
  });

  it('covers the weeks from the first start to the last end, in any order', () => {
    const slots = [
      { startMs: at('2026-04-14T15:00:00Z'), durationMinutes: 60 },
      { startMs: at('2026-03-02T15:00:00Z'), durationMinutes: 60 },
    ];
    expect(
      texts({
        slots,
        zones: ['America/New_York', 'Europe/Rome'],
        referenceZone: 'America/New_York',
      }),
    ).toEqual([
      'From 8 Mar, Rome is 5 h ahead of New York instead of 6.',
      'From 29 Mar, Rome is 6 h ahead of New York instead of 5.',
    ]);
  });

  it('ends each slot after its own duration, so a long earlier slot can reach a change', () => {
    // Europe moves its clocks at 01:00 UTC on 29 March 2026; New York moved on 8 March.
    const late = { startMs: at('2026-03-29T00:00:00Z'), durationMinutes: 30 };
    const zones = ['America/New_York', 'Europe/Rome'];
    const reaching = { startMs: at('2026-03-28T23:00:00Z'), durationMinutes: 150 };
    const stopping = { startMs: at('2026-03-28T23:00:00Z'), durationMinutes: 60 };
    expect(texts({ slots: [late, reaching], zones, referenceZone: 'America/New_York' })).toEqual([
      'From 29 Mar, Rome is 6 h ahead of New York instead of 5.',
    ]);
    expect(texts({ slots: [late, stopping], zones, referenceZone: 'America/New_York' })).toEqual(
      [],
    );
  });

  it('words the lines from the reference zone', () => {
    const slots = [{ startMs: at('2026-03-07T15:00:00Z'), durationMinutes: 24 * 60 * 3 }];
    const zones = ['America/New_York', 'Europe/Rome'];
    expect(texts({ slots, zones, referenceZone: 'Europe/Rome' })).toEqual([
      'From 8 Mar, New York is 5 h behind Rome instead of 6.',
    ]);
    expect(texts({ slots, zones, referenceZone: 'America/New_York' })).toEqual([
      'From 8 Mar, Rome is 5 h ahead of New York instead of 6.',
    ]);
  });
});
