// Takes desktop and 390 px screenshots of the main pages against a running server, so a
// person can look at what changed: `node scripts/screenshots.mjs http://127.0.0.1:3000`.
import { mkdirSync } from 'node:fs';
import { launchChromium, post, seedDemoPoll } from './demo-poll.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? 'screenshots';
mkdirSync(out, { recursive: true });

const poll = await seedDemoPoll(base, [
  ['Nic', 'America/Los_Angeles', ['ifneedbe', 'yes', 'no', 'yes']],
  ['Ryan', 'America/New_York', ['yes', 'yes', 'ifneedbe', 'no']],
  ['Aarav', 'Asia/Kathmandu', ['no', 'ifneedbe', 'yes', 'yes']],
]);
const browser = await launchChromium();
const pages = { create: '/', participant: `/p/${poll.id}`, admin: new URL(poll.adminUrl).pathname };
for (const [width, label] of [
  [1280, 'desktop'],
  [390, 'phone'],
]) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    timezoneId: 'America/New_York',
    locale: 'en-US',
  });
  const page = await context.newPage();
  for (const [name, path] of Object.entries(pages)) {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${out}/${name}-${label}.png`, fullPage: true });
  }
  await context.close();
}

// The fair-time finder, with guests in New York and Los Angeles and the week's suggestions.
for (const [width, label] of [
  [1280, 'desktop'],
  [390, 'phone'],
]) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    timezoneId: 'Europe/Rome',
    locale: 'en-GB',
  });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  for (const city of ['America/New_York', 'America/Los_Angeles']) {
    // The guest field is a combobox: a typed zone name is taken on Enter.
    await page.getByLabel('Add a guest city').fill(city);
    await page.getByLabel('Add a guest city').press('Enter');
  }
  await page.getByLabel('Week of').fill('2026-10-26');
  await page.getByRole('button', { name: 'Suggest fair times' }).click();
  await page.screenshot({ path: `${out}/create-finder-${label}.png`, fullPage: true });
  await context.close();
}

// The scheduled state: the organiser picks the fairest time; everyone sees it on top.
await post(`${base}/api/polls/${poll.id}/comments`, {
  author: 'Ryan',
  body: 'Wednesday works; 12:00 is lunch here but fine.',
});
const { ranking } = await fetch(`${base}/api/polls/${poll.id}`).then((r) => r.json());
await post(
  `${base}/api/polls/${poll.id}/finalise`,
  { optionId: ranking[0].optionId },
  { authorization: `Bearer ${poll.adminToken}` },
);
for (const [width, label] of [
  [1280, 'desktop'],
  [390, 'phone'],
]) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    timezoneId: 'Asia/Kathmandu',
    locale: 'en-GB',
  });
  const page = await context.newPage();
  await page.goto(`${base}/p/${poll.id}`);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/participant-scheduled-${label}.png`, fullPage: true });
  await page.goto(`${base}${pages.admin}`);
  await page.getByText('Change the title, options, deadline, limit or privacy').click();
  await page.screenshot({ path: `${out}/admin-scheduled-${label}.png`, fullPage: true });
  await context.close();
}
await browser.close();
console.log(`screenshots in ${out}/`);
