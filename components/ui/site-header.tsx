import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { LanguageMenu } from '@/components/ui/language-menu';

export function SiteHeader({ chooseLocale }: { chooseLocale: (locale: string) => Promise<void> }) {
  const t = useTranslations('header');
  return (
    <header className="mx-auto flex w-full max-w-5xl items-center justify-between gap-4 px-4 py-5 sm:px-6">
      <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
        {/* The mark is the brand's initial, the same in every language. */}
        <span
          aria-hidden="true"
          className="grid size-8 place-items-center rounded-lg bg-accent text-accent-ink"
        >
          {t('brand').charAt(0)}
        </span>
        {t('brand')}
      </Link>
      <div className="flex min-w-0 items-center gap-4">
        <span className="hint hidden text-right md:inline">{t('tagline')}</span>
        <LanguageMenu choose={chooseLocale} />
      </div>
    </header>
  );
}
