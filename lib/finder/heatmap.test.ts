import { describe, expect, it } from 'vitest';
import { rankOptions } from '@/lib/fairness/rank';
import {
  weekHeatmap,
  type HeatmapCell,
  type HeatmapStep,
  type WeekHeatmap,
} from '@/lib/finder/heatmap';

function cellAt(map: WeekHeatmap, date: string, wall: string): HeatmapCell {
  const day = map.days.findIndex((d) => d.date === date);
  const row = map.rows.findIndex((r) => r.wall === wall);
  const cell = map.cells[row]?.[day];
  if (!cell) throw new Error(`no cell ${date} ${wall}`);
  return cell;
}

describe('the shape of a week heatmap', () => {
  it('has 7 days and a row every 15, 30 or 60 minutes of the organiser’s day', () => {
    for (const [step, rows] of [
      [15, 96],
      [30, 48],
      [60, 24],
    ] as const) {
      const map = weekHeatmap({
        organiserZone: 'Europe/Rome',
        places: [{ zone: 'Asia/Tokyo' }],
        weekStart: '2026-06-01',
        stepMinutes: step,
      });
      expect(map.rows).toHaveLength(rows);
      expect(map.cells).toHaveLength(rows);
      expect(map.cells.every((row) => row.length === 7)).toBe(true);
      expect(map.durationMinutes).toBe(step);
      expect(map.rows[1]?.wall).toBe(step === 60 ? '01:00' : `00:${step}`);
    }
  });

  it('starts on any day and runs for the 7 days from it', () => {
    const map = weekHeatmap({
      organiserZone: 'Europe/Rome',
      places: [],
      weekStart: '2026-10-21',
      stepMinutes: 60,
    });
    expect(map.days.map((d) => d.date)).toEqual([
      '2026-10-21',
      '2026-10-22',
      '2026-10-23',
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
      '2026-10-27',
    ]);
    expect(map.days.map((d) => d.weekday)).toEqual([3, 4, 5, 6, 7, 1, 2]);
  });

  it('shows no pain and no worst place while no place is listed', () => {
    const map = weekHeatmap({
      organiserZone: 'UTC',
      places: [],
      weekStart: '2026-06-01',
      stepMinutes: 60,
    });
    const cell = cellAt(map, '2026-06-01', '03:00');
    expect(cell).toMatchObject({
      worstPain: 0,
      worstBand: 'comfortable',
      worstPlace: null,
      places: [],
    });
  });
});

