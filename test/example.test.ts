/**
 * The bundled example app is the README's first command: its findings are known and marked in
 * the code (`// ruleid:` / `// ok:`), and every core rule must fire on it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scan } from '../rules/src/engine.js';
import { allRules } from '../rules/src/rules/index.js';
import { compareWithMarks, describeReport } from './helpers/marks.js';

const appRoot = path.resolve(import.meta.dirname, '../examples/agent-app');

function readTree(dir: string, out: Record<string, string> = {}): Record<string, string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) readTree(p, out);
    else if (/\.tsx?$/.test(e.name)) out[path.relative(appRoot, p)] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

test('examples/agent-app: findings match the marks for every rule', () => {
  const result = scan(appRoot);
  const files = readTree(appRoot);
  const report = compareWithMarks(files, result.findings, allRules.map((r) => r.meta.id), appRoot);
  assert.equal(describeReport(report), '', 'findings and marks differ');
  assert.deepEqual(result.notices, []);
});

test('examples/agent-app: every core rule fires at least once', () => {
  const fired = new Set(scan(appRoot).findings.map((f) => f.ruleId));
  for (const id of ['no-hardcoded-credentials', 'no-shared-agent-credentials', 'no-unscoped-tools', 'no-unredacted-prompts', 'require-audit-logging']) {
    assert.ok(fired.has(id), `${id} fires on the example`);
  }
});
