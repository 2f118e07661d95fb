import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resultsCsv } from '@/lib/export/csv-export';
import { pollWithRanking } from '@/lib/export/openapi';
import { pollJson } from '@/lib/export/poll-json';
import type { DailyWindow } from '@/lib/fairness/model';
import { neverWindowConflicts } from '@/lib/fairness/never-window';
import type { OptionTally } from '@/lib/fairness/option-tally';
import { rankPoll, rankPollForPage } from '@/lib/fairness/poll-ranking';
import { participantRecord, pollRecord } from '@/lib/fixtures/poll-record';
import type { PollRecord, VoteValue } from '@/lib/poll/model';

/**
 * One tally everywhere: for random polls (zones with and without clock changes, fixed offsets,
 * unusable zones, never windows, answers and confirmations), every option's count is the same
 * on the page, in the ranking, in the CSV and in the API, and it is the count fairness.md §4
 * defines: a yes or if-need-be counts unless the option meets the voter's never window and
 * they did not confirm it.
 */

const ZONES = [
  'Europe/Rome',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Santiago',
  'UTC',
  'UTC+05:30',
  'Not/AZone',
];

const hm = (quarter: number) =>
  `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}` as DailyWindow['start'];
const windowArb = fc.option(
  fc
    .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 95 }))
    .map(([s, len]): DailyWindow => ({ start: hm(s), end: hm((s + len) % 96) })),
  { nil: null },
);
const voteArb = fc.constantFrom<VoteValue | null>('yes', 'yes', 'ifneedbe', 'no', null);

const pollArb: fc.Arbitrary<PollRecord> = fc
  .record({
    allDay: fc.boolean(),
    starts: fc.uniqueArray(
      fc.integer({ min: 0, max: 2 * 365 * 96 }).map((q) => Date.UTC(2026, 0, 1) + q * 900_000),
      { minLength: 1, maxLength: 6 },
    ),
    duration: fc.constantFrom(15, 30, 60, 90, 240, 1440),
    people: fc.array(
      fc.record({
        zone: fc.constantFrom(...ZONES),
        never: windowArb,
        working: windowArb,
        votes: fc.array(voteArb, { minLength: 6, maxLength: 6 }),
        confirmed: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ allDay, starts, duration, people }) => {
    const options = starts.map((startsAt, i) =>
      allDay
        ? {
            id: `o${i}`,
            startsAt: null,
            durationMinutes: null,
            date: new Date(startsAt).toISOString().slice(0, 10),
          }
        : { id: `o${i}`, startsAt, durationMinutes: duration, date: null },
    );
    return pollRecord({
      kind: allDay ? 'allDay' : 'timed',
      // Days can repeat once starts are cut to dates; option ids stay unique.
      options: allDay
        ? options.filter((o, i) => options.findIndex((x) => x.date === o.date) === i)
        : options,
      participants: people.map((p, i) =>
        participantRecord(
          `p${i}`,
          p.zone,
          Object.fromEntries(
            options.flatMap((o, k) => (p.votes[k] ? [[o.id, p.votes[k]]] : [])),
          ) as Record<string, VoteValue>,
          {
            name: `Person ${i}`,
            neverWindow: p.never,
            workingHours: p.working,
            overrideNever: options.filter((_, k) => p.confirmed[k]).map((o) => o.id),
          },
        ),
      ),
    });
  });

/** The quoted CSV that resultsCsv writes, back into rows of cells. */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) =>
      [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replace(/""/g, '"')),
    );
}

/** fairness.md §4 read directly from the answers, with the form's own never-window test. */
function expectedTally(poll: PollRecord, optionId: string): OptionTally {
  const tally: OptionTally = {
    participants: poll.participants.length,
    canAttend: 0,
    yes: 0,
    ifNeedBe: 0,
    no: 0,
    notCounted: [],
    noVote: 0,
  };
  for (const p of poll.participants) {
    const vote = p.votes[optionId];
    if (vote === undefined) tally.noVote += 1;
    else if (vote === 'no') tally.no += 1;
    else {
      const conflict = neverWindowConflicts(poll.options, p.timeZone, p.neverWindow).get(optionId);
      if (conflict && !p.overrideNever.includes(optionId)) {
        tally.notCounted.push({
          participantId: p.id,
          vote,
          reason: 'never-window',
          localTime: conflict.localStart.slice(11),
          place: expect.any(String) as unknown as string,
        });
        continue;
      }
      tally.canAttend += 1;
      if (vote === 'yes') tally.yes += 1;
      else tally.ifNeedBe += 1;
    }
  }
  return tally;
}

describe('one tally per option', () => {
  it('is the same on the page, in the ranking, the CSV and the API, and follows §4', () => {
    fc.assert(
      fc.property(pollArb, (poll) => {
        const ranked = rankPoll(poll);
        const page = rankPollForPage(poll);
        const api = JSON.parse(JSON.stringify(pollJson(poll, null))) as unknown;
        expect(pollWithRanking.safeParse(api).success).toBe(true);
        const apiRanking = (api as { ranking: { optionId: string; tally: OptionTally }[] }).ranking;
        const csv = parseCsv(resultsCsv(poll));
        const header = csv[0] ?? [];
        const canAttendRow = csv.at(-1) ?? [];
        expect(canAttendRow[0]).toBe('Can attend');
        expect(csv).toHaveLength(poll.participants.length + 2);

        poll.options.forEach((option, column) => {
          const engine = ranked.find((r) => r.id === option.id);
          const onPage = page.find((r) => r.id === option.id);
          const inApi = apiRanking.find((r) => r.optionId === option.id);
          expect(engine && onPage && inApi).toBeTruthy();
          const tally = engine!.tally;

          expect(tally).toEqual(expectedTally(poll, option.id));
          expect(tally.canAttend).toBe(engine!.keys.canAttend);
          expect(tally.yes).toBe(engine!.keys.yes);
          expect(onPage!.tally).toEqual(tally);
          expect(onPage!.explanation.attendance).toEqual({
            canAttend: tally.canAttend,
            participants: tally.participants,
            yes: tally.yes,
            ifNeedBe: tally.ifNeedBe,
          });
          expect(inApi!.tally).toEqual(tally);

          // CSV: the option's column, its "Can attend" and the answers marked as not counted.
          expect(header[column + 2]).toBeDefined();
          expect(canAttendRow[column + 2]).toBe(String(tally.canAttend));
          const marked = poll.participants
            .filter((_, row) => csv[row + 1]?.[column + 2]?.includes('(not counted:'))
            .map((p) => p.id);
          expect(marked).toEqual(tally.notCounted.map((n) => n.participantId));
        });
      }),
      { numRuns: 150 },
    );
  });
});
