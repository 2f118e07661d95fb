import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The layer arrows and promise rules of docs/architecture.md hold only while ESLint enforces
 * them: each case writes a small file that breaks one rule into the folder the rule guards,
 * lints it with the project's own configuration, and expects exactly that rule to fire.
 */
const root = path.resolve(import.meta.dirname, '..');
const made: string[] = [];

function probeFolder(layer: string): string {
  const folder = mkdtempSync(path.join(root, layer, 'lint-probe-'));
  made.push(folder);
  return folder;
}

/** `files` may name the probe's folder, as the `@/` import path of a sibling needs it. */
async function rulesFired(
  files: Record<string, string> | ((folder: string) => Record<string, string>),
  layer: string,
): Promise<string[]> {
  const folder = probeFolder(layer);
  const texts = typeof files === 'function' ? files(`${layer}/${path.basename(folder)}`) : files;
  const paths = Object.entries(texts).map(([name, text]) => {
    const file = path.join(folder, name);
    writeFileSync(file, text);
    return file;
  });
  const eslint = new ESLint({ cwd: root });
  const results = await eslint.lintFiles(paths);
  return results.flatMap((r) => r.messages.map((m) => m.ruleId ?? m.message));
}

afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

describe('the lint rules', { timeout: 120_000 }, () => {
  it('refuse the database in app/', async () => {
    const fired = await rulesFired(
      { 'route.ts': "export { getStore } from '@/db/store-selection';\n" },
      'app',
    );
    expect(fired).toContain('no-restricted-imports');
  });

  it('refuse Next.js in server/', async () => {
    const fired = await rulesFired(
      { 'use-case.ts': "export { cookies } from 'next/headers';\n" },
      'server',
    );
    expect(fired).toContain('no-restricted-imports');
  });

  it('refuse the framework in lib/', async () => {
    const fired = await rulesFired({ 'domain.ts': "export { useState } from 'react';\n" }, 'lib');
    expect(fired).toContain('no-restricted-imports');
  });

  it('refuse a Promise used as a condition and one left floating', async () => {
    const fired = await rulesFired(
      {
        'check.ts': [
          'async function isOrganiser(): Promise<boolean> {',
          '  return Promise.resolve(false);',
          '}',
          'export function guard(): string {',
          "  if (isOrganiser()) return 'yes';",
          '  isOrganiser();',
          "  return 'no';",
          '}',
          '',
        ].join('\n'),
      },
      'lib',
    );
    expect(fired).toContain('@typescript-eslint/no-misused-promises');
    expect(fired).toContain('@typescript-eslint/no-floating-promises');
  });

  it('refuse an import cycle', async () => {
    const fired = await rulesFired(
      (folder) => ({
        'a.ts': `import { b } from '@/${folder}/b';\nexport const a = (): number => b() + 1;\n`,
        'b.ts': `import { a } from '@/${folder}/a';\nexport const b = (): number => a() - 1;\n`,
      }),
      'lib',
    );
    expect(fired).toContain('import/no-cycle');
  });
});
