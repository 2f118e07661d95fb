import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { verdict, withBenchServer, type BenchServer } from './server';

/**
 * First-load JavaScript of the participant page and of the create page, measured in
 * Chromium: every script the page loads until the network is idle, each gzipped (level 6,
 * what servers send) and summed. Next.js 16 no longer prints first-load sizes in the build
 * output. The page's own HTML (which carries the poll's data) is reported beside it.
 */

const TARGET_KB = 128;

interface Weight {
  scripts: { url: string; raw: number; gzip: number }[];
  html: { raw: number; gzip: number };
}

async function measure(server: BenchServer, path: string, expectedStatus: number): Promise<Weight> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    // The zone the browser would report is already known, so the head script does not
    // reload the page (a reload would throw away the bodies being weighed).
    const context = await browser.newContext({ timezoneId: 'Europe/Rome' });
    await context.addCookies([
      { name: 'kairos_seen_zone', value: 'Europe%2FRome', url: server.url },
    ]);
    const page = await context.newPage();
    const bodies: Promise<{ url: string; raw: number; gzip: number }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script' || !response.url().startsWith(server.url))
        return;
      bodies.push(
        response.body().then((body) => ({
          url: new URL(response.url()).pathname,
          raw: body.length,
          gzip: gzipSync(body).length,
        })),
      );
    });
    const document = await page.goto(`${server.url}${path}`, {
      waitUntil: 'networkidle',
      timeout: 120_000,
    });
    if (document?.status() !== expectedStatus)
      throw new Error(`${path} answered ${document?.status()}`);
    // Chromium does not keep a multi-megabyte document for the inspector: read it again.
    const html = Buffer.from(await (await fetch(`${server.url}${path}`)).arrayBuffer());
    return {
      scripts: await Promise.all(bodies),
      html: { raw: html.length, gzip: gzipSync(html).length },
    };
  } finally {
    await browser.close();
  }
}

export async function runPageWeightBench(server: BenchServer, pollId: string): Promise<void> {
  // The least any page loads: React, the Next.js runtime and the layout (the 404 page).
  const floor = await measure(server, '/p/doesnotexist0000', 404);
  const shared = new Set(floor.scripts.map((s) => s.url));
  const kb = (bytes: number) => bytes / 1024;
  console.log(`page weight: first load in Chromium until the network is idle`);
  for (const [label, path] of [
    ['participant page (15×20 poll)', `/p/${pollId}`],
    ['create page', '/'],
  ] as const) {
    const { scripts, html } = await measure(server, path, 200);
    const total = kb(scripts.reduce((sum, s) => sum + s.gzip, 0));
    console.log(
      `  ${label}: JavaScript, ${scripts.length} files, gzip ${total.toFixed(1).padStart(6)} kB   target ≤ ${TARGET_KB} kB   ${verdict(total, TARGET_KB, 'atMost')}`,
    );
    console.log(
      `    uncompressed ${kb(scripts.reduce((sum, s) => sum + s.raw, 0)).toFixed(1)} kB; framework and layout (what the 404 page loads too) ${kb(
        scripts.filter((s) => shared.has(s.url)).reduce((sum, s) => sum + s.gzip, 0),
      ).toFixed(
        1,
      )} kB gzip; the HTML ${kb(html.gzip).toFixed(1)} kB gzip, ${kb(html.raw).toFixed(0)} kB uncompressed`,
    );
    for (const script of [...scripts].sort((a, b) => b.gzip - a.gzip).slice(0, 5)) {
      console.log(`    ${script.url.padEnd(48)} ${kb(script.gzip).toFixed(1).padStart(6)} kB gzip`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  withBenchServer(async (server) => {
    const created = await fetch(`${server.url}/api/polls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Page weight',
        timeZone: 'Europe/Rome',
        kind: 'timed',
        durationMinutes: 60,
        options: [{ start: '2027-06-10T10:00' }],
      }),
    });
    await runPageWeightBench(server, ((await created.json()) as { id: string }).id);
  }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
