import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

const layer = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

const TEXT_ATTRIBUTE = `JSXAttribute[name.name=/^(${['alt', 'title', 'placeholder', 'label', 'aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext'].join('|')})$/]`;
const WORD = '[value=/\\p{L}/u]';
const WORDS_IN_JSX = [
  `${TEXT_ATTRIBUTE} > Literal${WORD}`,
  `${TEXT_ATTRIBUTE} > JSXExpressionContainer > Literal${WORD}`,
  `${TEXT_ATTRIBUTE} > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal${WORD}`,
  `${TEXT_ATTRIBUTE} > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/\\p{L}/u]`,
  `:matches(JSXElement, JSXFragment) > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal${WORD}`,
];

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'next-env.d.ts',
      'db/migrations/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Type-aware: an un-awaited check (`if (!isAdminOf(…))` once it returns a Promise) passes
  // every request silently; these rules make it fail the lint instead.
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  // The layer arrows of docs/architecture.md: a wrong import fails `npm test`.
  {
    files: ['lib/**/*.ts'],
    rules: layer([
      {
        group: [
          'next',
          'next/*',
          'react',
          'react-dom',
          '@/db/*',
          '@/app/*',
          '@/components/*',
          'better-sqlite3',
          'drizzle-orm',
          'drizzle-orm/*',
        ],
        message: 'lib/ is pure domain logic: no framework, no database.',
      },
    ]),
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: layer([
      {
        group: ['@/db/*', '@/app/*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'],
        message: 'components/ never touch the database or routes.',
      },
    ]),
  },
  {
    files: ['db/**/*.ts'],
    rules: layer([
      {
        group: ['next', 'next/*', '@/app/*', '@/components/*', '@/server/*', 'react'],
        message: 'db/ trusts its input: no Next.js, cookies, headers or use cases.',
      },
    ]),
  },
  {
    files: ['server/**/*.ts'],
    rules: layer([
      {
        group: ['next', 'next/*', 'react', 'react-dom', '@/app/*', '@/components/*'],
        message: 'server/ holds the use cases: the adapter in app/ passes what it read.',
      },
      {
        group: [
          'better-sqlite3',
          'drizzle-orm',
          'drizzle-orm/*',
          '@/db/client',
          '@/db/schema',
          '@/db/queries',
          '@/db/mutations',
        ],
        message:
          'server/ persists through the Store interface (db/store.ts), which every engine implements: SQL lives in db/ only.',
      },
    ]),
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: layer([
      {
        group: ['@/db/*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'luxon'],
        message: 'app/ asks server/ (the use cases) for data and lib/ for time arithmetic.',
      },
    ]),
  },
  // An import cycle makes load order decide what a module sees; none is allowed anywhere.
  {
    files: ['**/*.{ts,tsx,mjs}'],
    rules: { 'import/no-cycle': 'error' },
  },
  // Every word a person reads comes from the message catalogue, so it exists in every language.
  // Punctuation and symbols are the same in all of them and may stay in the markup.
  {
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    rules: {
      'react/jsx-no-literals': [
        'error',
        {
          noStrings: true,
          ignoreProps: true,
          allowedStrings: ['·', '–', '—', '×', '(', ')', '★', '‹', '›', ':', ',', '/', '…', '⊘'],
        },
      ],
      // jsx-no-literals lets className and `cond ? 'a' : 'b'` through; these catch the words among them.
      'no-restricted-syntax': [
        'error',
        ...WORDS_IN_JSX.map((selector) => ({
          selector,
          message:
            'Text a person reads or hears comes from the message catalogue (messages/en.json).',
        })),
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: layer([{ group: ['@/*'], message: 'e2e specs test the app over HTTP only.' }]),
  },
);
