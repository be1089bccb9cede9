/**
 * The host reuses work between analyses (rules/src/cache.ts). Differential check: after every
 * edit, an incremental analysis must report exactly what a fresh host reports for the same texts.
 * A cache that forgets to drop something (a new cache in the model, a dependency the import graph
 * misses) shows up here as a difference.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnalysisHost } from '../../rules/src/engine.js';
import { defaultConfig } from '../../rules/src/config/load.js';
import type { Finding } from '../../rules/src/types.js';

const CORPUS = path.resolve(import.meta.dirname, '../corpus');
const ROOT = '/virtual/incremental';

function readTree(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, readTree(path.join(dir, e.name), r));
    else if (/\.[cm]?[jt]sx?$/.test(e.name)) out[r] = fs.readFileSync(path.join(dir, e.name), 'utf8');
  }
  return out;
}

const key = (f: Finding) => `${f.ruleId} ${path.posix.relative(ROOT, f.range.file)}:${f.range.start}-${f.range.end} ${f.message} ${f.related.map((r) => `${r.range.file}:${r.range.start}`).join(',')}`;

function fresh(files: Record<string, string>): string[] {
  const host = new AnalysisHost({ root: ROOT, config: defaultConfig(ROOT) });
  for (const [name, text] of Object.entries(files)) host.updateFile(`${ROOT}/${name}`, text);
  return host.analyze().findings.map(key);
}

/** Emptying a file and restoring it changes what its importers see (leaf files are covered by the first edit of each project). */
function edits(text: string, imported: boolean, first: boolean): string[] {
  return imported ? ['', text] : first ? [`${text}\n// edited\n`] : [];
}

/** Files another file of the project imports by their base name (the cross-file cases). */
function isImported(name: string, files: Record<string, string>): boolean {
  const stem = path.posix.basename(name).replace(/\.[^.]+$/, '');
  return Object.entries(files).some(([other, text]) => other !== name && new RegExp(`from\\s*['"][^'"]*/${stem}(\\.[cm]?[jt]s)?['"]`).test(text));
}

const projects = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((d) => fs.statSync(path.join(CORPUS, d)).isDirectory()) : [];

for (const project of projects) {
  test(`incremental analysis equals a fresh one after edits: corpus/${project}`, () => {
    const files = readTree(path.join(CORPUS, project));
    const host = new AnalysisHost({ root: ROOT, config: defaultConfig(ROOT) });
    for (const [name, text] of Object.entries(files)) host.updateFile(`${ROOT}/${name}`, text);
    assert.deepEqual(host.analyze().findings.map(key), fresh(files));
    for (const [i, name] of Object.keys(files).entries()) {
      const original = files[name];
      for (const text of edits(original, isImported(name, files), i === 0)) {
        const current = { ...files, [name]: text };
        host.updateFile(`${ROOT}/${name}`, text);
        assert.deepEqual(host.analyze().findings.map(key), fresh(current), `after editing ${name}`);
      }
      files[name] = original;
    }
  });
}

test('a suppression comment added by an edit takes effect on the next analysis', () => {
  const file = `${ROOT}/s.ts`;
  const code = `const config = { apiKey: 'sk-proj-ZVrEM3zI2RpqSw4vcVKAUCl8hDrPKDk1OCMyy18ume9GxaGz' };\n`;
  const host = new AnalysisHost({ root: ROOT, config: defaultConfig(ROOT) });
  host.updateFile(file, code);
  assert.equal(host.analyze().findings.filter((f) => f.ruleId === 'no-hardcoded-credentials').length, 1);
  host.updateFile(file, `// zero-trust-ai-disable-next-line no-hardcoded-credentials -- public test fixture\n${code}`);
  assert.equal(host.analyze().findings.filter((f) => f.ruleId === 'no-hardcoded-credentials').length, 0);
});
