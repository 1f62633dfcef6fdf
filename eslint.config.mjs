// ESLint (flat config): typescript-eslint's recommended and type-checked rules, chosen to catch bugs
// (unawaited promises, promises where a callback is expected, non-exhaustive switches); layout
// belongs to Prettier (.prettierrc), and neither set below enables a formatting rule.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import that climbs out of the current folder into a top-level folder of the repository. */
const into = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', '.ci-results/', 'tests/artifacts/', 'tests/neo4j/target/', 'bench/results/'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Each file is checked against the tsconfig.json nearest to it: client/tsconfig.json for client/,
      // the root one for contract/, server/, graph-seed/, tests/ and bench/.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // An async method with nothing to await is how a synchronous store keeps the GraphStore interface
      // (and turns a throw into a rejection): not a bug.
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Tests read answer bodies that are `any` (supertest, JSON.parse, page.evaluate) and assert on them with expect().
  {
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // The browser: no server code and nothing of Node's.
  {
    files: ['client/**'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: into('server', 'graph-seed', 'bench', 'tests'),
              message: 'The browser imports the contract (contract/), never the server.',
            },
            { regex: '^node:', message: 'The browser has no Node built-ins.' },
          ],
        },
      ],
    },
  },
  // The contract is the ground floor: both sides import it, it imports neither.
  {
    files: ['contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: into('server', 'client', 'graph-seed', 'bench', 'tests'), message: 'contract/ imports only itself and zod.' },
            { regex: '^node:', message: 'contract/ runs in the browser too: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  // The server does not reach into the browser's code.
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: into('client'), message: 'The server imports the contract, never the browser.' }] },
      ],
    },
  },
  // Plain JavaScript (config files, child processes the crash tests start): no type information.
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.mts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.mts'],
    languageOptions: { globals: globals.node },
  },
  // The API docs page's script runs in the reader's browser.
  {
    files: ['server/api/docs-page/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
);
