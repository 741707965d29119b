// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noEditorOrFs = {
  paths: [
    { name: 'vscode', message: 'src/core is editor-free: put VS Code code in src/extension.' },
    { name: 'fs', message: 'src/core has no file system: take a port (src/core/ports.ts).' },
    { name: 'node:fs', message: 'src/core has no file system: take a port (src/core/ports.ts).' },
    { name: 'fs/promises', message: 'src/core has no file system: take a port (src/core/ports.ts).' },
    { name: 'node:fs/promises', message: 'src/core has no file system: take a port (src/core/ports.ts).' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-output/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Absolute paths work on one machine only.
      'no-restricted-imports': ['error', { patterns: [{ regex: '^/', message: 'Import by a relative path or a package name.' }] }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { ...noEditorOrFs, patterns: [{ regex: '^/', message: 'Import by a relative path or a package name.' }] }] },
  },
);
