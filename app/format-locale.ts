import { headers } from 'next/headers';

/**
 * The locale for dates and times: the browser's first Accept-Language tag (en-US reads
 * "2:00 PM", en-GB "14:00"), independent of which catalogue language is shown.
 */
export async function formatLocale(): Promise<string> {
  const first = ((await headers()).get('accept-language') ?? '').split(',')[0]?.split(';')[0]?.trim();
  if (first) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(first);
      if (supported) return supported;
    } catch {
      // A malformed tag is the browser's problem, not the page's: fall through.
    }
  }
  return 'en-GB';
}
