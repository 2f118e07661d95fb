import { describe, expect, it } from 'vitest';
import {
  clockChangeNotices,
  describeDifference,
  formatHoursMinutes,
} from '@/lib/time/clock-change-notice';
import { offsetAt, resolveZone } from '@/lib/time/time-zone';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const texts = (zones: string[], fromMs: number, toMs: number, referenceZone?: string) =>
  clockChangeNotices({ zones, fromMs, toMs, ...(referenceZone ? { referenceZone } : {}) }).map(
    (n) => n.text,
  );

describe('the US/EU mismatch weeks', () => {
  it('of spring 2026: from 8 March Rome is 5 h ahead of New York, from 29 March 6 h again', () => {
    const notices = clockChangeNotices({
      zones: ['America/New_York', 'Europe/Rome'],
      fromMs: day(2026, 3, 1),
      toMs: day(2026, 4, 15),
    });
    expect(notices.map((n) => n.text)).toEqual([
      'From 8 Mar, Rome is 5 h ahead of New York instead of 6.',
      'From 29 Mar, Rome is 6 h ahead of New York instead of 5.',
    ]);
    const [us, eu] = notices;
    expect(us?.changes).toEqual([
      {
        zone: 'America/New_York',
        place: 'New York',
        atMs: Date.UTC(2026, 2, 8, 7),
        date: '2026-03-08',
        offsetBefore: -300,
        offsetAfter: -240,
      },
    ]);
    expect(eu?.lines).toEqual([
      {
        date: '2026-03-29',
        atMs: Date.UTC(2026, 2, 29, 1),
        zones: ['Europe/Rome'],
        places: ['Rome'],
        reference: { zone: 'America/New_York', place: 'New York' },
        beforeMinutes: 300,
        afterMinutes: 360,
        text: 'From 29 Mar, Rome is 6 h ahead of New York instead of 5.',
      },
    ]);
  });

  it('of autumn 2026: 25 October in Europe, 1 November in the US', () => {
    expect(texts(['America/New_York', 'Europe/Rome'], day(2026, 10, 1), day(2026, 11, 30))).toEqual(
      [
        'From 25 Oct, Rome is 5 h ahead of New York instead of 6.',
        'From 1 Nov, Rome is 6 h ahead of New York instead of 5.',
      ],
    );
  });

  it('of 2027: 14 and 28 March, 31 October and 7 November', () => {
    const notices = clockChangeNotices({
      zones: ['America/New_York', 'Europe/Rome'],
      fromMs: day(2027, 1, 1),
      toMs: day(2027, 12, 31),
    });
    expect(notices.map((n) => n.date)).toEqual([
      '2027-03-14',
      '2027-03-28',
      '2027-10-31',
      '2027-11-07',
    ]);
    expect(
      notices.map((n) => n.lines.map((l) => [l.beforeMinutes / 60, l.afterMinutes / 60])),
    ).toEqual([[[6, 5]], [[5, 6]], [[6, 5]], [[5, 6]]]);
  });

  it('names the year when the poll spans two', () => {
    expect(texts(['Europe/Rome', 'America/New_York'], day(2026, 12, 1), day(2027, 3, 20))).toEqual([
      'From 14 Mar 2027, New York is 5 h behind Rome instead of 6.',
    ]);
  });
});

describe('southern-hemisphere changes', () => {
  it('move Sydney against London four times in 2026, in both directions', () => {
    expect(
      texts(['Europe/London', 'Australia/Sydney'], day(2026, 1, 1), day(2026, 12, 31)),
    ).toEqual([
      'From 29 Mar, Sydney is 10 h ahead of London instead of 11.',
      'From 5 Apr, Sydney is 9 h ahead of London instead of 10.',
      'From 4 Oct, Sydney is 10 h ahead of London instead of 9.',
      'From 25 Oct, Sydney is 11 h ahead of London instead of 10.',
    ]);
  });

  it('dates Santiago’s midnight change by the old clock: 24:00 on Saturday 4 April is Sunday 5 April', () => {
    const [notice] = clockChangeNotices({
      zones: ['Europe/London', 'America/Santiago'],
      fromMs: day(2026, 4, 1),
      toMs: day(2026, 4, 30),
    });
    expect(notice?.changes.map((c) => [c.place, c.date, c.offsetBefore, c.offsetAfter])).toEqual([
      ['Santiago', '2026-04-05', -180, -240],
    ]);
    expect(notice?.text).toBe('From 5 Apr, Santiago is 5 h behind London instead of 4.');
  });

  it('says nothing between Sydney and Santiago, which fall back the same weekend', () => {
    expect(
      texts(['Australia/Sydney', 'America/Santiago'], day(2026, 4, 1), day(2026, 4, 30)),
    ).toEqual([]);
  });

  it('handles Lord Howe’s half-hour change', () => {
    expect(
      texts(['Australia/Sydney', 'Australia/Lord_Howe'], day(2026, 4, 1), day(2026, 4, 30)),
    ).toEqual(['From 5 Apr, Lord Howe is 30 min ahead of Sydney instead of the same time.']);
  });
});

