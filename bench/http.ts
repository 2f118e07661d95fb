import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { runPageWeightBench } from './page-weight';
import { rssMegabytes, sampleRss, verdict, withBenchServer, type BenchServer } from './server';

/**
 * Load on a production server over loopback, every page measured against a static
 * JavaScript file served by the same server in the same run (issue 16): the machine's
 * load moves the absolute figures, much less their ratios. Pages: the participant page of
 * a 15 × 20 poll (first visit, and a returning visitor whose zone cookies are set), of a
 * 50 × 200 poll, the create page and the 15 × 20 poll's admin page; then 200 clients
 * answering the large poll at once. Every run is bounded in time and in requests.
 */

const SMALL = { options: 15, participants: 20 };
const LARGE = { options: 50, participants: 200 };
const READ_CONNECTIONS = 20;
const READ_SECONDS = Number(process.env.BENCH_DURATION_S ?? 4);
const WARM_UP_SECONDS = 1;
const ANSWER_CLIENTS = 200;
const ANSWER_SECONDS = Math.min(5, READ_SECONDS + 1);
/** Caps every run, whatever the server's speed. */
const MAX_REQUESTS = 200_000;
const MAX_ANSWERS = 10_000;

const TARGET_P99_OVER_P50 = 3;
const TARGET_ANSWERS_PER_S = 500;
const TARGET_RSS_MB = 200;
/** A returning visitor: the browser said its zone (and the viewer picked one) on an earlier visit. */
const RETURNING_COOKIES = 'kairos_seen_zone=Asia%2FTokyo; kairos_zone=Asia%2FTokyo';

const ZONES = [
  'Europe/Rome',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Africa/Lagos',
  'America/Sao_Paulo',
];
const VALUES = ['yes', 'ifneedbe', 'no'] as const;

