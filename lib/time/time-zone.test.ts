import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from '@/lib/fixtures/tz-vectors.json';
import {
  cachedZoneCount,
  formatUtcOffset,
  formatWall,
  isDaylightTime,
  localDayExtent,
  localizeSlot,
  parseWall,
  placeName,
  resolveWallTime,
  resolveZone,
  weekdayShort,
} from '@/lib/time/time-zone';

interface Vector {
  id: string;
  kind: 'timed' | 'all-day' | 'wall-to-utc';
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
}

const vectors = fixture.vectors as unknown as Vector[];
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const MIN = 60_000;

describe('the tz-vectors fixture', () => {
  it('holds all 114 vectors of the three kinds', () => {
    expect(vectors).toHaveLength(114);
    expect(new Set(vectors.map((v) => v.kind))).toEqual(
      new Set(['timed', 'all-day', 'wall-to-utc']),
    );
  });
});

describe('a UTC slot seen in a zone (timed vectors)', () => {
  it.each(vectors.filter((v) => v.kind === 'timed').map((v) => [v.id, v] as const))(
    '%s',
    (_id, v) => {
      const input = v.input as { utcStart: string; durationMin: number; zone: string | null };
      const zone = resolveZone(input.zone);
      expect(zone.status).toBe(v.expected.zoneStatus);
      if (!zone.zone) return;
      const start = Date.parse(input.utcStart);
      const local = localizeSlot(zone.zone, start, input.durationMin);
      const e = v.expected;
      expect(formatWall(local.startWall)).toBe(e.localStart);
      expect(formatWall(local.endWall)).toBe(e.localEnd);
      expect(formatWall(local.startWall).slice(0, 10)).toBe(e.localDate);
      expect(formatWall(local.endWall).slice(0, 10)).toBe(e.localEndDate);
      expect(weekdayShort(local.startWall)).toBe(e.localWeekday);
      expect(formatUtcOffset(local.offsetStart)).toBe(e.utcOffsetStart);
      expect(formatUtcOffset(local.offsetEnd)).toBe(e.utcOffsetEnd);
      expect(local.offsetStart).toBe(e.utcOffsetStartMinutes);
      expect(isDaylightTime(zone.zone, start)).toBe(e.isDST);
      expect(local.transitions.length > 0).toBe(e.dstTransitionInside);
      expect((local.endWall - local.startWall) / MIN).toBe(e.wallClockMinutes);
      expect(local.crossesLocalMidnight).toBe(e.crossesLocalMidnight);
      const transitions = e.transitions as {
        utc: string;
        offsetBefore: string;
        offsetAfter: string;
        wallBefore: string;
        wallAfter: string;
        kind: string;
      }[];
      expect(
        local.transitions.map((t) => ({
          utc: iso(t.utcMs),
          offsetBefore: formatUtcOffset(t.offsetBefore),
          offsetAfter: formatUtcOffset(t.offsetAfter),
          wallBefore: formatWall(t.utcMs + t.offsetBefore * MIN),
          wallAfter: formatWall(t.utcMs + t.offsetAfter * MIN),
          kind: t.kind,
        })),
      ).toEqual(transitions);
    },
  );
});

describe('a floating date in a zone (all-day vectors)', () => {
  it.each(vectors.filter((v) => v.kind === 'all-day').map((v) => [v.id, v] as const))(
    '%s',
    (_id, v) => {
      const input = v.input as { date: string; zone: string };
      const zone = resolveZone(input.zone).zone!;
      const { startMs, endMs } = localDayExtent(zone, input.date);
      expect(iso(startMs)).toBe(v.expected.localDayStartUTC);
      expect(iso(endMs)).toBe(v.expected.localDayEndUTC);
      expect(formatWall(startMs + zone.offset(startMs) * MIN)).toBe(v.expected.localDayStartsAt);
      expect((endMs - startMs) / MIN).toBe(v.expected.localDayMinutes);
    },
  );
});

