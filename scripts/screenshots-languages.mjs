// Phone-width screenshots of the participant page in every language, so a person can check
// that long words (German) fit: `node scripts/screenshots-languages.mjs http://127.0.0.1:3000`.
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? 'screenshots';
mkdirSync(out, { recursive: true });

const poll = await fetch(`${base}/api/polls`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    title: 'Ocean-model community call',
    description: 'Monthly call of the ocean-model group: progress reports and the spring workshop.',
    location: 'https://meet.example.org/ocean',
    organiserName: 'Giulia',
    timeZone: 'Europe/Rome',
    kind: 'timed',
    durationMinutes: 90,
    options: ['2026-10-27T15:00', '2026-10-28T17:00', '2026-10-29T09:00', '2026-10-29T23:30'].map((start) => ({ start })),
  }),
}).then((r) => r.json());
const { options } = await fetch(`${base}/api/polls/${poll.id}`).then((r) => r.json());
for (const [name, timeZone, answers] of [
  ['Nic', 'America/Los_Angeles', ['ifneedbe', 'yes', 'no', 'yes']],
  ['Maximilian', 'Europe/Berlin', ['yes', 'yes', 'ifneedbe', 'no']],
]) {
  await fetch(`${base}/api/polls/${poll.id}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, timeZone, votes: Object.fromEntries(options.map((o, i) => [o.id, answers[i]])) }),
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const viewers = [
  ['en-US', 'America/New_York'],
  ['fr-FR', 'Europe/Paris'],
  ['de-DE', 'Europe/Berlin'],
  ['it-IT', 'Europe/Rome'],
  ['es-ES', 'Europe/Madrid'],
];
for (const [locale, timezoneId] of viewers) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId, locale });
  const page = await context.newPage();
  for (const [name, path] of [['participant', `/p/${poll.id}`], ['create', '/'], ['admin', new URL(poll.adminUrl).pathname]]) {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${out}/${name}-${locale}-phone.png`, fullPage: true });
  }
  await context.close();
}
await browser.close();
console.log(`screenshots in ${out}/`);