async function postJson(
  url: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

export interface BenchPoll {
  id: string;
  adminToken: string;
  optionIds: string[];
}

/** A poll of days × 5 start times, answered by people in 8 zones. */
export async function seedBenchPoll(
  server: BenchServer,
  { options: OPTIONS, participants: PARTICIPANTS } = LARGE,
): Promise<BenchPoll> {
  const options = Array.from({ length: OPTIONS }, (_, i) => ({
    start: `2027-06-${String(7 + Math.floor(i / 5)).padStart(2, '0')}T${String(8 + (i % 5) * 2).padStart(2, '0')}:00`,
  }));
  const created = await postJson(`${server.url}/api/polls`, {
    title: 'Bench: ocean-model call',
    timeZone: 'Europe/Rome',
    kind: 'timed',
    durationMinutes: 60,
    options,
  });
  if (created.status !== 201) throw new Error(`seeding failed: ${JSON.stringify(created.json)}`);
  const id = String(created.json.id);
  const adminToken = String(created.json.adminToken);
  const poll = (await (await fetch(`${server.url}/api/polls/${id}`)).json()) as {
    options: { id: string }[];
  };
  const optionIds = poll.options.map((o) => o.id);
  const answer = async (i: number) => {
    const votes = Object.fromEntries(
      optionIds.map((optionId, j) => [optionId, VALUES[(i * 7 + j * 3) % 3]!]),
    );
    const stored = await postJson(`${server.url}/api/polls/${id}/responses`, {
      name: `Participant ${i}`,
      timeZone: ZONES[i % ZONES.length],
      votes,
    });
    if (stored.status !== 201) throw new Error(`seeding failed: ${JSON.stringify(stored.json)}`);
  };
  for (let i = 0; i < PARTICIPANTS; i += 10)
    await Promise.all(
      Array.from({ length: Math.min(10, PARTICIPANTS - i) }, (_, k) => answer(i + k)),
    );
  return { id, adminToken, optionIds };
}

interface ReadFigures {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
  kilobytes: number;
}

async function measureReads(
  server: BenchServer,
  label: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<ReadFigures> {
  const url = `${server.url}${path}`;
  const bytes = (await (await fetch(url, { headers })).arrayBuffer()).byteLength;
  await autocannon({
    url,
    headers,
    connections: READ_CONNECTIONS,
    duration: WARM_UP_SECONDS,
    maxOverallRequests: MAX_REQUESTS,
  });
  const result = await autocannon({
    url,
    headers,
    connections: READ_CONNECTIONS,
    duration: READ_SECONDS,
    maxOverallRequests: MAX_REQUESTS,
    timeout: 30,
  });
  return {
    label,
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.non2xx,
    kilobytes: bytes / 1024,
  };
}

interface AnswerFigures {
  acknowledged: number;
  perSecond: number;
  lost: number;
  duplicated: number;
  serverErrors: number;
  otherRefusals: number;
  timeouts: number;
}

/**
 * 200 connections answering the poll at once, each answer unique, split evenly across
 * `servers` (instances of one service on one database); then the database is read.
 */
export async function measureAnswers(
  servers: BenchServer[],
  pollId: string,
  optionIds: string[],
  seconds = ANSWER_SECONDS,
): Promise<AnswerFigures> {
  let next = 0;
  const acknowledged: string[] = [];
  const statuses = new Map<number, number>();
  const results = await Promise.all(
    servers.map((server) =>
      autocannon({
        url: `${server.url}/api/polls/${pollId}/responses`,
        connections: Math.ceil(ANSWER_CLIENTS / servers.length),
        duration: seconds,
        maxOverallRequests: Math.ceil(MAX_ANSWERS / servers.length),
        timeout: 30,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest(request) {
              const n = next++;
              const votes = Object.fromEntries(
                optionIds.map((id, j) => [id, VALUES[(n + j) % 3]!]),
              );
              return {
                ...request,
                body: JSON.stringify({
                  name: `Bench answer ${n}`,
                  timeZone: ZONES[n % ZONES.length],
                  votes,
                  submissionKey: `bench-answer-${n}`,
                }),
              };
            },
            onResponse(status, body) {
              statuses.set(status, (statuses.get(status) ?? 0) + 1);
              if (status === 201)
                acknowledged.push(
                  String((JSON.parse(body) as { participantId: string }).participantId),
                );
            },
          },
        ],
      }),
    ),
  );

  const rows = await servers[0]!.query<{ id: string; key: string }>(
    "SELECT id, submission_key AS key FROM participants WHERE poll_id = ? AND name LIKE 'Bench answer %'",
    [pollId],
  );
  const stored = new Map(rows.map((r) => [r.id, r.key]));
  const keys = new Set(rows.map((r) => r.key));
  const sumStatuses = (test: (status: number) => boolean) =>
    [...statuses].filter(([s]) => test(s)).reduce((n, [, count]) => n + count, 0);
  const duration = Math.max(...results.map((r) => r.duration));
  return {
    acknowledged: acknowledged.length,
    perSecond: acknowledged.length / duration,
    lost: acknowledged.filter((id) => !stored.has(id)).length,
    duplicated: rows.length - keys.size + (acknowledged.length - new Set(acknowledged).size),
    serverErrors: sumStatuses((s) => s >= 500),
    otherRefusals: sumStatuses((s) => s !== 201 && s < 500),
    timeouts: results.reduce((n, r) => n + r.timeouts, 0),
  };
}

const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(8);

/** A script the pages load, served by the same server: what "as fast as the machine" means here. */
async function staticScriptPath(server: BenchServer): Promise<string> {
  const html = await (await fetch(`${server.url}/`)).text();
  const src = /<script[^>]*src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(html)?.[1];
  if (!src) throw new Error('no static chunk in the create page');
  return src;
}

