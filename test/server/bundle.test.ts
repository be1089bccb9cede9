/**
 * The language server's LSP thread answers at once because it never loads the analyzer: ts-morph,
 * the TypeScript compiler and the rules are bundled only into the worker (dist/server/worker.js).
 * An import of the engine's index from server.ts would quietly undo that; this test catches it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const REPO = path.resolve(import.meta.dirname, '../..');

async function bundledInputs(entry: string): Promise<string[]> {
  const r = await esbuild.build({ entryPoints: [path.join(REPO, entry)], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, metafile: true, logLevel: 'silent' });
  return Object.keys(r.metafile.inputs);
}

const ANALYZER = /node_modules\/(ts-morph|typescript|@ts-morph)\/|rules\/src\/(engine|rules\/|model\/|dataflow\/)/;

test('the LSP bundle holds no analyzer code; the worker bundle holds all of it', async () => {
  const lsp = await bundledInputs('server/src/main.ts');
  assert.deepEqual(lsp.filter((f) => ANALYZER.test(f)), [], 'server.js must not bundle the analyzer');
  assert.ok(lsp.some((f) => f.includes('vscode-languageserver')), 'it is the LSP bundle');
  const worker = await bundledInputs('server/src/analysis/worker-main.ts');
  for (const part of ['node_modules/ts-morph/', 'rules/src/engine.ts', 'rules/src/rules/index.ts']) {
    assert.ok(worker.some((f) => f.includes(part)), `worker.js bundles ${part}`);
  }
});
