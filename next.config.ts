import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const config: NextConfig = {
  poweredByHeader: false,
  // `npm test` typechecks first (tsc with next typegen); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Matches the API's body limit: a 500-option poll is about 20 kB.
    serverActions: { bodySizeLimit: '100kb' },
    // proxy.ts runs on every write, and Next.js buffers a copy of the body for it: cap that
    // copy a little above the body limits, so a 10 MB body costs no more than this.
    proxyClientMaxBodySize: '128kb',
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // Poll, admin and edit links are secrets: never leak them through Referer.
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          // Browsers without CSP frame-ancestors (set per request in proxy.ts) still refuse frames.
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default withNextIntl(config);
