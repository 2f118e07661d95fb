import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAcceptableActionBody, type ActionBody } from '@/lib/http/action-body';

type Request = { op: 'encode'; args: unknown[] } | { op: 'decode'; body: ActionBody };

/** React's own client and server, in a process with the condition Next.js runs them under. */
function react<T>(requests: Request[]): T[] {
  const script = path.resolve(import.meta.dirname, '../../scripts/react-reply.mjs');
  const run = spawnSync(process.execPath, ['--conditions=react-server', script], {
    input: requests.map((request) => JSON.stringify(request)).join('\n'),
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.status !== 0) throw new Error(run.stderr);
  const answers = run.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
  expect(answers).toHaveLength(requests.length);
  return answers;
}

const decodeWithReact = (bodies: ActionBody[]) =>
  react<string>(bodies.map((body) => ({ op: 'decode', body })));

const text = (t: string): ActionBody => ({ kind: 'text', text: t });

/** Plain objects, as a page builds them (fast-check's have a null prototype). */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** Values our pages pass to actions: JSON, undefined, strings that look like references. */
const argument = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map(plain),
  fc.constant(undefined),
  fc.string().map((s) => `$${s}`),
  fc.dictionary(fc.string(), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant('$x'))).map(plain),
);

const formData = fc
  .array(fc.tuple(fc.string({ minLength: 1 }), fc.string()), { maxLength: 4 })
  .map((fields) => {
    const data = new FormData();
    for (const [name, value] of fields) data.append(name, value);
    return data;
  });

/** React references, well and badly formed, of every type tag it knows. */
const reference = fc
  .tuple(
    fc.constantFrom(...'@$KQWhBTSRrXlFEiaAOoUSsLGgMmVdDnNbYZ'.split(''), 'undefined', '-0', ''),
    fc.oneof(fc.nat(6).map(String), fc.constant('ff'), fc.string({ maxLength: 4 })),
  )
  .map(([tag, id]) => `$${tag}${id}`);

/** A JSON value with references spliced in, as a hostile client would write it. */
const hostileJson = fc
  .oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.array(fc.oneof(reference, fc.jsonValue({ maxDepth: 1 })), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 3 }), reference),
  )
  .map((value) => JSON.stringify(value));

/** An argument list with references spliced in. */
const hostileArguments = fc
  .array(fc.oneof(reference, fc.jsonValue({ maxDepth: 2 }), hostileJson), { maxLength: 4 })
  .map((args) => JSON.stringify(args));

const hostileBody: fc.Arbitrary<ActionBody> = fc.oneof(
  hostileJson.map(text),
  { weight: 3, arbitrary: hostileArguments.map(text) },
  fc.string().map(text),
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.nat(4).map(String),
          fc.nat(2).map((n) => `$ACTION_1:${n}`),
          fc.constantFrom('_1_payload', 'x'),
        ),
        fc.oneof(hostileArguments, hostileJson, fc.string({ maxLength: 8 })),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((entries): ActionBody => ({ kind: 'form', scripted: true, entries })),
);

describe('isAcceptableActionBody', () => {
  it('accepts everything React’s client sends for the values our pages pass', () => {
    const calls = fc.sample(
      fc
        .tuple(fc.array(argument, { maxLength: 4 }), fc.option(formData))
        .map(([args, data]) => (data ? [...args, data] : args)),
      { numRuns: 300, seed: 7 },
    );
    const bodies = react<ActionBody>(calls.map((args) => ({ op: 'encode', args })));
    bodies.forEach((body, i) => {
      expect(isAcceptableActionBody(body), JSON.stringify(calls[i])).toBe(true);
    });
  });

  it('accepts a form action’s bound previous state, with and without JavaScript', () => {
    const bound = [
      ['$ACTION_REF_1', ''],
      ['$ACTION_1:0', '{"id":"60ab","bound":"$@1"}'],
      ['$ACTION_1:1', '[null]'],
      ['$ACTION_KEY', 'k1'],
      ['payload', '{"title":"$100"}'],
    ] as const;
    expect(isAcceptableActionBody({ kind: 'form', scripted: false, entries: bound })).toBe(true);
    const scripted = [
      ...bound.map(([name, value]) => [`_1_${name}`, value] as const),
      ['0', '[null,"$K1"]'] as const,
    ];
    expect(isAcceptableActionBody({ kind: 'form', scripted: true, entries: scripted })).toBe(true);
    // Without JavaScript, numbered fields are a form's own and never decoded.
    const own = [...bound, ['0', 'not JSON'] as const];
    expect(isAcceptableActionBody({ kind: 'form', scripted: false, entries: own })).toBe(true);
  });

  it('refuses what made React throw before our code ran', () => {
    for (const body of [
      'garbage',
      '',
      '"__proto__"',
      '{}',
      '1',
      '------x\r\n',
      '["$Q9"]',
      '["$W3"]',
      '["$h1"]',
      '["$B9"]',
      '"$@0"',
      '["$1"]',
      '{"a":"$1:a:b"}',
      '["$i"]',
      '["$S"]',
      '["$l1"]',
      '["$F1"]',
      '["$E1"]',
      '["$nabc"]',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
    ]) {
      expect(isAcceptableActionBody(text(body)), body.slice(0, 20)).toBe(false);
    }
    const cycle = [
      ['0', '"$@1"'],
      ['1', '["$@0"]'],
    ] as const;
    const form = (entries: readonly (readonly [string, string | null])[], scripted = true) =>
      isAcceptableActionBody({ kind: 'form', scripted, entries });
    expect(form(cycle)).toBe(false);
    expect(form([['0', null]])).toBe(false);
    // A part sent twice (Node's streaming decoder fails on it; found by the e2e replay).
    expect(
      form([
        ['_1_body', 'Tuesday works'],
        ['0', '["RpSIJH5ybK2vT8vq",null,"$K1"]'],
        ['0', '[]'],
      ]),
    ).toBe(false);
    expect(
      form(
        [
          ['$ACTION_REF_1', ''],
          ['$ACTION_1:0', '{"id":"60ab","bound":null}'],
          ['$ACTION_1:0', '{"id":"60ab","bound":null}'],
        ],
        false,
      ),
    ).toBe(false);
    expect(form([['payload', '{}']])).toBe(false);
    expect(form([['$ACTION_1:0', '{"id":"60ab","bound":"$@1"}']], false)).toBe(false);
    expect(form([['$ACTION_REF_1', '']], false)).toBe(false);
  });

  it('accepts only bodies that React’s own decoder decodes', () => {
    const bodies = fc.sample(hostileBody, { numRuns: 400, seed: 11 });
    const accepted = bodies.filter(isAcceptableActionBody);
    expect(accepted.length).toBeGreaterThan(50);
    decodeWithReact(accepted).forEach((verdict, i) => {
      expect(verdict, JSON.stringify(accepted[i])).toBe('decoded');
    });
  });

  it('is right about the refusals too: what it refuses, React fails on or our pages never send', () => {
    const refused = [
      '["$Q9"]',
      '"$@0"',
      '["$1"]',
      '["$S"]',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
    ].map(text);
    expect(decodeWithReact(refused).every((verdict) => verdict !== 'decoded')).toBe(true);
  });
});
