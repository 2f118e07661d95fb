import { spawn } from 'node:child_process';
import path from 'node:path';
import nodeFlags from '../scripts/server-node-flags.json';

/**
 * Servers a spec starts itself (to kill it, read its logs, or give it other settings), on
 * ports beside the suite's own (E2E_PORT + 20 + offset), loopback only. The build is the
 * one the suite's webServer uses.
 */
export function ownPort(offset: number): number {
  return Number(process.env.E2E_PORT ?? 3210) + 20 + offset;
}

export interface OwnServer {
  url: string;
  pid: number;
  /** Everything the server printed so far, stdout and stderr. */
  output(): string;
  /** Sends the signal and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const root = path.resolve(__dirname, '..');

export async function startOwnServer({
  port,
  database,
  env = {},
}: {
  port: number;
  database: string;
  /** Added to the environment; undefined removes a variable. */
  env?: Record<string, string | undefined>;
}): Promise<OwnServer> {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_PATH: database,
    // Specs write a lot from 127.0.0.1; rate-limit.spec.ts sets its own limits.
    KAIROS_RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
    ...env,
  };
  for (const [key, value] of Object.entries(environment))
    if (value === undefined) delete environment[key];
  // `next start` itself, not npx, so that the pid is the server's and kill -9 reaches it;
  // with the Node.js flags `npm start` gives it.
  const child = spawn(
    process.execPath,
    [
      ...nodeFlags,
      path.join(root, 'node_modules/next/dist/bin/next'),
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    {
      cwd: root,
      env: environment,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const server: OwnServer = {
    url,
    pid: child.pid ?? -1,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/polls/ready-check`)).status === 404) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.stop('SIGKILL');
  throw new Error(`server on ${port} did not start within 60 s:\n${output}`);
}