describe('a heatmap for a real calendar week', () => {
  const newYorkWithRome = (weekStart: string) =>
    weekHeatmap({
      organiserZone: 'America/New_York',
      places: [{ zone: 'Europe/Rome' }],
      weekStart,
      stepMinutes: 60,
    });

  it('puts 11:00 New York at 17:00 in Rome the week before 25 October 2026, at the edge of the Roman day', () => {
    const cell = cellAt(newYorkWithRome('2026-10-19'), '2026-10-19', '11:00');
    expect(cell.startMs).toBe(Date.UTC(2026, 9, 19, 15));
    expect(cell.places[0]).toEqual({
      localStart: '2026-10-19T17:00',
      offsetMinutes: 120,
      pain: 100,
      band: 'edge',
    });
  });

  it('puts the same 11:00 at 16:00 in Rome in the week of 26 October, when Europe has changed its clocks and the US has not', () => {
    const cell = cellAt(newYorkWithRome('2026-10-26'), '2026-10-26', '11:00');
    expect(cell.places[0]).toEqual({
      localStart: '2026-10-26T16:00',
      offsetMinutes: 60,
      pain: 0,
      band: 'comfortable',
    });
  });

  it('goes back to 17:00 in Rome on Sunday 1 November, after New York changes too', () => {
    const cell = cellAt(newYorkWithRome('2026-10-26'), '2026-11-01', '11:00');
    expect(cell.startMs).toBe(Date.UTC(2026, 10, 1, 16));
    expect(cell.places[0]?.localStart).toBe('2026-11-01T17:00');
  });

  it('marks the wall times New York skips on 8 March 2026 as missing, scored where §2.3 moves them', () => {
    const map = weekHeatmap({
      organiserZone: 'America/New_York',
      places: [{ zone: 'America/New_York' }],
      weekStart: '2026-03-02',
      stepMinutes: 15,
    });
    const walls = ['01:45', '02:00', '02:15', '02:30', '02:45', '03:00'];
    expect(walls.map((w) => cellAt(map, '2026-03-08', w).wallTime)).toEqual([
      'ok',
      'missing',
      'missing',
      'missing',
      'missing',
      'ok',
    ]);
    // 02:30 does not exist; the pre-gap offset (UTC−5) moves it to 03:30 EDT, i.e. 07:30Z.
    expect(cellAt(map, '2026-03-08', '02:30').startMs).toBe(Date.UTC(2026, 2, 8, 7, 30));
    expect(cellAt(map, '2026-03-08', '03:30').startMs).toBe(Date.UTC(2026, 2, 8, 7, 30));
    expect(cellAt(map, '2026-03-07', '02:30').wallTime).toBe('ok');
  });

  it('marks the wall times New York repeats on 1 November 2026 and uses their first occurrence', () => {
    const map = weekHeatmap({
      organiserZone: 'America/New_York',
      places: [{ zone: 'Europe/London' }],
      weekStart: '2026-10-26',
      stepMinutes: 30,
    });
    expect(
      ['00:30', '01:00', '01:30', '02:00'].map((w) => cellAt(map, '2026-11-01', w).wallTime),
    ).toEqual(['ok', 'repeated', 'repeated', 'ok']);
    const repeated = cellAt(map, '2026-11-01', '01:30');
    expect(repeated.startMs).toBe(Date.UTC(2026, 10, 1, 5, 30));
    expect(repeated.laterStartMs).toBe(Date.UTC(2026, 10, 1, 6, 30));
    expect(repeated.places[0]?.localStart).toBe('2026-11-01T05:30');
    expect(cellAt(map, '2026-11-01', '02:00').laterStartMs).toBeNull();
  });
});

describe('the colour of a cell', () => {
  const threeContinents = weekHeatmap({
    organiserZone: 'Europe/Rome',
    places: [
      { zone: 'America/Los_Angeles' },
      { zone: 'Europe/Rome' },
      { zone: 'Australia/Sydney' },
    ],
    weekStart: '2026-01-12',
    stepMinutes: 60,
  });

  it('is the worst band across places, and names the worst-off place: 09:00 in Rome is midnight in Los Angeles', () => {
    const cell = cellAt(threeContinents, '2026-01-12', '09:00');
    expect(cell.worstBand).toBe('night');
    expect(cell.worstPain).toBe(1000);
    expect(cell.worstPlace).toBe(0);
    expect(cell.places.map((p) => p.localStart)).toEqual([
      '2026-01-12T00:00',
      '2026-01-12T09:00',
      '2026-01-12T19:00',
    ]);
    expect(cell.places.map((p) => p.band)).toEqual(['night', 'comfortable', 'early-late']);
  });

  it('names the first of several equally worst-off places', () => {
    const map = weekHeatmap({
      organiserZone: 'UTC',
      places: [{ zone: 'Europe/Paris' }, { zone: 'Europe/Berlin' }],
      weekStart: '2026-01-12',
      stepMinutes: 60,
    });
    expect(cellAt(map, '2026-01-12', '23:00')).toMatchObject({ worstPlace: 0, worstPain: 1000 });
  });

  it('follows a place’s working hours: 03:00 is comfortable for a night shift in Los Angeles', () => {
    const map = weekHeatmap({
      organiserZone: 'Europe/Rome',
      places: [{ zone: 'America/Los_Angeles', workingHours: { start: '22:00', end: '06:00' } }],
      weekStart: '2026-01-12',
      stepMinutes: 60,
    });
    const cell = cellAt(map, '2026-01-12', '12:00');
    expect(cell.places[0]).toMatchObject({ localStart: '2026-01-12T03:00', band: 'comfortable' });
    expect(cellAt(threeContinents, '2026-01-12', '12:00').places[0]?.band).toBe('night');
  });

  it('scores the whole meeting, not its start: 22:30 is 0.78 for 15 minutes and 0.84 for an hour', () => {
    const map = (durationMinutes: number) =>
      weekHeatmap({
        organiserZone: 'America/New_York',
        places: [{ zone: 'America/New_York' }],
        weekStart: '2026-06-01',
        stepMinutes: 15,
        durationMinutes,
      });
    expect(cellAt(map(15), '2026-06-01', '22:30').worstPain).toBe(775);
    expect(cellAt(map(60), '2026-06-01', '22:30').worstPain).toBe(840);
  });

  it('keeps partial offsets: 00:00 UTC is 05:45 in Kathmandu and 05:30 at a fixed UTC+05:30', () => {
    const map = weekHeatmap({
      organiserZone: 'UTC',
      places: [{ zone: 'Asia/Kathmandu' }, { zone: 'UTC+05:30' }],
      weekStart: '2026-06-01',
      stepMinutes: 60,
    });
    expect(map.places.map((p) => [p.place, p.fixedOffset])).toEqual([
      ['Kathmandu', false],
      ['UTC+05:30', true],
    ]);
    expect(
      cellAt(map, '2026-06-01', '00:00').places.map((p) => [p.localStart, p.offsetMinutes]),
    ).toEqual([
      ['2026-06-01T05:45', 345],
      ['2026-06-01T05:30', 330],
    ]);
  });
});

