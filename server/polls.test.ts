import { describe, expect, it } from 'vitest';
import { submitAnswer } from '@/server/answers';
import { deleteComment, postComment } from '@/server/comments';
import { exportEventIcs, exportResultsCsv } from '@/server/exports';
import { createPoll, deletePoll, editPoll, finalisePoll, setPollStatus } from '@/server/polls';
import { createdPoll, withTemporaryStore } from '@/server/temporary-store';
import { viewPoll } from '@/server/views';

const NOW = Date.UTC(2026, 9, 1, 12);
const { context } = withTemporaryStore();
const NOT_FOUND = { ok: false, problem: { code: 'notFound' } };

async function stored(pollId: string) {
  const { store } = context(NOW);
  return store.getPollWithVotes(store, pollId);
}

describe('createPoll', () => {
  it('refuses an unreadable payload, an invalid one and a client over its budget, storing nothing', async () => {
    expect(await createPoll({ ok: false }, context(NOW))).toEqual({
      ok: false,
      problem: { code: 'malformed' },
    });
    const invalid = await createPoll({ ok: true, value: { title: '' } }, context(NOW));
    expect(invalid).toMatchObject({ ok: false, problem: { code: 'invalid' } });
    expect(await createPoll({ ok: true, value: {} }, context(NOW, 30))).toEqual({
      ok: false,
      problem: { code: 'writeRefused', seconds: 30 },
    });
  });
});

describe('options in the past', () => {
  const body = (extra: object = {}) => ({
    ok: true as const,
    value: {
      title: 'Looking back',
      timeZone: 'Europe/Rome',
      kind: 'timed',
      durationMinutes: 60,
      options: [{ start: '2026-09-30T17:00' }, { start: '2026-10-02T17:00' }],
      ...extra,
    },
  });

  it('are refused at creation, naming them, unless the request confirms', async () => {
    const refused = await createPoll(body(), context(NOW));
    expect(refused).toEqual({
      ok: false,
      problem: {
        code: 'invalid',
        fieldErrors: {
          options: [
            {
              code: 'options.past',
              values: { count: 1, options: '2026-09-30 17:00', more: 0 },
            },
          ],
          allowPast: [{ code: 'allowPast.required' }],
        },
      },
    });
    const created = await createPoll(body({ allowPast: true }), context(NOW));
    expect(created.ok).toBe(true);
  });

  it('are refused when an edit adds them, unless it confirms', async () => {
    const poll = await createdPoll(context(NOW));
    const target = { pollId: poll.id, adminToken: poll.adminToken };
    const before = await stored(poll.id);
    const add = { addOptions: [{ start: '2026-09-01T10:00' }], title: 'Also renamed' };
    expect(await editPoll({ ...target, payload: { ok: true, value: add } }, context(NOW))).toEqual({
      ok: false,
      problem: {
        code: 'invalid',
        fieldErrors: {
          addOptions: [
            { code: 'options.past', values: { count: 1, options: '2026-09-01 10:00', more: 0 } },
          ],
          allowPast: [{ code: 'allowPast.required' }],
        },
      },
    });
    expect(await stored(poll.id)).toEqual(before);
    const confirmed = await editPoll(
      { ...target, payload: { ok: true, value: { ...add, allowPast: true } } },
      context(NOW),
    );
    expect(confirmed.ok && confirmed.poll.options).toHaveLength(4);
  });
});

describe('the organiser’s changes', () => {
  it('answer a wrong admin token exactly as a missing poll, and change nothing', async () => {
    const poll = await createdPoll(context(NOW));
    const before = await stored(poll.id);
    const wrong = { pollId: poll.id, adminToken: 'guess' };
    const payload = { ok: true as const, value: { title: 'Taken over' } };
    expect(await editPoll({ ...wrong, payload }, context(NOW))).toEqual(NOT_FOUND);
    expect(await setPollStatus({ ...wrong, status: 'closed' }, context(NOW))).toEqual(NOT_FOUND);
    expect(
      await finalisePoll(
        { ...wrong, payload: { ok: true, value: { optionId: poll.optionIds[0] } } },
        context(NOW),
      ),
    ).toEqual(NOT_FOUND);
    expect(await deletePoll(wrong, context(NOW))).toEqual(NOT_FOUND);
    expect(
      await deletePoll({ pollId: 'missing', adminToken: poll.adminToken }, context(NOW)),
    ).toEqual(NOT_FOUND);
    expect(await stored(poll.id)).toEqual(before);
  });

  it('checks the token before the budget, and the budget before the change', async () => {
    const poll = await createdPoll(context(NOW));
    expect(await deletePoll({ pollId: poll.id, adminToken: 'guess' }, context(NOW, 5))).toEqual(
      NOT_FOUND,
    );
    expect(
      await deletePoll({ pollId: poll.id, adminToken: poll.adminToken }, context(NOW, 5)),
    ).toEqual({ ok: false, problem: { code: 'writeRefused', seconds: 5 } });
    expect(await stored(poll.id)).not.toBeNull();
  });

  it('refuses a deadline that has passed at the injected instant', async () => {
    const poll = await createdPoll(context(NOW));
    const result = await editPoll(
      {
        pollId: poll.id,
        adminToken: poll.adminToken,
        payload: { ok: true, value: { deadline: new Date(NOW - 1000).toISOString() } },
      },
      context(NOW),
    );
    if (result.ok || result.problem.code !== 'invalid') throw new Error('not refused');
    expect(Object.keys(result.problem.fieldErrors)).toEqual(['deadline']);
  });

  it('schedules the poll on one of its own options only, and reopens it with null', async () => {
    const poll = await createdPoll(context(NOW));
    const target = { pollId: poll.id, adminToken: poll.adminToken };
    expect(
      await finalisePoll(
        { ...target, payload: { ok: true, value: { optionId: 'foreign' } } },
        context(NOW),
      ),
    ).toEqual({ ok: false, problem: { code: 'unknownFinalOption' } });
    const scheduled = await finalisePoll(
      { ...target, payload: { ok: true, value: { optionId: poll.optionIds[1] } } },
      context(NOW),
    );
    expect(scheduled).toMatchObject({
      ok: true,
      poll: { status: 'scheduled', finalOptionId: poll.optionIds[1], finalSequence: 1 },
    });
    const ics = await exportEventIcs(
      { pollId: poll.id, origin: 'https://kairos.example' },
      context(NOW),
    );
    expect(ics.ok && ics.ics).toContain('SEQUENCE:1');
    const reopened = await finalisePoll(
      { ...target, payload: { ok: true, value: { optionId: null } } },
      context(NOW),
    );
    expect(reopened).toMatchObject({ ok: true, poll: { status: 'open', finalSequence: 2 } });
    expect(await exportEventIcs({ pollId: poll.id, origin: '' }, context(NOW))).toEqual(NOT_FOUND);
  });

  it('deletes the poll with everything in it', async () => {
    const poll = await createdPoll(context(NOW));
    await submitAnswer(
      {
        pollId: poll.id,
        editor: null,
        answer: { name: 'Ryan', timeZone: 'UTC', votes: { [poll.optionIds[0]]: 'yes' } },
      },
      context(NOW),
    );
    expect(
      await deletePoll({ pollId: poll.id, adminToken: poll.adminToken }, context(NOW)),
    ).toEqual({
      ok: true,
    });
    expect(await stored(poll.id)).toBeNull();
  });
});

