// Screenshots and page heights of the answer grid and the organiser's page, at 1280 and
// 390 px, light and dark: `node scripts/screenshots-grid.mjs http://127.0.0.1:3000 [out]`.
// Seeds a 15-option poll with 20 answers and a 20-option poll with 5 answers (the sizes
// issue 13 measured), and prints each page's height and whether it scrolls sideways.
import { mkdirSync } from 'node:fs';
import { launchChromium, post } from './demo-poll.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? 'screenshots';
mkdirSync(out, { recursive: true });

const ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Sydney',
];
const VALUES = ['yes', 'ifneedbe', 'no'];

async function seed(title, starts, people) {
  const poll = await post(`${base}/api/polls`, {
    title,
    description: 'Monthly call of the ocean-model group: progress reports and the spring workshop.',
    organiserName: 'Giulia',
    timeZone: 'Europe/Rome',
    guestZones: ['America/New_York', 'America/Los_Angeles', 'Asia/Kathmandu'],
    kind: 'timed',
    durationMinutes: 60,
    options: starts.map((start) => ({ start })),
  });
  const { options } = await fetch(`${base}/api/polls/${poll.id}`).then((r) => r.json());
  for (let i = 0; i < people; i++) {
    await post(`${base}/api/polls/${poll.id}/responses`, {
      name: `${['Nic', 'Ryan', 'Aarav', 'Giulia', 'Mei', 'Ola', 'Sam'][i % 7]} ${i + 1}`,
      timeZone: ZONES[i % ZONES.length],
      votes: Object.fromEntries(options.map((o, j) => [o.id, VALUES[((i * 7 + j * 3) % 5) % 3]])),
    });
  }
  return poll;
}

const days = ['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12'];
const fifteen = await seed(
  'Fifteen options',
  days.flatMap((d) => ['09:00', '15:00', '18:00'].map((t) => `${d}T${t}`)),
  20,
);
const twenty = await seed(
  'Twenty options',
  days.flatMap((d) => ['08:00', '11:00', '15:00', '18:00'].map((t) => `${d}T${t}`)),
  5,
);
const pages = {
  participant: `/p/${fifteen.id}`,
  admin: new URL(twenty.adminUrl).pathname,
};

const browser = await launchChromium();
for (const width of [1280, 390]) {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      timezoneId: 'America/New_York',
      locale: 'en-US',
      colorScheme,
    });
    const page = await context.newPage();
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(`${base}${path}`);
      await page.waitForLoadState('networkidle');
      const { height, sideways } = await page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      }));
      console.log(
        `${name} ${width}px ${colorScheme}: ${height} px tall${sideways ? ', SCROLLS SIDEWAYS' : ''}`,
      );
      await page.screenshot({
        path: `${out}/grid-${name}-${width}-${colorScheme}.png`,
        fullPage: true,
      });
      // A phone page is too tall to read whole: also in screen-sized pieces.
      for (let y = 0; width < 900 && y < height; y += 1400) {
        await page.screenshot({
          path: `${out}/grid-${name}-${width}-${colorScheme}-${y / 1400 + 1}.png`,
          fullPage: true,
          clip: { x: 0, y, width, height: Math.min(1400, height - y) },
        });
      }
    }
    await context.close();
  }
}
await browser.close();
