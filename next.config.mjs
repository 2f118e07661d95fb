// @ts-check
// JavaScript, not TypeScript: `next start` would load the SWC compiler (tens of MB resident)
// only to read a TypeScript config.
import { PHASE_PRODUCTION_SERVER } from 'next/constants.js';

/** @type {import('next').NextConfig} */
const config = {
  poweredByHeader: false,
  // proxy.ts must see a client navigation for what it is (its flight headers and `_rsc`
  // query), which Next.js otherwise strips before the proxy: app/page-cache.ts keeps HTML only.
  skipProxyUrlNormalize: true,
  // `npm test` typechecks first (tsc with next typegen); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Matches the API's body limit: a 500-option poll is about 20 kB.
    serverActions: { bodySizeLimit: '100kb' },
    // proxy.ts runs on every write, and Next.js buffers a copy of the body for it: cap that
    // copy a little above the body limits, so a 10 MB body costs no more than this.
    proxyClientMaxBodySize: '128kb',
    // Load each route's code when it is first asked for, not every route at start-up: the
    // OpenAPI document, the exports and the organiser's pages stay out of memory until used.
    preloadEntriesOnStart: false,
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // Poll, admin and edit links are secrets: a Referer never holds more than the site's
          // origin, to other sites or to our own (a proxy's log). Not no-referrer: under it a
          // form posted without JavaScript says Origin: null and Next.js refuses the action.
          { key: 'Referrer-Policy', value: 'strict-origin' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          // Browsers without CSP frame-ancestors (set per request in proxy.ts) still refuse frames.
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

/** @param {string} phase @returns {Promise<import('next').NextConfig>} */
export default async function nextConfig(phase) {
  // The next-intl plugin points its `next-intl/config` alias at i18n/request.ts, a job for
  // the bundler. Loading it also loads @swc/core and a file watcher (tens of MB resident)
  // that a production server would carry for nothing.
  if (phase === PHASE_PRODUCTION_SERVER) return config;
  const { default: createNextIntlPlugin } = await import('next-intl/plugin');
  return createNextIntlPlugin('./i18n/request.ts')(config);
}
