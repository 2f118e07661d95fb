import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ownPort } from './own-server';

/**
 * `npm start` must end its whole process tree on SIGTERM (a container or service manager
 * stopping it) and on Ctrl-C, within 10 s, even with a request still in flight.
 */

const root = path.resolve(__dirname, '..');

/** Every process whose parent chain leads to `pid`, read from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we listed
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, p] of parents)
      if (p === parent) {
        found.push(child);
        walk(child);
      }
  };
  walk(pid);
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie has ended; only its parent has not read its exit status yet.
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

test.describe('stopping npm start', () => {
  const database = path.join(
    process.env.TMPDIR ?? tmpdir(),
    `kairos-shutdown-${process.pid}-${Date.now()}.sqlite`,
  );
  let started: ChildProcess | undefined;
  let tree: number[] = [];

  test.afterEach(() => {
    for (const pid of tree) if (alive(pid)) process.kill(pid, 'SIGKILL');
    tree = [];
    started = undefined;
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  });

  /** Starts `command` in a process group of its own (as a terminal would) and waits until it serves. */
  async function start(command: string[], port: number) {
    started = spawn(command[0]!, command.slice(1), {
      cwd: root,
      detached: true,
      stdio: 'ignore',
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_PATH: database,
        PORT: String(port),
        HOST: '127.0.0.1',
      },
    });
    const pid = started.pid!;
    const serving = await until(async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200;
      } catch {
        return false;
      }
    }, 60_000);
    expect(serving, 'the server answered within 60 s').toBe(true);
    tree = [pid, ...descendants(pid)];
    // node scripts/start.mjs and next-server at least.
    expect(tree.length).toBeGreaterThanOrEqual(2);
    return pid;
  }

  function refusesConnections(port: number) {
    return new Promise<boolean>((resolve) => {
      const probe = connect(port, '127.0.0.1');
      probe.once('connect', () => {
        probe.destroy();
        resolve(false);
      });
      probe.once('error', () => resolve(true));
    });
  }

  /** A request that never ends: headers promise a body that is never sent. */
  function requestInFlight(port: number) {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write(
      'POST /api/polls HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    return socket;
  }

  const cases: { name: string; command: string[]; stop: (pid: number) => void }[] = [
    {
      name: 'SIGTERM to node scripts/start.mjs',
      command: [process.execPath, 'scripts/start.mjs'],
      stop: (pid) => process.kill(pid, 'SIGTERM'),
    },
    {
      name: 'SIGTERM to npm start',
      command: ['npm', 'start'],
      stop: (pid) => process.kill(pid, 'SIGTERM'),
    },
    {
      name: 'Ctrl-C (SIGINT to the process group) of npm start',
      command: ['npm', 'start'],
      stop: (pid) => process.kill(-pid, 'SIGINT'),
    },
  ];

  for (const [index, { name, command, stop }] of cases.entries()) {
    test(`${name} ends every process within 10 s, a request in flight or not`, async () => {
      test.setTimeout(120_000);
      const port = ownPort(index);
      const pid = await start(command, port);
      const socket = requestInFlight(port);
      stop(pid);
      const gone = await until(() => tree.every((p) => !alive(p)), 10_000);
      socket.destroy();
      expect(
        tree.filter(alive),
        `processes still running 10 s after the signal (tree ${tree})`,
      ).toEqual([]);
      expect(gone).toBe(true);
    });
  }

  test('a request in flight at SIGTERM is answered before the server exits', async () => {
    test.setTimeout(120_000);
    const port = ownPort(3);
    const pid = await start([process.execPath, 'scripts/start.mjs'], port);
    const body = JSON.stringify({
      title: 'Sent during shutdown',
      timeZone: 'Europe/Rome',
      kind: 'timed',
      durationMinutes: 30,
      options: [{ start: '2027-06-10T09:00' }],
    });
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /api/polls HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    );
    process.kill(pid, 'SIGTERM');
    // The server has begun to stop once it refuses new connections. Probed with a new TCP
    // connection each time: fetch would reuse a kept-alive one, which the closing server
    // keeps serving, and so never see the refusal.
    const refusing = await until(() => refusesConnections(port), 10_000);
    expect(refusing).toBe(true);
    socket.end(body.slice(10));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 201 /);
    expect(await until(() => tree.every((p) => !alive(p)), 10_000)).toBe(true);
  });
});
