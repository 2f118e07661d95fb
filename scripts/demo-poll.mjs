// What the screenshot scripts share: Debian's Chromium with the flags this machine needs, and
// a demo poll (Rome organiser, guests on three continents, a few answers) on a running server.
import { chromium } from '@playwright/test';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

async function post(url, body, headers = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return response.json();
}

/** Creates the demo poll and answers it; returns the create answer ({ id, adminUrl, adminToken, … }). */
export async function seedDemoPoll(base, answers) {
  const poll = await post(`${base}/api/polls`, {
    title: 'Ocean-model community call',
    description: 'Monthly call of the ocean-model group: progress reports and the spring workshop.',
    location: 'https://meet.example.org/ocean',
    organiserName: 'Giulia',
    timeZone: 'Europe/Rome',
    guestZones: ['America/New_York', 'America/Los_Angeles', 'Asia/Kathmandu'],
    kind: 'timed',
    durationMinutes: 60,
    options: ['2026-10-27T15:00', '2026-10-28T17:00', '2026-10-29T09:00', '2026-10-29T23:30'].map(
      (start) => ({ start }),
    ),
  });
  const { options } = await fetch(`${base}/api/polls/${poll.id}`).then((r) => r.json());
  for (const [name, timeZone, votes] of answers) {
    await post(`${base}/api/polls/${poll.id}/responses`, {
      name,
      timeZone,
      votes: Object.fromEntries(options.map((o, i) => [o.id, votes[i]])),
    });
  }
  return poll;
}

export { post };
