import Link from 'next/link';
import { useTranslations } from 'next-intl';

export function SiteHeader() {
  const t = useTranslations('header');
  return (
    <header className="mx-auto flex w-full max-w-5xl items-center justify-between px-4 py-5 sm:px-6">
      <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
        <span aria-hidden="true" className="grid size-8 place-items-center rounded-lg bg-accent text-accent-ink">
          K
        </span>
        {t('brand')}
      </Link>
      <span className="hint hidden sm:inline">{t('tagline')}</span>
    </header>
  );
}
