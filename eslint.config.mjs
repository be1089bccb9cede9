// The repo lints itself. Besides typescript-eslint's recommended rules, it enforces the
// architecture's import boundaries (ARCHITECTURE.md, "Architecture invariants").
import tseslint from 'typescript-eslint';

const editorApis = ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument', 'vscode-languageclient', 'vscode-languageclient/*'];
const lintApis = ['eslint', '@typescript-eslint/*', 'typescript-eslint'];

export default tseslint.config(
  { ignores: ['**/dist/**', 'out/**', 'node_modules/**', 'test/corpus/**', 'test/holdout/**', 'test/fixtures/**', 'examples/**', 'e2e/editor/**', 'test-output/**', '.bench/**', '.e2e/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['rules/src/**/*.ts'],
    ignores: ['rules/src/eslint/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...editorApis, ...lintApis], message: 'The engine knows neither VS Code, LSP nor ESLint (ARCHITECTURE.md invariants).' }, { group: ['typescript'], message: "Import `ts` from ts-morph: ts-morph bundles its own TypeScript." }] }],
    },
  },
  {
    files: ['rules/src/eslint/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: editorApis, message: 'The ESLint plugin must install without VS Code or LSP packages.' }] }],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['vscode', 'vscode-languageclient', 'vscode-languageclient/*', ...lintApis], message: 'The server speaks LSP only; it never imports the VS Code API or ESLint.' }] }],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/rules/src/**', 'vscode-languageserver', 'vscode-languageserver/*', ...lintApis], message: 'The client talks to the engine through the language server only.' }] }],
    },
  },
);
