import { pathToFileURL } from 'node:url';
import { rssMegabytes, verdict, withBenchServer, type BenchServer } from './server';

/**
 * Requests that must not hurt (issue 11): the largest bodies the API reads (just under its
 * 100 kB cap), refused and stored, each timed against a bound per kilobyte, so no single
 * request holds the server long; then 10,000 refused requests that each name a zone never
 * seen before, and the server's memory after them. Sequential and bounded in count.
 */

const MAX_BODY_BYTES = 100 * 1024;
const TARGET_MS_PER_KB = 3;
const TARGET_GROWTH_MB = 20;
const REFUSED_REQUESTS = 10_000;
const REPEATS = 7;

async function send(
  url: string,
  method: string,
  body: string,
  headers: Record<string, string> = {},
) {
  const started = performance.now();
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const json = (await response.json()) as Record<string, unknown>;
  return { status: response.status, json, ms: performance.now() - started };
}

/** Fills `make(i)` for i = 0, 1, … while the JSON stays under the body cap. */
function largest<T>(make: (count: number) => T): string {
  let low = 1;
  let high = 100_000;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (Buffer.byteLength(JSON.stringify(make(mid))) < MAX_BODY_BYTES) low = mid;
    else high = mid - 1;
  }
  return JSON.stringify(make(low));
}

async function timed(
  label: string,
  run: () => Promise<{ status: number; ms: number }>,
  bytes: number,
): Promise<void> {
  // One request first, not counted: the route's first call compiles and loads its modules.
  await run();
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < REPEATS; i++) {
    const result = await run();
    times.push(result.ms);
    status = result.status;
  }
  times.sort((a, b) => a - b);
  // The median is the verdict: on a shared machine the worst run measures the neighbours.
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const perKb = median / (bytes / 1024);
  console.log(
    `  ${label}: ${(bytes / 1024).toFixed(0)} kB → ${status} in ${median.toFixed(1)} ms (median of ${REPEATS}, worst ${(times.at(-1) ?? 0).toFixed(1)} ms), ${perKb.toFixed(2)} ms/kB, target ≤ ${TARGET_MS_PER_KB} ms/kB: ${verdict(perKb, TARGET_MS_PER_KB, 'atMost')}`,
  );
}

export async function runHostileRequestBench(server: BenchServer): Promise<void> {
  console.log('\nhostile requests: the largest bodies, refused and stored');
  const options = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      start: `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}T${String(Math.floor(i / 336) % 24).padStart(2, '0')}:00`,
    }));
  const create = {
    title: 'T'.repeat(200),
    description: 'D'.repeat(5000),
    location: 'L'.repeat(500),
    timeZone: 'Europe/Rome',
    kind: 'timed',
    durationMinutes: 60,
    options: options(500),
  };
  const created = await send(`${server.url}/api/polls`, 'POST', JSON.stringify(create));
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.json)}`);
  const id = String(created.json.id);
  const token = String(created.json.adminToken);
  const poll = (await (await fetch(`${server.url}/api/polls/${id}`)).json()) as {
    options: { id: string }[];
  };
  const optionIds = poll.options.map((o) => o.id);
  const answers = `${server.url}/api/polls/${id}/responses`;

  const createBody = JSON.stringify(create);
  await timed(
    'create, 500 options (stored)',
    () => send(`${server.url}/api/polls`, 'POST', createBody),
    Buffer.byteLength(createBody),
  );
  const stored = JSON.stringify({
    name: 'N'.repeat(80),
    timeZone: 'America/Los_Angeles',
    votes: Object.fromEntries(optionIds.map((o) => [o, 'yes'])),
  });
  await timed(
    'answer to all 500 options (stored)',
    () => send(answers, 'POST', stored),
    Buffer.byteLength(stored),
  );
  const unknownIds = largest((n) => ({
    name: 'Ana',
    timeZone: 'Europe/Rome',
    votes: Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i}`, 'yes'])),
  }));
  await timed(
    `answer naming ${Object.keys((JSON.parse(unknownIds) as { votes: object }).votes).length} unknown options (refused)`,
    () => send(answers, 'POST', unknownIds),
    Buffer.byteLength(unknownIds),
  );
  const badValues = largest((n) => ({
    name: 'Ana',
    timeZone: 'Europe/Rome',
    votes: Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i}`, 'maybe'])),
  }));
  await timed(
    'answer with bad values only (refused)',
    () => send(answers, 'POST', badValues),
    Buffer.byteLength(badValues),
  );
  const unknownKeys = largest((n) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`field${i}`, 1])),
  );
  await timed(
    'create with unknown fields only (refused)',
    () => send(`${server.url}/api/polls`, 'POST', unknownKeys),
    Buffer.byteLength(unknownKeys),
  );
  const removeUnknown = largest((n) => ({
    removeOptionIds: Array.from({ length: Math.min(n, 500) }, (_, i) => `x${i}`),
    addOptions: options(Math.min(n, 500)),
    title: 'T'.repeat(Math.max(0, n - 500)),
  }));
  await timed(
    'edit adding 500 and removing 500 unknown options (refused)',
    () =>
      send(`${server.url}/api/polls/${id}`, 'PATCH', removeUnknown, {
        authorization: `Bearer ${token}`,
      }),
    Buffer.byteLength(removeUnknown),
  );

  console.log(
    `\nhostile requests: memory after ${REFUSED_REQUESTS.toLocaleString('en')} refused requests, each with a new zone name`,
  );
  const before = rssMegabytes(server.pid);
  const deadline = Date.now() + 240_000;
  let sent = 0;
  for (; sent < REFUSED_REQUESTS && Date.now() < deadline; sent++) {
    const zone = `Mars/Crater_${sent}_${'x'.repeat(40)}`;
    await send(answers, 'POST', JSON.stringify({ name: 'Ana', timeZone: zone, votes: {} }));
  }
  const after = rssMegabytes(server.pid);
  const growth = after - before;
  console.log(
    `  ${sent.toLocaleString('en')} refused: RSS ${before.toFixed(0)} MB → ${after.toFixed(0)} MB (+${growth.toFixed(1)} MB), target ≤ +${TARGET_GROWTH_MB} MB: ${verdict(growth, TARGET_GROWTH_MB, 'atMost')}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  withBenchServer(runHostileRequestBench).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
