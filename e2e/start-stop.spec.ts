import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ownPort } from './own-server';

/**
 * `npm start` stops cleanly: SIGTERM (what a service manager sends) or SIGINT (Ctrl-C) to npm
 * itself ends the whole tree, start.mjs and next-server included, and frees the port. npm
 * runs the script through `sh -c`, which dies of the signal without passing it on unless the
 * script `exec`s node.
 */

const root = path.resolve(__dirname, '..');

/** Those of `pids` still running. */
function alive(pids: number[]): number[] {
  return pids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
}

function descendants(pid: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' });
  const children = new Map<number, number[]>();
  for (const line of out.trim().split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number) as [number, number];
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const all: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      all.push(c);
      walk(c);
    }
  };
  walk(pid);
  return all;
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal} to npm start ends start.mjs and next-server`, async ({ request }) => {
    test.setTimeout(120_000);
    const port = ownPort(1);
    const folder = mkdtempSync(path.join(tmpdir(), 'kairos-start-'));
    const npm = spawn('npm', ['start'], {
      cwd: root,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_PATH: path.join(folder, 'start.sqlite'),
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: 'ignore',
    });
    let tree: number[] = [];
    try {
      await expect
        .poll(
          async () => (await request.get(`http://127.0.0.1:${port}/`).catch(() => null))?.status(),
          {
            timeout: 60_000,
          },
        )
        .toBe(200);
      tree = descendants(npm.pid!);
      expect(tree.length).toBeGreaterThanOrEqual(2);
      npm.kill(signal);
      await expect.poll(() => alive(tree), { timeout: 20_000 }).toEqual([]);
      await expect
        .poll(
          async () => (await request.get(`http://127.0.0.1:${port}/`).catch(() => null)) === null,
          {
            timeout: 10_000,
          },
        )
        .toBe(true);
    } finally {
      for (const pid of alive(tree)) process.kill(pid, 'SIGKILL');
      npm.kill('SIGKILL');
      rmSync(folder, { recursive: true, force: true });
    }
  });
}