describe('a wall time resolved to an instant (wall-to-utc vectors)', () => {
  it.each(vectors.filter((v) => v.kind === 'wall-to-utc').map((v) => [v.id, v] as const))(
    '%s',
    (_id, v) => {
      const input = v.input as { wall: string; zone: string };
      const zone = resolveZone(input.zone).zone!;
      const r = resolveWallTime(zone, parseWall(input.wall)!);
      const e = v.expected;
      expect(r.status).toBe(e.status);
      if (r.status === 'ok') expect(iso(r.utcMs)).toBe(e.utc);
      if (r.status === 'nonexistent') {
        expect(iso(r.utcMs)).toBe(e.compatible);
        expect(r.gapMinutes).toBe(e.gapMinutes);
        expect(iso(r.earlierMs)).toBe(e.earlier);
        expect(formatWall(r.utcMs + zone.offset(r.utcMs) * MIN)).toBe(e.compatibleWall);
      }
      if (r.status === 'ambiguous') {
        expect(iso(r.utcMs)).toBe(e.compatible);
        expect(iso(r.utcMs)).toBe(e.earlier);
        expect(iso(r.laterMs)).toBe(e.later);
        expect(formatUtcOffset(r.offsetEarlier)).toBe(e.offsetEarlier);
        expect(formatUtcOffset(r.offsetLater)).toBe(e.offsetLater);
      }
    },
  );
});

describe('resolveZone', () => {
  it('refuses abbreviations that ICU would silently map to another country', () => {
    for (const abbreviation of ['IST', 'BST', 'EST', 'CST', 'PST']) {
      expect(resolveZone(abbreviation).status).toBe('invalid');
    }
  });
  it('accepts IANA links and the UTC aliases', () => {
    for (const zone of ['US/Pacific', 'Asia/Calcutta', 'Etc/GMT+5', 'UTC', 'Etc/UTC']) {
      expect(resolveZone(zone).status).toBe('iana');
    }
  });
  it('reads Etc/GMT+5 with its POSIX sign, as UTC-05:00', () => {
    expect(resolveZone('Etc/GMT+5').zone!.offset(0)).toBe(-300);
  });
  it('takes fixed offsets up to 14 hours and nothing beyond', () => {
    expect(resolveZone('UTC+05:30').status).toBe('fixed');
    expect(resolveZone('-03:00').status).toBe('fixed');
    expect(resolveZone('UTC+15').status).toBe('invalid');
  });
  it('treats a missing zone as unknown, not as UTC', () => {
    expect(resolveZone(null).status).toBe('unknown');
    expect(resolveZone('  ').status).toBe('unknown');
  });
});

describe('parseWall', () => {
  it('refuses impossible dates and malformed strings', () => {
    for (const bad of [
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-01-01T24:00',
      '2026-1-1T10:00',
      '2026-01-01 10:00',
    ]) {
      expect(parseWall(bad)).toBeNull();
    }
  });

  it('keeps every four-digit year as written, years 0–99 included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (year) => {
        const text = `${String(year).padStart(4, '0')}-03-01T12:00`;
        expect(new Date(parseWall(text)!).getUTCFullYear()).toBe(year);
      }),
    );
    expect(parseWall('0070-02-29T12:00')).toBeNull();
    expect(parseWall('0072-02-29T12:00')).not.toBeNull();
  });
});

describe('placeName', () => {
  it('shows the current names of renamed cities and spaces for underscores', () => {
    expect(placeName('Asia/Calcutta')).toBe('Kolkata');
    expect(placeName('Europe/Kiev')).toBe('Kyiv');
    expect(placeName('America/Los_Angeles')).toBe('Los Angeles');
  });
});

describe('the zone cache', () => {
  it('keeps nothing of a name it refused', () => {
    const before = cachedZoneCount();
    for (let i = 0; i < 2000; i++) {
      expect(resolveZone(`Mars/Crater_${i}`).status).toBe('invalid');
      expect(resolveZone(`IST${i}`).zone).toBeNull();
    }
    expect(cachedZoneCount()).toBe(before);
  });

  it('stays bounded however many spellings of real zones it sees', () => {
    const spellings = Array.from({ length: 5000 }, (_, i) =>
      [...'america/argentina/buenos_aires']
        .map((c, j) => ((i >> j) & 1 ? c.toUpperCase() : c))
        .join(''),
    );
    for (const zone of new Set(spellings)) expect(resolveZone(zone).status).toBe('iana');
    expect(cachedZoneCount()).toBeLessThanOrEqual(2048);
  });
});
