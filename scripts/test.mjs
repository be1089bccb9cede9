#!/usr/bin/env node
// Runs the test suite with node's own test runner (TypeScript through tsx).
//   node scripts/test.mjs            all tests (unit, server, e2e)
//   node scripts/test.mjs --unit     unit tests only (no build, no editor)
//   node scripts/test.mjs test/rules one folder or file
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const unitOnly = args.includes('--unit');
const targets = args.filter((a) => !a.startsWith('--'));

function collect(dir) {
  if (!fs.existsSync(dir)) return [];
  const st = fs.statSync(dir);
  if (st.isFile()) return [dir];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'corpus' || e.name === 'fixtures' ? [] : collect(p);
    return /\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

let files = (targets.length ? targets : ['test']).flatMap((t) => collect(path.resolve(root, t))).sort();
if (unitOnly) files = files.filter((f) => !/[\\/](e2e|server|integration)[\\/]/.test(f));
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
// Order: unit tests first, slow end-to-end tests last.
const weight = (f) => (/[\\/]e2e[\\/]/.test(f) ? 2 : /[\\/](server|integration)[\\/]/.test(f) ? 1 : 0);
files.sort((a, b) => weight(a) - weight(b) || a.localeCompare(b));
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
