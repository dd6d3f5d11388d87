// ESLint flat config: typescript-eslint's recommended rules over the whole tree (npm test runs it
// after tsc and before vitest). Type-aware rules are left out on purpose: they need the whole
// program and would double the time tsc already spends on it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.liftbook/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused names are dead code; a leading underscore marks a deliberately ignored one.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // The sanitizers match control characters on purpose.
    files: ['client/src/outputs/safe-html.ts', 'server/report/sanitize.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Tests poke at untyped fixtures and DOM shims; `any` there costs nothing shipped.
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The few plain-JS launchers run under Node.
    files: ['bin/**/*.js', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
