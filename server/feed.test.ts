import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { removeAnswer, submitAnswer } from '@/server/answers';
import { exportEventIcs } from '@/server/exports';
import { forgetFeedIn } from '@/db/sqlite-fixtures';
import { editorFeedUrl, participantFeedIcs } from '@/server/feed';
import { feedPath, feedUrl } from '@/server/links';
import { finalisePoll } from '@/server/polls';
import { createdPoll, withTemporaryStore } from '@/server/temporary-store';

const NOW = Date.UTC(2026, 9, 1, 12);
const ORIGIN = 'https://kairos.example';
const NOT_FOUND = { ok: false, problem: { code: 'notFound' } };
const { context, file } = withTemporaryStore();

function events(text: string) {
  return Object.values(ical.sync.parseICS(text))
    .filter((c): c is VEvent => c?.type === 'VEVENT')
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The file part of the feed's path, as the route hands it over. */
function fileOf(editToken: string): string {
  return feedPath(editToken).replace('/feed/', '');
}

async function answered() {
  const poll = await createdPoll(context(NOW));
  const [first, second, third] = poll.optionIds;
  const result = await submitAnswer(
    {
      pollId: poll.id,
      editor: null,
      answer: {
        name: 'Ryan',
        timeZone: 'America/New_York',
        votes: { [first]: 'yes', [second]: 'ifneedbe', [third]: 'yes' },
      },
    },
    context(NOW),
  );
  if (!result.ok || !result.editToken) throw new Error('the answer was refused');
  return { poll, participantId: result.participantId, editToken: result.editToken };
}

async function feed(file: string) {
  const result = await participantFeedIcs({ file, origin: ORIGIN }, context(NOW));
  if (!result.ok) throw new Error('no feed');
  return result;
}

describe('participantFeedIcs', () => {
  it('follows the poll: tentative yes times, then only the scheduled one, then back', async () => {
    const { poll, editToken } = await answered();
    const file = fileOf(editToken);
    expect(file).toMatch(/^[A-Za-z0-9_-]{43}\.ics$/);
    const open = events((await feed(file)).ics);
    expect(open.map((e) => [e.status, e.start.toISOString()])).toEqual([
      ['TENTATIVE', '2026-10-28T16:00:00.000Z'],
      ['TENTATIVE', '2026-10-30T16:00:00.000Z'],
    ]);

    const target = { pollId: poll.id, adminToken: poll.adminToken };
    await finalisePoll(
      { ...target, payload: { ok: true, value: { optionId: poll.optionIds[1] } } },
      context(NOW),
    );
    const scheduled = events((await feed(file)).ics);
    const invitation = await exportEventIcs({ pollId: poll.id, origin: ORIGIN }, context(NOW));
    const [event] = events(invitation.ok ? invitation.ics : '') as [VEvent];
    expect(scheduled.map((e) => [e.uid, e.status, e.start.toISOString(), e.sequence])).toEqual([
      [event.uid, 'CONFIRMED', '2026-10-29T09:00:00.000Z', event.sequence],
    ]);

    await finalisePoll(
      { ...target, payload: { ok: true, value: { optionId: null } } },
      context(NOW),
    );
    expect(events((await feed(file)).ics).map((e) => e.status)).toEqual(['TENTATIVE', 'TENTATIVE']);
  });

  it('keeps its address and follows a change made with the edit token', async () => {
    const { poll, participantId, editToken } = await answered();
    const before = await feed(fileOf(editToken));
    const changed = await submitAnswer(
      {
        pollId: poll.id,
        editor: { participantId, editToken },
        answer: {
          name: 'Ryan',
          timeZone: 'America/New_York',
          votes: { [poll.optionIds[1]]: 'yes' },
        },
      },
      context(NOW + 1000),
    );
    expect(changed).toMatchObject({ ok: true });
    const after = await feed(fileOf(editToken));
    expect(after.etag).not.toBe(before.etag);
    expect(events(after.ics).map((e) => e.start.toISOString())).toEqual([
      '2026-10-29T09:00:00.000Z',
    ]);
  });

  it('answers a wrong, malformed or removed token like a missing one', async () => {
    const { poll, participantId, editToken } = await answered();
    for (const file of [
      `${'A'.repeat(43)}.ics`,
      fileOf(editToken).replace('.ics', ''),
      `${editToken}.ics`,
      '../x.ics',
      null,
    ])
      expect(await participantFeedIcs({ file, origin: ORIGIN }, context(NOW))).toEqual(NOT_FOUND);
    await removeAnswer(
      { pollId: poll.id, adminToken: poll.adminToken, participantId },
      context(NOW),
    );
    expect(
      await participantFeedIcs({ file: fileOf(editToken), origin: ORIGIN }, context(NOW)),
    ).toEqual(NOT_FOUND);
  });

  it('is shown to its editor only under their own edit token', async () => {
    const { participantId, editToken } = await answered();
    expect(
      await editorFeedUrl({ editor: { participantId, editToken }, origin: ORIGIN }, context(NOW)),
    ).toBe(feedUrl(ORIGIN, editToken));
    // No feed under this token, so no link to a 404.
    expect(
      await editorFeedUrl(
        { editor: { participantId, editToken: 'other' }, origin: ORIGIN },
        context(NOW),
      ),
    ).toBeNull();
  });

  it('is given to an answer from before feeds when its editor opens it', async () => {
    const { participantId, editToken } = await answered();
    forgetFeedIn(file(), participantId);
    const request = { file: fileOf(editToken), origin: ORIGIN };
    expect(await participantFeedIcs(request, context(NOW))).toEqual(NOT_FOUND);
    // Someone else's token for this participant gives nothing, and no feed appears.
    expect(
      await editorFeedUrl(
        { editor: { participantId, editToken: 'other' }, origin: ORIGIN },
        context(NOW),
      ),
    ).toBeNull();
    expect(await participantFeedIcs(request, context(NOW))).toEqual(NOT_FOUND);
    expect(
      await editorFeedUrl({ editor: { participantId, editToken }, origin: ORIGIN }, context(NOW)),
    ).toBe(feedUrl(ORIGIN, editToken));
    expect(events((await feed(request.file)).ics).map((e) => e.start.toISOString())).toEqual([
      '2026-10-28T16:00:00.000Z',
      '2026-10-30T16:00:00.000Z',
    ]);
  });

  it('is offered as webcal:// on the link origin’s host', () => {
    expect(feedUrl('https://kairos.example', 'tok')).toBe(
      `webcal://kairos.example${feedPath('tok')}`,
    );
    expect(feedUrl('http://127.0.0.1:3400', 'tok')).toBe(
      `webcal://127.0.0.1:3400${feedPath('tok')}`,
    );
  });
});