export async function runHttpBench(
  server: BenchServer,
  small: BenchPoll,
  large: BenchPoll,
  rss: { lap(): number },
): Promise<void> {
  const staticPath = await staticScriptPath(server);
  const staticFile = await measureReads(server, 'static script (the yardstick)', staticPath);
  const pages = [
    {
      read: await measureReads(server, 'participant 15×20, first visit', `/p/${small.id}`),
      target: 0.1,
    },
    {
      read: await measureReads(server, 'participant 15×20, returning', `/p/${small.id}`, {
        cookie: RETURNING_COOKIES,
      }),
      target: 0.1,
    },
    {
      read: await measureReads(server, 'participant 50×200, first visit', `/p/${large.id}`),
      target: 0.05,
    },
    { read: await measureReads(server, 'create page /', '/'), target: 0.2 },
    {
      read: await measureReads(server, 'admin 15×20', `/p/${small.id}/admin/${small.adminToken}`),
      target: 0.05,
    },
  ];
  const api = await measureReads(server, 'GET /api/polls/{id} 50×200', `/api/polls/${large.id}`);
  const readsPeak = rss.lap();

  console.log(
    `http bench: production build, throwaway database, ${server.url}; ` +
      `autocannon, ${READ_CONNECTIONS} connections × ${READ_SECONDS} s per target after a ${WARM_UP_SECONDS} s warm-up`,
  );
  for (const read of [staticFile, ...pages.map((p) => p.read), api]) {
    const failures = read.failures > 0 ? `   ${read.failures} FAILED requests` : '';
    console.log(
      `  ${read.label.padEnd(34)} ${read.requestsPerSecond.toFixed(1).padStart(7)} req/s   p50 ${ms(read.p50)}   p99 ${ms(read.p99)}   (${read.kilobytes.toFixed(0)} kB)${failures}`,
    );
  }
  console.log(
    `pages as a fraction of the static script's ${staticFile.requestsPerSecond.toFixed(0)} req/s (${staticPath}):`,
  );
  for (const { read, target } of pages) {
    const ratio = read.requestsPerSecond / staticFile.requestsPerSecond;
    const spread = read.p99 / Math.max(read.p50, 1);
    console.log(
      `  ${read.label.padEnd(34)} ${(ratio * 100).toFixed(1).padStart(5)} %  target ≥ ${(target * 100).toFixed(0).padStart(2)} %  ${verdict(ratio, target, 'atLeast').padEnd(12)}` +
        `   p99/p50 ${spread.toFixed(1).padStart(4)}  target ≤ ${TARGET_P99_OVER_P50}  ${verdict(spread, TARGET_P99_OVER_P50, 'atMost')}`,
    );
  }
  const answers = await measureAnswers([server], large.id, large.optionIds);
  const answersPeak = rss.lap();
  console.log(
    `answers bench: ${ANSWER_CLIENTS} connections answering the 50×200 poll at once for ${ANSWER_SECONDS} s (each answer votes on all ${LARGE.options} options)`,
  );
  console.log(
    `  answers acknowledged              ${answers.acknowledged}   (${answers.timeouts} timed out, ${answers.otherRefusals} refused with a 4xx)`,
  );
  console.log(
    `  answers per second                ${answers.perSecond.toFixed(0).padStart(5)}     target ≥ ${TARGET_ANSWERS_PER_S}     ${verdict(answers.perSecond, TARGET_ANSWERS_PER_S, 'atLeast')}`,
  );
  console.log(
    `  acknowledged but not stored       ${String(answers.lost).padStart(5)}     target 0       ${verdict(answers.lost, 0, 'atMost')}`,
  );
  console.log(
    `  stored more than once             ${String(answers.duplicated).padStart(5)}     target 0       ${verdict(answers.duplicated, 0, 'atMost')}`,
  );
  console.log(
    `  server errors (5xx)               ${String(answers.serverErrors).padStart(5)}     target 0       ${verdict(answers.serverErrors, 0, 'atMost')}`,
  );
  console.log(
    `  peak RSS by run: reads ${readsPeak.toFixed(0)} MB, answers ${answersPeak.toFixed(0)} MB  (informational)`,
  );
}

/** Peak server memory over everything the benchmark did to the server. */
export function reportPeakRss(idle: number, peak: number): void {
  console.log(`memory: peak server RSS during the whole benchmark`);
  console.log(
    `  peak RSS                          ${peak.toFixed(0).padStart(5)} MB  target ≤ ${TARGET_RSS_MB} MB  ${verdict(peak, TARGET_RSS_MB, 'atMost')}`,
  );
  console.log(
    `  RSS at start (idle)               ${idle.toFixed(0).padStart(5)} MB  (informational)`,
  );
}

/** Seeds both polls, weighs the pages and loads them, sampling the server's RSS throughout. */
export async function runServerBenches(
  server: BenchServer,
  weigh: (server: BenchServer, pollId: string) => Promise<void>,
  after: (server: BenchServer) => Promise<void> = async () => {},
): Promise<void> {
  const idle = rssMegabytes(server.pid);
  const rss = sampleRss(server.pid);
  const small = await seedBenchPoll(server, SMALL);
  const large = await seedBenchPoll(server, LARGE);
  await weigh(server, small.id);
  await runHttpBench(server, small, large, rss);
  await after(server);
  reportPeakRss(idle, rss.stop());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  withBenchServer((server) => runServerBenches(server, runPageWeightBench)).catch(
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
