import { get } from 'node:http';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { moveDeadline } from './database';

// Pages served again to the next viewer who would get the same bytes (app/page-cache.ts):
// what must still differ per response, and what must show at once.

async function poll(request: APIRequestContext) {
  const created = await (
    await request.post('/api/polls', {
      data: {
        title: 'Kept page',
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 60,
        options: [{ start: '2027-06-10T10:00' }, { start: '2027-06-10T17:00' }],
      },
    })
  ).json();
  const options = (await (await request.get(`/api/polls/${created.id}`)).json()).options as {
    id: string;
  }[];
  return {
    id: created.id as string,
    adminToken: created.adminToken as string,
    optionIds: options.map((o) => o.id),
  };
}

async function page(response: APIResponse) {
  const html = await response.text();
  const policy = response.headers()['content-security-policy'] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  return {
    html,
    nonce,
    nonces: new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1])),
    // The page without its nonce, to compare two responses.
    bare: nonce ? html.split(nonce).join('NONCE') : html,
  };
}

test('each response carries a fresh nonce, the one in its policy', async ({ request }) => {
  const { id } = await poll(request);
  const seen = new Set<string>();
  for (const path of [`/p/${id}`, `/p/${id}`, '/', '/']) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()['referrer-policy']).toBe('strict-origin');
    const { nonce, nonces } = await page(response);
    expect(nonce).toBeTruthy();
    expect([...nonces]).toEqual([nonce]);
    expect(seen.has(nonce!)).toBe(false);
    seen.add(nonce!);
  }
});

test('an answer, a comment and a passed deadline show at the next read', async ({ request }) => {
  const { id, adminToken, optionIds } = await poll(request);
  const before = await page(await request.get(`/p/${id}`));
  expect(before.html).not.toContain('Zoë Kept');
  await request.post(`/api/polls/${id}/responses`, {
    data: { name: 'Zoë Kept', timeZone: 'Asia/Kathmandu', votes: { [optionIds[0]!]: 'yes' } },
  });
  expect((await page(await request.get(`/p/${id}`))).html).toContain('Zoë Kept');
  await request.post(`/api/polls/${id}/comments`, {
    data: { author: 'Bea', body: 'A comment kept nowhere stale' },
  });
  expect((await page(await request.get(`/p/${id}`))).html).toContain(
    'A comment kept nowhere stale',
  );
  const admin = { authorization: `Bearer ${adminToken}` };
  const soon = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
  await request.patch(`/api/polls/${id}`, { headers: admin, data: { deadline: soon } });
  expect((await page(await request.get(`/p/${id}`))).html).toContain('Answers close');
  await moveDeadline(id, Date.now() - 60_000);
  const closed = (await page(await request.get(`/p/${id}`))).html;
  expect(closed).toContain('Answers closed');
});

test('the page follows the request’s language and zone', async ({ request }) => {
  const { id } = await poll(request);
  const lang = async (headers: Record<string, string>) =>
    /<html lang="([^"]+)"/.exec((await page(await request.get(`/p/${id}`, { headers }))).html)?.[1];
  expect(await lang({ 'accept-language': 'fr-FR' })).toBe('fr');
  expect(await lang({ 'accept-language': 'de-DE' })).toBe('de');
  expect(await lang({ cookie: 'kairos_locale=es', 'accept-language': 'de-DE' })).toBe('es');
  const at = async (zone: string) =>
    (await page(await request.get(`/p/${id}`, { headers: { cookie: `kairos_zone=${zone}` } })))
      .html;
  // 10:00 in Rome is 13:45 in Kathmandu and 04:00 in New York on 10 June 2027.
  expect(await at('Asia/Kathmandu')).toContain('13:45');
  expect(await at('America/New_York')).not.toContain('13:45');
});

test('a client navigation gets the page’s flight data, never a kept HTML page', async ({
  request,
}) => {
  const { id } = await poll(request);
  await request.get(`/p/${id}`);
  const flight = await request.get(`/p/${id}?_rsc=abc`, { headers: { rsc: '1' } });
  expect(flight.headers()['content-type']).toContain('text/x-component');
  expect(await flight.text()).not.toContain('<html');
});

test('a viewer’s own answer is never served to another viewer', async ({ request }) => {
  const { id, optionIds } = await poll(request);
  const answered = await (
    await request.post(`/api/polls/${id}/responses`, {
      data: { name: 'Own Row', timeZone: 'UTC', votes: { [optionIds[0]!]: 'yes' } },
    })
  ).json();
  const cookie = `kairos_edit_${id}=${answered.participantId}.${answered.editToken}`;
  const own = (await page(await request.get(`/p/${id}`, { headers: { cookie } }))).bare;
  const stranger = (await page(await request.get(`/p/${id}`, { headers: { cookie: '' } }))).bare;
  // The viewer's form holds their answer; a stranger's is empty.
  expect(own).toContain('value="Own Row"');
  expect(stranger).not.toContain('value="Own Row"');
  expect(stranger).toBe((await page(await request.get(`/p/${id}`))).bare);
  // After the stranger's page is kept, the viewer still gets their own.
  const again = (await page(await request.get(`/p/${id}`, { headers: { cookie } }))).bare;
  expect(again).toContain('value="Own Row"');
});

test.describe('two people answering the same kept page without JavaScript', () => {
  test.use({ javaScriptEnabled: false, locale: 'en-GB', timezoneId: 'Europe/Rome' });

  test('each answer is stored: the page carries nothing one of them could share', async ({
    browser,
    request,
  }) => {
    const { id } = await poll(request);
    const names = ['First Kept', 'Second Kept'];
    for (const name of names) {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
      const viewer = await context.newPage();
      await viewer.goto(`/p/${id}`);
      await viewer.getByLabel('Your name').fill(name);
      await viewer.getByRole('radio', { name: 'Yes', exact: true }).first().check();
      await viewer.getByRole('button', { name: 'Send answer' }).click();
      await viewer.waitForLoadState('load');
      await context.close();
    }
    const stored = (await (await request.get(`/api/polls/${id}`)).json()).participants as {
      name: string;
    }[];
    expect(stored.map((p) => p.name).sort()).toEqual(names);
  });
});

/** A GET with a Host header of our choosing (Playwright's request and fetch replace it). */
function getWithHost(url: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { host } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

test('the organiser’s links name the host each request came by, kept or not', async ({
  request,
  baseURL,
}) => {
  const created = await (
    await request.post('/api/polls', {
      data: {
        title: 'Hosts',
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 60,
        options: [{ start: '2027-06-10T10:00' }],
      },
    })
  ).json();
  const admin = `${baseURL}${new URL(created.adminUrl as string).pathname}`;
  const links = async (host: string) =>
    new Set(
      [...(await getWithHost(admin, host)).matchAll(/https?:\/\/([a-z0-9.:-]+)\/p\//g)].map(
        (m) => m[1],
      ),
    );
  for (const host of ['kairos.example.org', 'meet.example.net:8443', 'kairos.example.org']) {
    expect([...(await links(host))]).toEqual([host]);
  }
});
