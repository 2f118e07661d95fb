import { describe, expect, it } from 'vitest';
import { findTransitions } from '@/lib/fixtures/hourly-probe';
import { resolveZone } from '@/lib/time/time-zone';
import {
  changesWithin,
  coveringTimeline,
  offsetTimeline,
  timelineOffset,
} from '@/lib/time/zone-timeline';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const zoneOf = (id: string) => {
  const zone = resolveZone(id).zone;
  if (!zone) throw new Error(id);
  return zone;
};
/** Rome springs forward at 01:00 UTC on Sunday 29 March 2026. */
const ROME_SPRING = Date.UTC(2026, 2, 29, 1);

describe('an offset timeline', () => {
  it('finds Rome springing forward from UTC+1 to UTC+2 on 29 March 2026, to the millisecond', () => {
    const timeline = offsetTimeline(
      zoneOf('Europe/Rome'),
      Date.UTC(2026, 2, 20),
      Date.UTC(2026, 3, 5),
    );
    expect(timeline.startOffset).toBe(60);
    expect(timeline.transitions).toEqual([
      { utcMs: ROME_SPRING, offsetBefore: 60, offsetAfter: 120, kind: 'gap' },
    ]);
    expect(timelineOffset(timeline, ROME_SPRING - 1)).toBe(60);
    expect(timelineOffset(timeline, ROME_SPRING)).toBe(120);
  });

  it('finds the same changes as the hourly probe of §2.2 over a whole year, for zones with odd rules', () => {
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2027, 0, 1);
    for (const id of [
      'America/Santiago',
      'Australia/Lord_Howe',
      'Africa/Casablanca',
      'America/Havana',
      'Pacific/Chatham',
      'America/New_York',
      'Asia/Kolkata',
    ]) {
      const zone = zoneOf(id);
      expect(offsetTimeline(zone, from, to).transitions, id).toEqual(
        findTransitions(zone, from, to),
      );
    }
  });

  it('keeps a change that falls exactly on a probe (every 3 days from the start), once', () => {
    const timeline = offsetTimeline(
      zoneOf('Europe/Rome'),
      ROME_SPRING - 3 * DAY,
      ROME_SPRING + DAY,
    );
    expect(timeline.transitions.map((t) => t.utcMs)).toEqual([ROME_SPRING]);
  });

  it('leaves out a change exactly at its start, which is already in effect there, and keeps one exactly at its end', () => {
    const rome = zoneOf('Europe/Rome');
    const fromChange = offsetTimeline(rome, ROME_SPRING, ROME_SPRING + 2 * DAY);
    expect(fromChange.transitions).toEqual([]);
    expect(fromChange.startOffset).toBe(120);
    const toChange = offsetTimeline(rome, ROME_SPRING - 2 * DAY, ROME_SPRING);
    expect(toChange.transitions.map((t) => t.utcMs)).toEqual([ROME_SPRING]);
  });

  it('has no changes for a fixed offset', () => {
    const timeline = offsetTimeline(
      zoneOf('UTC+05:30'),
      Date.UTC(2026, 0, 1),
      Date.UTC(2027, 0, 1),
    );
    expect(timeline.transitions).toEqual([]);
    expect(timelineOffset(timeline, Date.UTC(2026, 6, 1))).toBe(330);
  });

  it('asks the zone itself about instants outside the probed stretch', () => {
    const timeline = offsetTimeline(
      zoneOf('Europe/Rome'),
      Date.UTC(2026, 0, 1),
      Date.UTC(2026, 0, 8),
    );
    expect(timelineOffset(timeline, Date.UTC(2026, 6, 1))).toBe(120);
  });
});

describe('a clock change within an interval', () => {
  const timeline = offsetTimeline(
    zoneOf('Europe/Rome'),
    Date.UTC(2026, 2, 20),
    Date.UTC(2026, 3, 5),
  );

  it('counts when it falls strictly inside', () => {
    expect(changesWithin(timeline, ROME_SPRING - HOUR, ROME_SPRING + HOUR)).toBe(true);
  });

  it('does not count at the start (already in effect) nor at the end (not yet inside)', () => {
    expect(changesWithin(timeline, ROME_SPRING, ROME_SPRING + HOUR)).toBe(false);
    expect(changesWithin(timeline, ROME_SPRING - HOUR, ROME_SPRING)).toBe(false);
  });

  it('is looked up directly when the interval leaves the probed stretch', () => {
    const early = offsetTimeline(zoneOf('Europe/Rome'), Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 8));
    expect(changesWithin(early, ROME_SPRING - HOUR, ROME_SPRING + HOUR)).toBe(true);
  });
});

describe('a timeline over several stretches', () => {
  const rome = zoneOf('Europe/Rome');
  const spring: [number, number] = [ROME_SPRING - DAY, ROME_SPRING + DAY];
  const autumn: [number, number] = [Date.UTC(2026, 9, 24), Date.UTC(2026, 9, 26)];
  const timeline = coveringTimeline(rome, [spring, autumn]);

  it('holds the changes inside each stretch, as one timeline over each would', () => {
    expect(timeline.transitions).toEqual([
      ...offsetTimeline(rome, ...spring).transitions,
      ...offsetTimeline(rome, ...autumn).transitions,
    ]);
    expect(timeline.transitions.map((t) => t.kind)).toEqual(['gap', 'overlap']);
  });

  it('asks the zone itself between the stretches, where nothing was probed', () => {
    const summer = Date.UTC(2026, 6, 1);
    expect(timelineOffset(timeline, summer)).toBe(120);
    expect(changesWithin(timeline, summer, summer + DAY)).toBe(false);
    expect(changesWithin(timeline, autumn[0], autumn[1])).toBe(true);
  });
});
