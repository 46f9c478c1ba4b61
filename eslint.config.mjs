// ESLint (flat config) with typescript-eslint; formatting is Prettier's job (.prettierrc.json).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

/** SQL stays in repositories (`*-repo.ts`) and the db layer: use cases never hold the raw handle. */
const noRawSql = {
  'no-restricted-syntax': [
    'error',
    {
      selector: "MemberExpression[property.name='sqlite'][object.property.name='env']",
      message: 'SQL belongs in a repository (*-repo.ts); use cases never use ctx.env.sqlite.',
    },
    {
      selector: "CallExpression[callee.property.name='prepare']",
      message: 'Prepared statements belong in a repository (*-repo.ts).',
    },
  ],
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      '.bench/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty-pattern': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Migrations are frozen in time and typed against Kysely<any>; tests read raw JSON answers.
    files: ['migrations/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['electron/backend/**/*.ts'],
    // Besides repositories: SQLite-specific infrastructure (connection, row-sealing triggers, the
    // backup API and its verification), not use cases.
    ignores: [
      'electron/backend/**/*-repo.ts',
      'electron/backend/db/**',
      'electron/backend/index.ts',
      'electron/backend/audit/seal.ts',
      'electron/backend/backup/snapshot.ts',
      'electron/backend/backup/drill.ts',
    ],
    rules: noRawSql,
  },
)
