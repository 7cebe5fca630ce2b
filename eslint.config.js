// One lint setup for the whole repository. Workflow code runs in Temporal's
// deterministic sandbox, so it may not touch Node built-ins, and a floating
// promise there is a lost step of a process.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['node_modules/**', '.data/**', 'prisma/generated/**', 'dist/**', 'console/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https'], message: 'Workflow code must stay deterministic: no Node built-ins.' },
            { group: ['../activities/*', '../activities'], allowTypeImports: true, message: 'Import activities with `import type` only.' },
          ],
        },
      ],
    },
  },
  // Layers point one way (shared/STYLE.md): no import loops, and nothing
  // below the workflows reaches up into them. Type-only imports count too: a
  // loop of types is still two modules that cannot be understood apart.
  {
    files: ['**/*.ts'],
    ignores: ['tests/**'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/extensions': ['.ts', '.js'], 'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] }, 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['activities/**/*.ts', 'config/**/*.ts', 'db/**/*.ts', 'domain/**/*.ts', 'queue/**/*.ts', 'temporal/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+(workflows|api|worker)(/|$)', message: 'Imports run down (api/worker → workflows → activities → config/queue/db → domain): move what both sides need below them.' }] },
      ],
    },
  },
  {
    // Factories take their deps from ./deps; ./index assembles them (no-cycle does not see type-only loops).
    files: ['activities/**/*.ts'],
    ignores: ['activities/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+(workflows|api|worker)(/|$)', message: 'Imports run down: activities never reach up.' }, { regex: '^\\./(index)?$', message: 'Import ActivityDeps from ./deps: ./index imports every factory.' }] }] },
  },
  {
    // The engine's requests are typed from @temporalio/proto (engine/wire.ts).
    files: ['engine/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
