import { spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodeFlags from '../scripts/server-node-flags.json';

/**
 * A production server for the benchmarks: the current build (made if the sources changed),
 * loopback only, on BENCH_PORT (default 3240); a throwaway SQLite file in a temporary
 * folder, or the PostgreSQL database `databaseUrl` names (the caller creates and drops it).
 */

const root = path.resolve(import.meta.dirname, '..');

export interface BenchServer {
  url: string;
  pid: number;
  /** `sql` with `?` placeholders on the server's database, read beside it. */
  query<Row>(sql: string, params: unknown[]): Promise<Row[]>;
  stop(): Promise<void>;
}

function sqliteQuery(file: string) {
  return async <Row>(sql: string, params: unknown[]): Promise<Row[]> => {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as Row[];
    } finally {
      db.close();
    }
  };
}

function postgresQuery(url: string) {
  return async <Row>(sql: string, params: unknown[]): Promise<Row[]> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      let n = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows as Row[];
    } finally {
      await client.end();
    }
  };
}

export function ensureBuild(): void {
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'scripts/start.mjs'), '--build-only'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  if (build.status !== 0) throw new Error('the build failed');
}

export async function startBenchServer({
  port = Number(process.env.BENCH_PORT ?? 3240),
  databaseUrl,
  env = {},
}: {
  port?: number;
  databaseUrl?: string;
  env?: Record<string, string>;
} = {}): Promise<BenchServer> {
  const folder = mkdtempSync(path.join(tmpdir(), 'kairos-bench-'));
  const database = path.join(folder, 'bench.sqlite');
  const store = databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_PATH: database };
  // `next start` itself, not npx, so that the pid is the server's: its RSS is what we sample.
  // With the V8 flags `npm start` gives it (scripts/start.mjs).
  const child = spawn(
    process.execPath,
    [
      ...nodeFlags,
      // BENCH_CPU_PROFILE=<folder>: each server writes a V8 CPU profile there when it stops
      // (open it in Chrome's DevTools); NODE_OPTIONS may not carry --cpu-prof.
      ...(process.env.BENCH_CPU_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
        : []),
      path.join(root, 'node_modules/next/dist/bin/next'),
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        ...store,
        // The benchmark writes thousands of times from one address; rate-limit.spec.ts tests the limit.
        KAIROS_RATE_LIMIT_WRITES_PER_MINUTE: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const server: BenchServer = {
    url,
    pid: child.pid ?? -1,
    query: databaseUrl ? postgresQuery(databaseUrl) : sqliteQuery(database),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
      rmSync(folder, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/api/polls/ready-check`)).status === 404) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.stop();
  throw new Error(`the bench server on port ${port} did not start:\n${output}`);
}

/** Resident memory of a process in MB, from /proc (Linux) or `ps` elsewhere. */
export function rssMegabytes(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m);
    if (line) return Number(line[1]) / 1024;
  } catch {
    // no /proc: fall back to ps
  }
  const ps = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  return Number(ps.stdout.trim()) / 1024 || 0;
}

/** Samples a process's RSS every `everyMs` until stopped; returns the peak seen. */
export function sampleRss(pid: number, everyMs = 100): { lap(): number; stop(): number } {
  let peak = rssMegabytes(pid);
  let lapPeak = peak;
  const timer = setInterval(() => {
    const now = rssMegabytes(pid);
    peak = Math.max(peak, now);
    lapPeak = Math.max(lapPeak, now);
  }, everyMs);
  return {
    /** The peak since the previous lap: which part of a run the memory went to. */
    lap() {
      const value = Math.max(lapPeak, rssMegabytes(pid));
      lapPeak = rssMegabytes(pid);
      return value;
    },
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssMegabytes(pid));
    },
  };
}

/** "ok" or how the figure misses its target, for the printed report. */
export function verdict(value: number, target: number, direction: 'atMost' | 'atLeast'): string {
  const ok = direction === 'atMost' ? value <= target : value >= target;
  return ok ? 'ok' : direction === 'atMost' ? 'ABOVE TARGET' : 'BELOW TARGET';
}

/** Builds if needed, starts a bench server, runs `work` and always stops the server. */
export async function withBenchServer(work: (server: BenchServer) => Promise<void>): Promise<void> {
  ensureBuild();
  const server = await startBenchServer();
  const stopOnSignal = () => void server.stop().then(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    await work(server);
  } finally {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    await server.stop();
  }
}
