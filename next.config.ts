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
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // Poll, admin and edit links are secrets: never leak them through Referer.
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default withNextIntl(config);