describe('heatmap pains and local times', () => {
  it('equal the engine’s for every cell of a week with a clock change inside some meetings', () => {
    // London springs forward on Sunday 29 March 2026 at 01:00Z, 10:00 in Tokyo: the cells
    // from 09:15 to 09:45 hold the change inside their hour.
    const places = [
      { zone: 'Europe/London' },
      { zone: 'America/Santiago', workingHours: { start: '08:30', end: '17:15' } as const },
      { zone: 'Australia/Lord_Howe' },
    ];
    const map = weekHeatmap({
      organiserZone: 'Asia/Tokyo',
      places,
      weekStart: '2026-03-23',
      stepMinutes: 15,
      durationMinutes: 60,
    });
    const cells = map.cells.flat();
    const slots = cells.map((c, i) => ({
      id: String(i),
      start: new Date(c.startMs).toISOString(),
      durationMin: 60,
    }));
    const votes = Object.fromEntries(slots.map((s) => [s.id, 'yes' as const]));
    const ranked = rankOptions({
      slots,
      participants: places.map((p, i) => ({
        id: String(i),
        zone: p.zone,
        votes,
        ...(p.workingHours ? { preferred: p.workingHours } : {}),
      })),
    });
    const byId = new Map(ranked.map((o) => [o.id, o]));
    let clockChanges = 0;
    cells.forEach((cell, i) => {
      const option = byId.get(String(i));
      option?.participants.forEach((p, k) => {
        if (p.local?.clockChange) clockChanges++;
        expect(cell.places[k]).toEqual({
          localStart: p.local?.localStart,
          offsetMinutes: p.local?.offsetStartMin,
          pain: p.timePain,
          band: expect.any(String),
        });
      });
    });
    expect(clockChanges).toBeGreaterThanOrEqual(3);
    expect(cellAt(map, '2026-03-29', '09:30').places[0]?.localStart).toBe('2026-03-29T00:30');
  });
});

describe('heatmap input', () => {
  const base = {
    organiserZone: 'Europe/Rome',
    places: [{ zone: 'Asia/Tokyo' }],
    weekStart: '2026-06-01',
    stepMinutes: 60 as HeatmapStep,
  };

  it('refuses a zone it cannot use instead of guessing one', () => {
    expect(() => weekHeatmap({ ...base, places: [{ zone: 'BST' }] })).toThrow(RangeError);
    expect(() => weekHeatmap({ ...base, organiserZone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  it('refuses a step other than 15, 30 or 60 minutes, a non-date and an empty office', () => {
    expect(() => weekHeatmap({ ...base, stepMinutes: 20 as HeatmapStep })).toThrow(RangeError);
    expect(() => weekHeatmap({ ...base, weekStart: '2026-02-30' })).toThrow(RangeError);
    expect(() => weekHeatmap({ ...base, places: [{ zone: 'Asia/Tokyo', headcount: 0 }] })).toThrow(
      RangeError,
    );
    expect(() => weekHeatmap({ ...base, durationMinutes: 0 })).toThrow(RangeError);
  });
});
