// Phone-width screenshots of the participant page in every language, so a person can check
// that long words (German) fit: `node scripts/screenshots-languages.mjs http://127.0.0.1:3000`.
import { mkdirSync } from 'node:fs';
import { launchChromium, seedDemoPoll } from './demo-poll.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? 'screenshots';
mkdirSync(out, { recursive: true });

const poll = await seedDemoPoll(base, [
  ['Nic', 'America/Los_Angeles', ['ifneedbe', 'yes', 'no', 'yes']],
  ['Maximilian', 'Europe/Berlin', ['yes', 'yes', 'ifneedbe', 'no']],
]);
const browser = await launchChromium();
const viewers = [
  ['en-US', 'America/New_York'],
  ['fr-FR', 'Europe/Paris'],
  ['de-DE', 'Europe/Berlin'],
  ['it-IT', 'Europe/Rome'],
  ['es-ES', 'Europe/Madrid'],
];
for (const [locale, timezoneId] of viewers) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    timezoneId,
    locale,
  });
  const page = await context.newPage();
  for (const [name, path] of [
    ['participant', `/p/${poll.id}`],
    ['create', '/'],
    ['admin', new URL(poll.adminUrl).pathname],
  ]) {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${out}/${name}-${locale}-phone.png`, fullPage: true });
  }
  await context.close();
}
await browser.close();
console.log(`screenshots in ${out}/`);
