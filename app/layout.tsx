import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/ui/site-header';
import { chooseLocale } from '@/app/locale-actions';
import { ZONE_SCRIPT, scriptNonce } from '@/app/viewer-zone';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return {
    title: { default: t('title'), template: t('titleTemplate') },
    description: t('description'),
  };
}

export default async function RootLayout({ children }: LayoutProps<'/'>) {
  const [locale, nonce] = await Promise.all([getLocale(), scriptNonce()]);
  return (
    <html lang={locale}>
      <head>
        {/* Browsers hide a nonce from the DOM once read, so React would see it differ. */}
        <script nonce={nonce} suppressHydrationWarning>
          {ZONE_SCRIPT}
        </script>
      </head>
      <body className="min-h-dvh">
        <NextIntlClientProvider>
          <SiteHeader chooseLocale={chooseLocale} />
          <main className="mx-auto w-full max-w-5xl px-4 pb-16 sm:px-6">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
