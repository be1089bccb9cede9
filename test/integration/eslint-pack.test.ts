/**
 * As a user's CI would: `npm pack` the built plugin, install the tarball with ESLint and
 * typescript-eslint into a fresh project with a flat eslint.config.js, run the real `eslint`
 * binary and the packaged `zero-trust-ai scan` on a copy of the example app, and compare. The
 * installed tree must hold no VS Code or language-server package.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Package names that belong to the editor front end and must never reach a CI install. */
const EDITOR_PACKAGE = /^(vscode|vscode-.*|@vscode\/.*)$/;

function installedPackages(nodeModules: string): string[] {
  const names: string[] = [];
  const visit = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir)) {
      if (entry.startsWith('.')) continue;
      const abs = path.join(dir, entry);
      if (entry.startsWith('@')) {
        for (const scoped of fs.readdirSync(abs)) {
          names.push(`${entry}/${scoped}`);
          visit(path.join(abs, scoped, 'node_modules'));
        }
        continue;
      }
      names.push(entry);
      visit(path.join(abs, 'node_modules'));
    }
  };
  visit(nodeModules);
  return names;
}

test('the packed plugin works with the real eslint binary and agrees with the packaged CLI', { timeout: 600_000 }, () => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, stdio: 'pipe' });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zta-pack-'));
  try {
    const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: path.join(repo, 'rules'), encoding: 'utf8' }));
    const tarball = path.join(work, packed[0].filename);
    const packedFiles: string[] = packed[0].files.map((f: { path: string }) => f.path);
    assert.ok(packedFiles.includes('dist/eslint-plugin.js') && packedFiles.includes('dist/cli.js'), packedFiles.join(', '));

    const app = path.join(work, 'app');
    fs.cpSync(path.join(repo, 'examples/agent-app'), app, { recursive: true, filter: (src) => !src.includes('node_modules') });
    const pkg = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8'));
    // The example's own dependencies are not needed to lint it: the analyzer works without node_modules.
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ ...pkg, type: 'module', dependencies: {}, devDependencies: {} }, null, 2));
    fs.writeFileSync(
      path.join(app, 'eslint.config.js'),
      // The typescript-eslint set-up of docs/ci.md.
      `import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import zeroTrust from 'eslint-plugin-zero-trust-ai';

export default defineConfig(
  { ignores: ['eslint.config.js'] },
  tseslint.configs.recommended,
  zeroTrust.configs.recommended,
);
`,
    );
    const install = spawnSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--save-dev', tarball, 'eslint@9', 'typescript-eslint@8'], { cwd: app, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);

    const editorPackages = installedPackages(path.join(app, 'node_modules')).filter((n) => EDITOR_PACKAGE.test(n));
    assert.deepEqual(editorPackages, [], 'no VS Code or LSP package installed');

    const eslint = spawnSync(process.execPath, [path.join(app, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '.'], { cwd: app, encoding: 'utf8' });
    assert.ok(eslint.status === 0 || eslint.status === 1, `eslint exited ${eslint.status}: ${eslint.stderr}`);
    const results: Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; column: number; fatal?: boolean; message: string; suggestions?: unknown[] }> }> = JSON.parse(eslint.stdout);
    const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal).map((m) => `${r.filePath}: ${m.message}`));
    assert.deepEqual(fatal, []);
    const linted = results
      .flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('zero-trust-ai/')).map((m) => `${path.relative(app, r.filePath).replace(/\\/g, '/')}:${m.line}:${m.column} ${m.ruleId?.replace(/^zero-trust-ai\//, '')}`))
      .sort();
    assert.ok(linted.length > 0, 'eslint reports findings on the example app');
    assert.ok(results.some((r) => r.messages.some((m) => m.suggestions?.length)), 'with suggestions');

    const recommended = new Set(
      Object.keys(JSON.parse(execFileSync(process.execPath, ['-e', "console.log(JSON.stringify(require('eslint-plugin-zero-trust-ai').configs.recommended.rules))"], { cwd: app, encoding: 'utf8' }))).map((r) => r.replace(/^zero-trust-ai\//, '')),
    );
    const cli = spawnSync(process.execPath, [path.join(app, 'node_modules/.bin/zero-trust-ai'), 'scan', '.', '--format', 'json'], { cwd: app, encoding: 'utf8' });
    assert.ok(cli.status === 0 || cli.status === 1, `zero-trust-ai exited ${cli.status}: ${cli.stderr}`);
    const scanned = (JSON.parse(cli.stdout).findings as Array<{ ruleId: string; file: string; line: number; column: number }>)
      .filter((f) => recommended.has(f.ruleId))
      .map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)
      .sort();
    assert.deepEqual(linted, scanned, 'eslint with configs.recommended and zero-trust-ai scan agree');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
