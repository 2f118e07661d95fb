import { describe, expect, it } from 'vitest';
import { rankOptions } from '@/lib/fairness/rank';
import { renderSummary } from '@/lib/fairness/explain';
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
