import { describe, expect, it } from 'vitest';
import { removeAnswer, submitAnswer } from '@/server/answers';
import { editPoll, setPollStatus } from '@/server/polls';
import { createdPoll, withTemporaryStore } from '@/server/temporary-store';

const NOW = Date.UTC(2026, 9, 1, 12);
const { context } = withTemporaryStore();

function vote(optionId: string, value: 'yes' | 'ifneedbe' | 'no', extra: object = {}) {
  return { name: 'Ryan', timeZone: 'America/New_York', votes: { [optionId]: value }, ...extra };
}

async function participants(pollId: string) {
  return (await context(NOW).store.getPollWithVotes(context(NOW).store, pollId))!.participants;
}

describe('submitAnswer', () => {
  it('stores a new answer and hands out its edit token once', async () => {
    const poll = await createdPoll(context(NOW));
    const result = await submitAnswer(
      { pollId: poll.id, editor: null, answer: vote(poll.optionIds[0], 'yes') },
      context(NOW),
    );
    expect(result).toMatchObject({ ok: true, editToken: expect.any(String) });
    expect((await participants(poll.id)).map((p) => p.name)).toEqual(['Ryan']);
  });

  it('refuses an answer once the deadline has passed, and a change of one too', async () => {
    const poll = await createdPoll(context(NOW));
    const deadline = new Date(NOW + 2500).toISOString();
    expect(
      await editPoll(
        {
          pollId: poll.id,
          adminToken: poll.adminToken,
          payload: { ok: true, value: { deadline } },
        },
        context(NOW),
      ),
    ).toMatchObject({ ok: true });
    const early = await submitAnswer(
      { pollId: poll.id, editor: null, answer: vote(poll.optionIds[0], 'yes') },
      context(NOW + 2499),
    );
    if (!early.ok || !early.editToken) throw new Error('the early answer was refused');
    const late = await submitAnswer(
      { pollId: poll.id, editor: null, answer: vote(poll.optionIds[0], 'yes') },
      context(NOW + 2500),
    );
    expect(late).toEqual({ ok: false, problem: { code: 'deadline' } });
    const change = await submitAnswer(
      {
        pollId: poll.id,
        editor: { participantId: early.participantId, editToken: early.editToken },
        answer: vote(poll.optionIds[0], 'no'),
      },
      context(NOW + 3000),
    );
    expect(change).toEqual({ ok: false, problem: { code: 'deadline' } });
    expect((await participants(poll.id)).map((p) => p.votes)).toEqual([
      { [poll.optionIds[0]]: 'yes' },
    ]);
  });

  it('refuses answers to a closed poll', async () => {
    const poll = await createdPoll(context(NOW));
    await setPollStatus(
      { pollId: poll.id, adminToken: poll.adminToken, status: 'closed' },
      context(NOW),
    );
    expect(
      await submitAnswer(
        { pollId: poll.id, editor: null, answer: vote(poll.optionIds[0], 'yes') },
        context(NOW),
      ),
    ).toEqual({ ok: false, problem: { code: 'closed' } });
  });

  it('answers a wrong edit token exactly as a missing poll, before looking at the answer', async () => {
    const poll = await createdPoll(context(NOW));
    const first = await submitAnswer(
      { pollId: poll.id, editor: null, answer: vote(poll.optionIds[0], 'yes') },
      context(NOW),
    );
    if (!first.ok) throw new Error('not stored');
    const wrongToken = await submitAnswer(
      {
        pollId: poll.id,
        editor: { participantId: first.participantId, editToken: 'not-the-token' },
        answer: { name: '' },
      },
      context(NOW),
    );
    const missingPoll = await submitAnswer(
      { pollId: 'no-such-poll', editor: null, answer: vote(poll.optionIds[0], 'yes') },
      context(NOW),
    );
    expect(wrongToken).toEqual({ ok: false, problem: { code: 'notFound' } });
    expect(missingPoll).toEqual(wrongToken);
  });

  it('stores nothing for a client over its write budget', async () => {
    const poll = await createdPoll(context(NOW));
    expect(
      await submitAnswer(
        { pollId: poll.id, editor: null, answer: vote(poll.optionIds[0], 'yes') },
        context(NOW, 20),
      ),
    ).toEqual({ ok: false, problem: { code: 'writeRefused', seconds: 20 } });
    expect(await participants(poll.id)).toEqual([]);
  });

  it('refuses a vote for another poll’s option, naming the field', async () => {
    const poll = await createdPoll(context(NOW));
    const result = await submitAnswer(
      { pollId: poll.id, editor: null, answer: vote('someone-elses-option', 'yes') },
      context(NOW),
    );
    if (result.ok || result.problem.code !== 'invalid') throw new Error('not refused as invalid');
    expect(Object.keys(result.problem.fieldErrors)).toEqual(['votes']);
    expect(await participants(poll.id)).toEqual([]);
  });

  it('lands a repeated submission once, without a second token', async () => {
    const poll = await createdPoll(context(NOW));
    const answer = vote(poll.optionIds[0], 'yes', { submissionKey: 'double-click-1' });
    const first = await submitAnswer({ pollId: poll.id, editor: null, answer }, context(NOW));
    const again = await submitAnswer({ pollId: poll.id, editor: null, answer }, context(NOW + 1));
    if (!first.ok) throw new Error('not stored');
    expect(again).toEqual({ ok: true, participantId: first.participantId, editToken: null });
    expect(await participants(poll.id)).toHaveLength(1);
  });

  it('keeps an option to its limit of yes answers, the participant’s own yes aside', async () => {
    const poll = await createdPoll(context(NOW));
    const [wed] = poll.optionIds;
    await editPoll(
      {
        pollId: poll.id,
        adminToken: poll.adminToken,
        payload: { ok: true, value: { optionLimit: 1 } },
      },
      context(NOW),
    );
    const first = await submitAnswer(
      { pollId: poll.id, editor: null, answer: vote(wed, 'yes') },
      context(NOW),
    );
    if (!first.ok || !first.editToken) throw new Error('not stored');
    expect(
      await submitAnswer({ pollId: poll.id, editor: null, answer: vote(wed, 'yes') }, context(NOW)),
    ).toEqual({ ok: false, problem: { code: 'optionFull', optionId: wed } });
    expect(
      await submitAnswer(
        { pollId: poll.id, editor: null, answer: vote(wed, 'ifneedbe') },
        context(NOW),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await submitAnswer(
        {
          pollId: poll.id,
          editor: { participantId: first.participantId, editToken: first.editToken },
          answer: { ...vote(wed, 'yes'), name: 'Ryan R.' },
        },
        context(NOW),
      ),
    ).toEqual({ ok: true, participantId: first.participantId, editToken: first.editToken });
    expect((await participants(poll.id)).map((p) => p.name).sort()).toEqual(['Ryan', 'Ryan R.']);
  });
});

describe('removeAnswer', () => {
  it('lets the organiser remove an answer, and nobody else', async () => {
    const poll = await createdPoll(context(NOW));
    const stored = await submitAnswer(
      { pollId: poll.id, editor: null, answer: vote(poll.optionIds[0], 'yes') },
      context(NOW),
    );
    if (!stored.ok) throw new Error('not stored');
    const target = { pollId: poll.id, participantId: stored.participantId };
    expect(await removeAnswer({ ...target, adminToken: 'guess' }, context(NOW))).toEqual({
      ok: false,
      problem: { code: 'notFound' },
    });
    expect(await removeAnswer({ ...target, adminToken: poll.adminToken }, context(NOW))).toEqual({
      ok: true,
    });
    expect(await removeAnswer({ ...target, adminToken: poll.adminToken }, context(NOW))).toEqual({
      ok: false,
      problem: { code: 'participantNotFound' },
    });
    expect(await participants(poll.id)).toEqual([]);
  });
});
