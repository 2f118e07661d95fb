import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { measureAnswers, seedBenchPoll } from './http';
import { startBenchServer, type BenchServer } from './server';

/**
 * The same load on each way of running Kairos (issue 15), in one run: SQLite, SQLite with
 * the write budget on (one bucket transaction per write), PostgreSQL with one instance, and
 * PostgreSQL with two instances sharing the load. Participant page of a 15 × 20 poll read by
 * 20 connections, then 200 connections answering it; every acknowledged answer is looked for
 * in the database. PostgreSQL needs KAIROS_TEST_DATABASE_URL (a server where a database may be
 * created; it is dropped after).
 */

const READ_CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_DURATION_S ?? 4);
const ANSWER_SECONDS = Math.min(5, SECONDS + 1);

interface Setup {
  label: string;
  instances: number;
  postgres: boolean;
  env?: Record<string, string>;
}

const SETUPS: Setup[] = [
  { label: 'SQLite, 1 instance', instances: 1, postgres: false },
  {
    label: 'SQLite, write budget on',
    instances: 1,
    postgres: false,
    env: { KAIROS_RATE_LIMIT_WRITES_PER_MINUTE: '1000000' },
  },
  { label: 'PostgreSQL, 1 instance', instances: 1, postgres: true },
  { label: 'PostgreSQL, 2 instances', instances: 2, postgres: true },
];

async function admin(server: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Reads of `path` split evenly across the instances, at once; req/s summed. */
async function readAcross(servers: BenchServer[], path: string) {
  const run = (duration: number) =>
    Promise.all(
      servers.map((server) =>
        autocannon({
          url: `${server.url}${path}`,
          connections: READ_CONNECTIONS / servers.length,
          duration,
          maxOverallRequests: 100_000,
          timeout: 30,
        }),
      ),
    );
  await run(1);
  const results = await run(SECONDS);
  return {
    perSecond: results.reduce((sum, r) => sum + r.requests.total / r.duration, 0),
    failures: results.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  };
}

async function measure(setup: Setup, testServer: string | undefined, basePort: number) {
  let databaseUrl: string | undefined;
  let name = '';
  if (setup.postgres) {
    if (!testServer) return null;
    name = `kairos_bench_${randomBytes(6).toString('hex')}`;
    await admin(testServer, `CREATE DATABASE ${name}`);
    const url = new URL(testServer);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const servers: BenchServer[] = [];
  try {
    // One after the other: both would migrate the fresh database at once otherwise.
    for (let i = 0; i < setup.instances; i++)
      servers.push(await startBenchServer({ port: basePort + i, databaseUrl, env: setup.env }));
    const poll = await seedBenchPoll(servers[0]!, { options: 15, participants: 20 });
    const reads = await readAcross(servers, `/p/${poll.id}`);
    const answers = await measureAnswers(servers, poll.id, poll.optionIds, ANSWER_SECONDS);
    return { reads, answers };
  } finally {
    for (const server of servers) await server.stop();
    if (testServer && name) await admin(testServer, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

export async function runStoreBench(): Promise<void> {
  const testServer = process.env.KAIROS_TEST_DATABASE_URL;
  const basePort = Number(process.env.BENCH_PORT ?? 3240) + 10;
  console.log(
    `stores bench: participant page 15×20, ${READ_CONNECTIONS} connections × ${SECONDS} s; then 200 connections answering it for ${ANSWER_SECONDS} s; load split evenly across instances`,
  );
  let baseline: number | null = null;
  for (const setup of SETUPS) {
    const figures = await measure(setup, testServer, basePort);
    if (!figures) {
      console.log(`  ${setup.label.padEnd(26)} skipped: set KAIROS_TEST_DATABASE_URL`);
      continue;
    }
    const { reads, answers } = figures;
    baseline ??= reads.perSecond;
    const failures = reads.failures + answers.serverErrors + answers.timeouts;
    console.log(
      `  ${setup.label.padEnd(26)} page ${reads.perSecond.toFixed(1).padStart(6)} req/s (${((reads.perSecond / baseline) * 100).toFixed(0).padStart(3)} % of SQLite)` +
        `   answers ${answers.perSecond.toFixed(0).padStart(4)}/s   lost ${answers.lost}   duplicated ${answers.duplicated}` +
        (failures > 0 ? `   ${failures} FAILED or timed out` : ''),
    );
  }
}
