/**
 * Docs are code: every rule has a doc page of the fixed outline, its examples run here (incorrect
 * blocks must report their marks, correct blocks nothing), and rule ids, docs and tests agree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../rules/src/rules/index.js';
import { analyzeFiles, expectMarks } from './helpers/marks.js';
import { blockFiles, sectionBlocks } from './helpers/doc-examples.js';

const root = path.resolve(import.meta.dirname, '..');
const SECTIONS = ['## Why this is dangerous', '## Incorrect', '## Correct', '## How to fix', '## Options', '## When not to use it', '## References'];

const ruleIds = allRules.map((r) => r.meta.id).sort();

test('rule files, tests and docs name the same rules', () => {
  const files = fs.readdirSync(path.join(root, 'rules/src/rules')).filter((f) => f !== 'index.ts').map((f) => f.replace(/\.ts$/, '')).sort();
  const docs = fs.readdirSync(path.join(root, 'docs/rules')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '')).sort();
  const tests = fs.readdirSync(path.join(root, 'test/rules')).filter((f) => f.endsWith('.test.ts')).map((f) => f.replace(/\.test\.ts$/, '')).sort();
  assert.deepEqual(files, ruleIds, 'rules/src/rules/*.ts vs registry');
  assert.deepEqual(docs, ruleIds, 'docs/rules/*.md vs registry');
  assert.deepEqual(tests, ruleIds, 'test/rules/*.test.ts vs registry');
});

for (const id of ruleIds) {
  test(`docs/rules/${id}.md follows the outline and its examples hold`, () => {
    const md = fs.readFileSync(path.join(root, 'docs/rules', `${id}.md`), 'utf8');
    assert.ok(md.startsWith(`# ${id}\n`), 'starts with the rule id');
    let last = -1;
    for (const s of SECTIONS) {
      const at = md.indexOf(`\n${s}\n`);
      assert.ok(at > last, `section "${s}" present and in order`);
      last = at;
    }
    const incorrect = sectionBlocks(md, '## Incorrect');
    const correct = sectionBlocks(md, '## Correct');
    assert.ok(incorrect.length > 0 && correct.length > 0, 'has incorrect and correct examples');
    for (const code of incorrect) {
      assert.match(code, new RegExp(`// ruleid: ${id}`), 'incorrect example carries a ruleid mark');
      expectMarks(blockFiles(code), id);
    }
    for (const code of correct) {
      const found = analyzeFiles(blockFiles(code)).findings.filter((f) => f.ruleId === id);
      assert.deepEqual(found.map((f) => `${f.range.startPos.line}: ${f.message}`), [], 'correct example has no finding');
    }
  });
}
