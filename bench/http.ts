import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { rssMegabytes, sampleRss, verdict, withBenchServer, type BenchServer } from './server';

/**
 * Load on a production server over loopback: a poll of 50 options × 200 participants read
 * as a page and through the API, against the home page (a page without data: the app has
 * no prerendered page, since every page reads the zone cookie and carries a CSP nonce);
 * then 200 clients answering that poll at once; the server's peak RSS throughout. Every
 * run is bounded in time and in requests. Figures are printed against their targets.
 */

const OPTIONS = 50;
const PARTICIPANTS = 200;
const READ_CONNECTIONS = 20;
const READ_SECONDS = Number(process.env.BENCH_DURATION_S ?? 20);
const WARM_UP_SECONDS = 3;
const ANSWER_CLIENTS = 200;
const ANSWER_SECONDS = Math.min(10, READ_SECONDS);
/** Caps every run, whatever the server's speed. */
const MAX_REQUESTS = 200_000;
const MAX_ANSWERS = 10_000;

const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 100;
const TARGET_ANSWERS_PER_S = 300;
const TARGET_RSS_MB = 250;

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

/** The poll every read hits: 10 days × 5 start times, answered by 200 people in 8 zones. */
export async function seedBenchPoll(
  server: BenchServer,
): Promise<{ id: string; optionIds: string[] }> {
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
    await Promise.all(Array.from({ length: 10 }, (_, k) => answer(i + k)));
  return { id, optionIds };
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
): Promise<ReadFigures> {
  const url = `${server.url}${path}`;
  const bytes = (await (await fetch(url)).arrayBuffer()).byteLength;
  await autocannon({
    url,
    connections: READ_CONNECTIONS,
    duration: WARM_UP_SECONDS,
    maxOverallRequests: MAX_REQUESTS,
  });
  const result = await autocannon({
    url,
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

/** 200 connections answering the poll at once, each answer unique; then the database is read. */
async function measureAnswers(
  server: BenchServer,
  pollId: string,
  optionIds: string[],
): Promise<AnswerFigures> {
  let next = 0;
  const acknowledged: string[] = [];
  const statuses = new Map<number, number>();
  const result = await autocannon({
    url: `${server.url}/api/polls/${pollId}/responses`,
    connections: ANSWER_CLIENTS,
    duration: ANSWER_SECONDS,
    maxOverallRequests: MAX_ANSWERS,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest(request) {
          const n = next++;
          const votes = Object.fromEntries(optionIds.map((id, j) => [id, VALUES[(n + j) % 3]!]));
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
  });

  const db = new Database(server.database, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        "SELECT id, submission_key AS key FROM participants WHERE poll_id = ? AND name LIKE 'Bench answer %'",
      )
      .all(pollId) as { id: string; key: string }[];
    const stored = new Map(rows.map((r) => [r.id, r.key]));
    const keys = new Set(rows.map((r) => r.key));
    const sumStatuses = (test: (status: number) => boolean) =>
      [...statuses].filter(([s]) => test(s)).reduce((n, [, count]) => n + count, 0);
    return {
      acknowledged: acknowledged.length,
      perSecond: acknowledged.length / result.duration,
      lost: acknowledged.filter((id) => !stored.has(id)).length,
      duplicated: rows.length - keys.size + (acknowledged.length - new Set(acknowledged).size),
      serverErrors: sumStatuses((s) => s >= 500),
      otherRefusals: sumStatuses((s) => s !== 201 && s < 500),
      timeouts: result.timeouts,
    };
  } finally {
    db.close();
  }
}

const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(8);

export async function runHttpBench(
  server: BenchServer,
  { id, optionIds }: { id: string; optionIds: string[] },
): Promise<void> {
  const idle = rssMegabytes(server.pid);
  const rss = sampleRss(server.pid);
  const page = await measureReads(server, `participant page /p/{id}`, `/p/${id}`);
  const pagePeak = rss.lap();
  const api = await measureReads(server, `GET /api/polls/{id}`, `/api/polls/${id}`);
  const apiPeak = rss.lap();
  const baseline = await measureReads(server, `home page / (no data)`, '/');
  const homePeak = rss.lap();
  const answers = await measureAnswers(server, id, optionIds);
  const answersPeak = rss.lap();
  const peak = rss.stop();

  console.log(
    `http bench: production build, throwaway database, ${server.url}; a poll of ${OPTIONS} options × ${PARTICIPANTS} participants; ` +
      `autocannon, ${READ_CONNECTIONS} connections × ${READ_SECONDS} s per target after a ${WARM_UP_SECONDS} s warm-up`,
  );
  for (const read of [page, api, baseline]) {
    const failures = read.failures > 0 ? `   ${read.failures} failed requests` : '';
    console.log(
      `  ${read.label.padEnd(30)} ${read.requestsPerSecond.toFixed(1).padStart(7)} req/s   p50 ${ms(read.p50)}   p99 ${ms(read.p99)}   (${read.kilobytes.toFixed(0)} kB per response)${failures}`,
    );
  }
  for (const read of [page, api]) {
    const ratio = read.requestsPerSecond / baseline.requestsPerSecond;
    console.log(
      `  ${`${read.label} / home page`.padEnd(42)} ratio ${ratio.toFixed(2).padStart(5)}   target ≥ ${TARGET_RATIO}      ${verdict(ratio, TARGET_RATIO, 'atLeast')}`,
    );
    console.log(
      `  ${`${read.label} p99`.padEnd(42)} ${ms(read.p99)}     target ≤ ${TARGET_P99_MS} ms  ${verdict(read.p99, TARGET_P99_MS, 'atMost')}`,
    );
  }
  console.log(
    `answers bench: ${ANSWER_CLIENTS} connections answering that poll at once for ${ANSWER_SECONDS} s (each answer votes on all ${OPTIONS} options)`,
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
  console.log(`memory: peak server RSS during the reads and the answers`);
  console.log(
    `  peak RSS                          ${peak.toFixed(0).padStart(5)} MB  target ≤ ${TARGET_RSS_MB} MB  ${verdict(peak, TARGET_RSS_MB, 'atMost')}`,
  );
  console.log(
    `  RSS before the load (seeded, idle)${idle.toFixed(0).padStart(5)} MB  (informational)`,
  );
  console.log(
    `  peak by run: page ${pagePeak.toFixed(0)} MB, API ${apiPeak.toFixed(0)} MB, home ${homePeak.toFixed(0)} MB, answers ${answersPeak.toFixed(0)} MB  (informational)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  withBenchServer(async (server) => runHttpBench(server, await seedBenchPoll(server))).catch(
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
