import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_EXAMPLES, openApiDocument } from '@/lib/export/openapi';

const APP_DIR = path.join(process.cwd(), 'app');
// The feed's folder is `[file]`, as a dynamic segment cannot carry a suffix: `{token}.ics`.
const ROUTE_DIRS = { api: {}, feed: { '/feed/{file}': '/feed/{token}.ics' } } as const;

/** Every route.ts under app/api and app/feed as "METHOD /path/{param}". */
function servedRoutes(dir: string, renamed: Record<string, string>): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return servedRoutes(full, renamed);
    if (entry !== 'route.ts') return [];
    const folder = `/${path.relative(APP_DIR, path.dirname(full))}`.replace(
      /\[([^\]]+)\]/g,
      '{$1}',
    );
    const url = renamed[folder] ?? folder;
    const methods = [
      ...readFileSync(full, 'utf8').matchAll(
        /export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g,
      ),
    ].map((m) => m[1]);
    return methods.map((m) => `${m} ${url}`);
  });
}

describe('the OpenAPI document', () => {
  const document = openApiDocument();

  it('is OpenAPI 3.1', () => {
    expect(document.openapi).toBe('3.1.0');
  });

  it('lists every route the app serves under /api/ and /feed/, and nothing it does not serve', () => {
    const documented = Object.entries(document.paths ?? {}).flatMap(([url, item]) =>
      Object.keys(item ?? {})
        .filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k))
        .map((m) => `${m.toUpperCase()} ${url}`),
    );
    const served = Object.entries(ROUTE_DIRS).flatMap(([dir, renamed]) =>
      servedRoutes(path.join(APP_DIR, dir), renamed),
    );
    expect(served.length).toBeGreaterThanOrEqual(10);
    expect(new Set(documented)).toEqual(new Set(served));
  });

  it.each(Object.entries(API_EXAMPLES))(
    'has a %s example that its schema accepts',
    (_name, { schema, example }) => {
      expect(schema.safeParse(example).success).toBe(true);
    },
  );

  it('embeds exactly those examples in the request bodies', () => {
    const embedded = JSON.stringify(document);
    for (const { example } of Object.values(API_EXAMPLES))
      expect(embedded).toContain(JSON.stringify(example));
  });
});
