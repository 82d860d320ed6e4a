// @ts-check
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.turbo/**', 'packages/db/migrations/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Configuration is read and validated in one place per app (env.ts, main.ts,
      // packages/config); everywhere else it arrives as typed dependencies.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration in env.ts or main.ts and pass it in as a dependency.',
        },
      ],
    },
    settings: {
      // Workspace packages export TypeScript source, so the resolver must know .ts.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.js'],
    },
  },
  {
    files: [
      '**/src/env.ts',
      '**/src/main.ts',
      'packages/config/src/**',
      '**/*.test.ts',
      '**/test/**',
      'packages/testing/src/**',
      '**/src/testing.ts',
      '**/*.config.ts',
      'scripts/**',
      // Command-line tools (the benchmark, the rush's check) are entry points, like main.ts.
      'load-tests/tools/**',
      'packages/*/bin/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Pulumi mock tests read resources as the engine receives them: untyped JSON.
    files: ['deploy/test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
