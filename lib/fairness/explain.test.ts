import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankOptions } from '@/lib/fairness/rank';
import { formatPain, renderSummary } from '@/lib/fairness/explain';
import type { RankedOption } from '@/lib/fairness/model';
import { person, utcSlot } from '@/lib/fixtures/engine-cases';

describe('the explanation', () => {
  const ranked = rankOptions({
    slots: [utcSlot('s', '2027-01-20T14:00:00Z')],
    participants: [
      person('scl', 'America/Santiago', { s: 'ifneedbe' }),
      person('chi', 'America/Chicago', { s: 'ifneedbe' }),
      person('mad', 'Europe/Madrid', { s: 'yes' }),
    ],
  });
  const only = ranked[0] as RankedOption;

  it('names the worst participant, ties going to the smaller id', () => {
    expect(only.explanation.worst).toEqual({
      kind: 'vote',
      participant: { id: 'chi', name: 'Chi' },
      place: 'Chicago',
      localTime: '08:00',
      pain: 250,
    });
  });

  it('is plain data that the summary renders', () => {
    expect(JSON.parse(JSON.stringify(only.explanation))).toEqual(only.explanation);
    expect(renderSummary(only.explanation)).toBe(only.summary);
  });

  it('survives JSON serialisation of the whole option', () => {
    const copy = JSON.parse(JSON.stringify(only)) as RankedOption;
    expect(copy.summary).toBe(only.summary);
    expect(copy.participants).toHaveLength(3);
  });

  it('describes the worst local time with its band when the time is the cause', () => {
    const [late] = rankOptions({
      slots: [utcSlot('s', '2026-06-10T19:00:00Z')],
      participants: [person('ana', 'Europe/London', { s: 'ifneedbe' })],
    });
    expect(late?.explanation.worst).toMatchObject({
      kind: 'local-time',
      band: 'early-late',
      pain: 550,
      place: 'London',
    });
  });
});

describe('formatPain, the one rendering of a pain', () => {
  it('reads 175 as 0.18, where (175 / 1000).toFixed(2) says 0.17', () => {
    expect(formatPain(175)).toBe('0.18');
    expect((175 / 1000).toFixed(2)).toBe('0.17');
    expect(formatPain(0)).toBe('0.00');
    expect(formatPain(1000)).toBe('1.00');
  });

  it('rounds every pain to the nearest hundredth, halves up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (pain) => {
        const text = formatPain(pain);
        expect(text).toMatch(/^\d\.\d\d$/);
        const thousandths = Number(text.replace('.', '')) * 10;
        expect(Math.abs(thousandths - pain)).toBeLessThanOrEqual(5);
        if (pain % 10 === 5) expect(thousandths).toBe(pain + 5);
      }),
    );
  });

  it('is what the engine’s summary prints for the worst pain', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        fc.integer({ min: 1, max: 180 }),
        (minute, durationMin) => {
          const start = new Date(Date.UTC(2026, 5, 10, 0, minute)).toISOString();
          const [only] = rankOptions({
            slots: [utcSlot('s', start, durationMin)],
            participants: [person('ana', 'Asia/Kathmandu', { s: 'yes' })],
          });
          if (only && only.keys.worstPain > 0)
            expect(only.summary).toContain(`pain ${formatPain(only.keys.worstPain)})`);
        },
      ),
    );
  });

  it('is the only place in lib/ and components/ that turns a pain into text', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const sources = ['lib', 'components'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
        .map((f) => join(dir, f)),
    );
    const offenders = sources.filter((f) =>
      /pain\w*\s*\/\s*1000|toFixed\(2\)/i.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
