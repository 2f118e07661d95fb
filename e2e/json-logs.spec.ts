import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ownPort, startOwnServer, type OwnServer } from './own-server';

test.describe('KAIROS_LOG_FORMAT=json', () => {
  const database = path.join(
    process.env.TMPDIR ?? tmpdir(),
    `kairos-logs-${process.pid}-${Date.now()}.sqlite`,
  );
  let server: OwnServer | undefined;
  test.afterEach(async () => {
    await server?.stop('SIGKILL');
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  });

  test('writes one JSON line per request with its route pattern, and no token or address', async () => {
    test.setTimeout(120_000);
    server = await startOwnServer({
      port: ownPort(0),
      database,
      env: { KAIROS_LOG_FORMAT: 'json' },
    });
    const created = (await (
      await fetch(`${server.url}/api/polls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Logged',
          timeZone: 'Europe/Rome',
          kind: 'timed',
          durationMinutes: 30,
          options: [{ start: '2027-06-10T09:00' }],
        }),
      })
    ).json()) as { id: string; adminUrl: string; adminToken: string };
    const admin = new URL(created.adminUrl);
    expect((await fetch(`${server.url}${admin.pathname}?from=mail`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/polls/${created.id}`)).status).toBe(200);
    expect((await fetch(`${server.url}/no/such/page`)).status).toBe(404);

    const requests = () =>
      server!
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((l) => l.type === 'request');
    await expect
      .poll(() => requests().map(({ method, route, status }) => ({ method, route, status })))
      .toEqual(
        expect.arrayContaining([
          // startOwnServer's readiness check
          { method: 'GET', route: '/api/polls/[id]', status: 404 },
          { method: 'POST', route: '/api/polls', status: 201 },
          { method: 'GET', route: '/p/[id]/admin/[token]', status: 200 },
          { method: 'GET', route: '/api/polls/[id]', status: 200 },
          { method: 'GET', route: null, status: 404 },
        ]),
      );
    for (const request of requests()) {
      expect(Object.keys(request).sort()).toEqual(
        ['durationMs', 'method', 'route', 'status', 'time', 'type'].sort(),
      );
      expect(typeof request.durationMs).toBe('number');
    }
    const output = server.output();
    expect(output).not.toContain(created.adminToken);
    expect(JSON.stringify(requests())).not.toContain(created.id);
    expect(JSON.stringify(requests())).not.toContain('127.0.0.1');
    expect(JSON.stringify(requests())).not.toContain('from=mail');
  });
});