describe('no notice', () => {
  it('when both places change together: Rome and Paris', () => {
    expect(texts(['Europe/Rome', 'Europe/Paris'], day(2026, 1, 1), day(2027, 12, 31))).toEqual([]);
  });

  it('when neither place changes: Tokyo and Kolkata', () => {
    expect(texts(['Asia/Tokyo', 'Asia/Kolkata'], day(2026, 1, 1), day(2027, 12, 31))).toEqual([]);
  });

  it('for the few hours when New York has changed and Los Angeles has not yet', () => {
    expect(
      texts(['America/New_York', 'America/Los_Angeles'], day(2026, 3, 1), day(2026, 3, 31)),
    ).toEqual([]);
  });

  it('when the change is outside the poll’s dates, or exactly at its first instant', () => {
    const euChange = Date.UTC(2026, 2, 29, 1);
    expect(texts(['America/New_York', 'Europe/Rome'], day(2026, 4, 1), day(2026, 5, 1))).toEqual(
      [],
    );
    expect(texts(['America/New_York', 'Europe/Rome'], euChange, day(2026, 4, 5))).toEqual([]);
    expect(texts(['America/New_York', 'Europe/Rome'], day(2026, 3, 20), euChange)).toHaveLength(1);
  });

  it('for zones it cannot use, and for a single zone', () => {
    expect(texts(['America/New_York', 'EST', ''], day(2026, 3, 1), day(2026, 4, 15))).toEqual([]);
    expect(texts(['America/New_York'], day(2026, 3, 1), day(2026, 4, 15))).toEqual([]);
  });
});

describe('a poll with many places', () => {
  const zones = [
    'America/New_York',
    'America/Los_Angeles',
    'America/Chicago',
    'Europe/London',
    'Europe/Paris',
    'Europe/Rome',
    'Asia/Tokyo',
    'Australia/Sydney',
    'Asia/Kolkata',
    'America/Sao_Paulo',
  ];
  const fromMs = day(2026, 3, 1);
  const toMs = day(2026, 4, 15);
  const notices = clockChangeNotices({ zones, fromMs, toMs });

  it('makes one notice per clock-change event, not one per pair of places', () => {
    expect(notices.map((n) => n.date)).toEqual(['2026-03-08', '2026-03-29', '2026-04-05']);
    expect(notices[0]?.changes.map((c) => c.place)).toEqual(['New York', 'Chicago', 'Los Angeles']);
    expect(notices[1]?.lines.map((l) => l.places)).toEqual([['London'], ['Paris', 'Rome']]);
  });

  it('sums up the reference’s own change in one sentence', () => {
    expect(notices[0]?.text).toBe(
      "From 8 Mar, New York's clock moves 1 h forward against London, Paris, Rome, Tokyo and 3 other places " +
        '(e.g. London is 4 h ahead of New York instead of 5).',
    );
    expect(notices[1]?.text).toBe(
      'From 29 Mar, London is 5 h ahead of New York instead of 4. ' +
        'From 29 Mar, Paris and Rome are 6 h ahead of New York instead of 5.',
    );
  });

  it('leaves out no pair whose difference changes: one of the two is always named', () => {
    const offsets = (ms: number) => zones.map((z) => offsetAt(resolveZone(z).zone!, ms));
    for (const notice of notices) {
      const last = Math.max(...notice.changes.map((c) => c.atMs));
      const before = offsets(notice.atMs - 1);
      const after = offsets(last);
      const named = new Set(notice.lines.flatMap((l) => l.zones));
      zones.forEach((a, i) =>
        zones.forEach((b, j) => {
          const moved = (after[i] ?? 0) - (after[j] ?? 0) !== (before[i] ?? 0) - (before[j] ?? 0);
          if (moved) expect(named.has(a) || named.has(b), `${notice.date} ${a}–${b}`).toBe(true);
        }),
      );
    }
  });

  it('speaks from the viewer’s zone when given one', () => {
    expect(texts(zones, fromMs, toMs, 'Asia/Tokyo')).toEqual([
      'From 8 Mar, New York is 13 h behind Tokyo instead of 14. ' +
        'From 8 Mar, Chicago is 14 h behind Tokyo instead of 15. ' +
        'From 8 Mar, Los Angeles is 16 h behind Tokyo instead of 17.',
      'From 29 Mar, London is 8 h behind Tokyo instead of 9. ' +
        'From 29 Mar, Paris and Rome are 7 h behind Tokyo instead of 8.',
      'From 5 Apr, Sydney is 1 h ahead of Tokyo instead of 2.',
    ]);
  });
});

describe('differences in words', () => {
  it('reads hours and minutes, ahead, behind or the same', () => {
    expect(formatHoursMinutes(-330)).toBe('5 h 30 min');
    expect(formatHoursMinutes(45)).toBe('45 min');
    expect(describeDifference(360, 'New York')).toBe('6 h ahead of New York');
    expect(describeDifference(-60, 'London')).toBe('1 h behind London');
    expect(describeDifference(0, 'Lisbon')).toBe('on the same time as Lisbon');
  });
});
