// React's own reply encoding, as Next.js runs it, for lib/http/action-body.test.ts: `encode`
// is what React's client sends for some arguments, `decode` what its server makes of a body
// before any action runs. Needs `node --conditions=react-server`. One JSON request per line
// on stdin, one JSON answer per line on stdout. In arguments, the string "\u0000undefined"
// stands for undefined and {"\u0000form": [[name, value], …]} for a FormData.
import readline from 'node:readline';
import { encodeReply } from 'next/dist/compiled/react-server-dom-webpack/client.node.js';
import { decodeReply } from 'next/dist/compiled/react-server-dom-webpack/server.node.js';

function revive(_key, value) {
  if (value === '\u0000undefined') return undefined;
  if (value && typeof value === 'object' && '\u0000form' in value) {
    const data = new FormData();
    for (const [name, field] of value['\u0000form']) data.append(name, field);
    return data;
  }
  return value;
}

async function encode(args) {
  const body = await encodeReply(args);
  if (typeof body === 'string') return { kind: 'text', text: body };
  const entries = [...body.entries()].map(([name, v]) => [name, typeof v === 'string' ? v : null]);
  return { kind: 'form', scripted: true, entries };
}

async function decode(body) {
  let input = body.text;
  if (body.kind === 'form') {
    input = new FormData();
    for (const [name, value] of body.entries) input.append(name, value ?? new Blob(['x']));
  }
  const pending = Symbol('pending');
  let timer;
  const outcome = await Promise.race([
    // React's chunk is a thenable whose then() returns nothing: adopt it into a promise.
    Promise.resolve()
      .then(() => decodeReply(input, {}))
      .then(
        () => 'decoded',
        (error) => `threw: ${error.message}`,
      ),
    new Promise((resolve) => (timer = setTimeout(resolve, 2000, pending))),
  ]);
  clearTimeout(timer);
  return outcome === pending ? 'never settled' : outcome;
}

const answers = [];
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const request = JSON.parse(line, revive);
  answers.push(request.op === 'encode' ? encode(request.args) : decode(request.body));
});
lines.on('close', async () => {
  for (const answer of await Promise.all(answers))
    process.stdout.write(`${JSON.stringify(answer)}\n`);
});
