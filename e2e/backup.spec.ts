import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { ownPort, startOwnServer, type OwnServer } from './own-server';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');

async function createPoll(base: string, title: string) {
  const created = (await (
    await fetch(`${base}/api/polls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title,
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 30,
        options: ['09:00', '10:00'].map((t) => ({ start: `2027-06-10T${t}` })),
      }),
    })
  ).json()) as { id: string };
  const poll = (await (await fetch(`${base}/api/polls/${created.id}`)).json()) as {
    options: { id: string }[];
  };
  return { id: created.id, optionIds: poll.options.map((o) => o.id) };
}

async function answer(base: string, poll: { id: string; optionIds: string[] }, name: string) {
  const response = await fetch(`${base}/api/polls/${poll.id}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      timeZone: 'Asia/Kathmandu',
      votes: Object.fromEntries(poll.optionIds.map((id) => [id, 'yes'])),
    }),
  });
  return response.status;
}

test.describe('npm run backup', () => {
  let folder = '';
  const servers: OwnServer[] = [];
  test.beforeEach(() => {
    folder = mkdtempSync(path.join(process.env.TMPDIR ?? tmpdir(), 'kairos-backup-'));
  });
  test.afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  test('copies the database while the server writes, and the restored copy reads back the same', async () => {
    test.setTimeout(180_000);
    const database = path.join(folder, 'live.sqlite');
    const live = await startOwnServer({ port: ownPort(0), database });
    servers.push(live);
    const settled = await createPoll(live.url, 'Settled before the backup');
    for (const name of ['Ana', 'Bo', 'Chandra'])
      expect(await answer(live.url, settled, name)).toBe(201);
    const before = await (await fetch(`${live.url}/api/polls/${settled.id}`)).text();

    // Writes to another poll go on during the backup: it must not wait for them or break them.
    const busy = await createPoll(live.url, 'Busy during the backup');
    let writing = true;
    const statuses: number[] = [];
    const writer = (async () => {
      for (let n = 0; writing; n++) statuses.push(await answer(live.url, busy, `Writer ${n}`));
    })();
    const backup = path.join(folder, 'backup.sqlite');
    const { stdout } = await run('npm', ['run', '--silent', 'backup', '--', backup], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: database },
    });
    writing = false;
    await writer;
    expect(stdout).toContain(`→ ${backup}`);
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set([201]));
    expect(existsSync(`${backup}.partial`)).toBe(false);

    // Restore into an empty place, as after losing the machine, and serve from it.
    const restored = path.join(mkdtempSync(path.join(folder, 'restore-')), 'kairos.sqlite');
    copyFileSync(backup, restored);
    const server = await startOwnServer({ port: ownPort(1), database: restored });
    servers.push(server);
    expect(await (await fetch(`${server.url}/api/polls/${settled.id}`)).text()).toBe(before);
    const copied = (await (await fetch(`${server.url}/api/polls/${busy.id}`)).json()) as {
      participants: unknown[];
    };
    expect(copied.participants.length).toBeLessThanOrEqual(statuses.length);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  test('refuses to overwrite a file, and points PostgreSQL to pg_dump', async () => {
    const existing = path.join(folder, 'existing.sqlite');
    copyFileSync(path.join(root, 'package.json'), existing);
    const overwrite = await run('npm', ['run', '--silent', 'backup', '--', existing], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: existing },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(overwrite).toMatchObject({ code: 1 });
    expect((overwrite as { stderr: string }).stderr).toContain('a backup never overwrites');

    const postgres = await run('npm', ['run', '--silent', 'backup', '--', 'x.sqlite'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: 'postgres://kairos@127.0.0.1:1/kairos' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(postgres).toMatchObject({ code: 1 });
    expect((postgres as { stderr: string }).stderr).toContain('pg_dump');
  });
});
