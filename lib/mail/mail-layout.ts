import { formattingLocale, type Locale } from '@/lib/i18n/locales';

/** A mail body as a few kinds of block, so the text and the HTML part say the same thing. */
export type MailBlock =
  | { kind: 'paragraph'; text: string }
  /** What the mail is about (the chosen time): set apart in HTML, its own paragraph in text. */
  | { kind: 'highlight'; text: string }
  /** A link that is the point of the mail: a button in HTML, the bare URL on its own line in text. */
  | { kind: 'action'; label: string; url: string }
  | { kind: 'small'; text: string }
  /** A quiet link under the text (unsubscribe): small in HTML, `label: url` in text. */
  | { kind: 'link'; label: string; url: string };

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Mail clients that follow the reader's dark mode (the mail says it takes both) keep inline
 * colours, which were chosen for a light page: these lift the muted text and links to a
 * readable contrast there. Clients without <style> support show the light colours.
 */
const DARK_STYLE =
  '@media (prefers-color-scheme: dark){body{background:#1c1917!important;color:#f5f5f4!important}.k-muted{color:#d6d3d1!important}.k-link{color:#5eead4!important}}';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Plain text and HTML of the same blocks. The HTML is real text in one column with inline
 * styles only: no images, no remote resources, no tracking, readable with styles off and in
 * a dark-mode client (no background is forced on the text).
 */
export function renderMail(
  locale: Locale,
  subject: string,
  blocks: MailBlock[],
): { text: string; html: string } {
  const text = blocks
    .map((b) =>
      b.kind === 'action'
        ? `${b.label}:\n${b.url}`
        : b.kind === 'link'
          ? `${b.label}: ${b.url}`
          : b.text,
    )
    .join('\n\n');
  const body = blocks
    .map((b) => {
      if (b.kind === 'paragraph')
        return `<p style="margin:0 0 16px;font-size:16px;line-height:1.5">${escapeHtml(b.text)}</p>`;
      if (b.kind === 'highlight')
        return `<p style="margin:0 0 12px;padding:8px 12px;border-left:4px solid #0f766e;font-size:17px;font-weight:600;line-height:1.4">${escapeHtml(b.text)}</p>`;
      if (b.kind === 'small')
        return `<p style="margin:24px 0 0;font-size:13px;line-height:1.5;color:#57534e" class="k-muted">${escapeHtml(b.text)}</p>`;
      const url = escapeHtml(b.url);
      if (b.kind === 'link')
        return `<p style="margin:8px 0 0;font-size:13px;line-height:1.5"><a href="${url}" style="color:#57534e" class="k-muted">${escapeHtml(b.label)}</a></p>`;
      return (
        `<p style="margin:0 0 8px"><a href="${url}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:#0f766e;color:#ffffff;font-weight:600;text-decoration:none">${escapeHtml(b.label)}</a></p>` +
        `<p style="margin:0 0 20px;font-size:13px;word-break:break-all"><a href="${url}" style="color:#0f766e" class="k-link">${url}</a></p>`
      );
    })
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="${formattingLocale(locale, null)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="color-scheme" content="light dark"><title>${escapeHtml(subject)}</title>
<style>${DARK_STYLE}</style></head>
<body style="margin:0;padding:24px 16px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif">
<main style="max-width:560px;margin:0 auto">
${body}
</main>
</body>
</html>
`;
  return { text: `${text}\n`, html };
}

/** An instant as the recipient reads it: their language, their zone, their clock. */
export function formatInstantFor(ms: number, zone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(formattingLocale(locale, null), {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: zone,
  }).format(ms);
}

/** A floating all-day date, the same calendar day for everyone. */
export function formatDateFor(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(formattingLocale(locale, null), {
    dateStyle: 'full',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}
