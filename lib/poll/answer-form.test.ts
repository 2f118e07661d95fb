import { describe, expect, it } from 'vitest';
import { answerWithFields } from '@/lib/poll/answer-form';

describe('answerWithFields', () => {
  const payload = { pollId: 'p', name: '', timeZone: 'Europe/Rome', votes: { a: 'yes' } };

  it('takes what a form without JavaScript typed and ticked over the rendered payload', () => {
    expect(
      answerWithFields(payload, [
        ['payload', '{}'],
        ['name', 'Ana'],
        ['timeZone', 'Asia/Kathmandu'],
        ['vote-a', 'no'],
        ['vote-b', 'ifneedbe'],
      ]),
    ).toEqual({
      pollId: 'p',
      name: 'Ana',
      timeZone: 'Asia/Kathmandu',
      votes: { a: 'no', b: 'ifneedbe' },
    });
  });

  it('keeps the payload where the form has no such field (the grid on a wide screen)', () => {
    expect(answerWithFields(payload, [['name', 'Ana']])).toEqual({ ...payload, name: 'Ana' });
  });

  it('ignores files and leaves a payload that is not an object to the schema', () => {
    expect(answerWithFields(payload, [['name', new Blob(['x'])]])).toEqual(payload);
    expect(answerWithFields([1], [['name', 'Ana']])).toEqual([1]);
    expect(answerWithFields(null, [])).toBeNull();
  });

  it('does not let a field name reach the prototype', () => {
    const answer = answerWithFields(payload, [['vote-__proto__', 'yes']]) as {
      votes: Record<string, unknown>;
    };
    expect(Object.getPrototypeOf(answer.votes)).toBe(Object.prototype);
    expect(Object.hasOwn(answer.votes, '__proto__')).toBe(true);
  });
});