describe('comments', () => {
  it('anyone may comment on a poll that exists; only the organiser deletes', async () => {
    const poll = await createdPoll(context(NOW));
    expect(
      await postComment({ pollId: 'missing', comment: { author: 'A', body: 'Hi' } }, context(NOW)),
    ).toEqual(NOT_FOUND);
    const posted = await postComment(
      { pollId: poll.id, comment: { author: 'Ada', body: 'Thursday suits me' } },
      context(NOW),
    );
    if (!posted.ok) throw new Error('not posted');
    const target = { pollId: poll.id, commentId: posted.commentId };
    expect(await deleteComment({ ...target, adminToken: 'guess' }, context(NOW))).toEqual(
      NOT_FOUND,
    );
    expect(await deleteComment({ ...target, adminToken: poll.adminToken }, context(NOW))).toEqual({
      ok: true,
    });
    expect(await deleteComment({ ...target, adminToken: poll.adminToken }, context(NOW))).toEqual({
      ok: false,
      problem: { code: 'commentNotFound' },
    });
    expect((await stored(poll.id))!.comments).toEqual([]);
  });
});

describe('reads', () => {
  it('shows the admin page and the CSV only to the organiser, the edit link only to its owner', async () => {
    const poll = await createdPoll(context(NOW));
    const answer = await submitAnswer(
      {
        pollId: poll.id,
        editor: null,
        answer: { name: 'Ryan', timeZone: 'UTC', votes: { [poll.optionIds[0]]: 'yes' } },
      },
      context(NOW),
    );
    if (!answer.ok || !answer.editToken) throw new Error('not stored');
    const anonymousName = (n: number) => `Guest ${n}`;
    const base = { pollId: poll.id, anonymousName };
    expect(
      await viewPoll({ ...base, adminToken: 'guess', require: 'organiser' }, context(NOW)),
    ).toEqual(NOT_FOUND);
    expect(
      await viewPoll({ ...base, adminToken: poll.adminToken, require: 'organiser' }, context(NOW)),
    ).toMatchObject({ ok: true, viewer: { admin: true, participantId: null } });
    const editor = { participantId: answer.participantId, editToken: answer.editToken };
    expect(
      await viewPoll(
        { ...base, editor: { ...editor, editToken: 'guess' }, require: 'editor' },
        context(NOW),
      ),
    ).toEqual(NOT_FOUND);
    expect(await viewPoll({ ...base, editor, require: 'editor' }, context(NOW))).toMatchObject({
      ok: true,
      viewer: { admin: false, participantId: answer.participantId },
    });
    expect(await exportResultsCsv({ pollId: poll.id, adminToken: 'guess' }, context(NOW))).toEqual(
      NOT_FOUND,
    );
    const csv = await exportResultsCsv(
      { pollId: poll.id, adminToken: poll.adminToken },
      context(NOW),
    );
    expect(csv.ok && csv.csv).toContain('Ryan');
  });

  it('hides names from a participant as the privacy setting says', async () => {
    const poll = await createdPoll(context(NOW));
    await editPoll(
      {
        pollId: poll.id,
        adminToken: poll.adminToken,
        payload: { ok: true, value: { privacy: 'hideNames' } },
      },
      context(NOW),
    );
    await submitAnswer(
      {
        pollId: poll.id,
        editor: null,
        answer: { name: 'Ryan', timeZone: 'UTC', votes: { [poll.optionIds[0]]: 'yes' } },
      },
      context(NOW),
    );
    const view = await viewPoll(
      { pollId: poll.id, anonymousName: (n) => `Guest ${n}` },
      context(NOW),
    );
    if (!view.ok) throw new Error('not found');
    expect(view.poll.participants.map((p) => p.name)).toEqual(['Guest 1']);
    expect(view.stored.participants.map((p) => p.name)).toEqual(['Ryan']);
  });
});
