/**
 * ESLint with the plugin and the engine (what `zero-trust-ai scan` runs) report the same findings
 * (rule, file, line, column) on the example app and the labeled corpus; linting one file at a
 * time gives what linting the folder gives; and every suggestion ESLint offers leaves code that
 * parses, without the finding it fixed, and is not offered again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toPosix } from '../../rules/src/project/files.js';
import { scan } from '../../rules/src/engine.js';
import { clearProjects } from '../../rules/src/eslint/project.js';
import { eslintFor, fromFindings, fromResults, key, lintFolder, presetRuleIds, sortLocated, type LintOptions } from './helpers.js';

const repo = toPosix(path.resolve(import.meta.dirname, '../..'));
const corpus = path.join(repo, 'test/corpus');

/** Folders to compare on, and the settings that make each one its own project. */
const folders: Array<{ root: string; options: LintOptions }> = [
  { root: `${repo}/examples/agent-app`, options: {} },
  ...(fs.existsSync(corpus) ? fs.readdirSync(corpus).sort() : [])
    .map((name) => `${repo}/test/corpus/${name}`)
    .filter((dir) => fs.statSync(dir).isDirectory())
    // Corpus folders have no package.json: name the root, or the repository would be the project.
    .map((root) => ({ root, options: { extra: [{ settings: { zeroTrustAi: { root } } }] } })),
];

/** A fresh project per linted file is costly; a few folders with cross-file findings suffice. */
const ONE_BY_ONE = ['examples/agent-app', 'test/corpus/openai', 'test/corpus/ai-sdk'];

for (const { root, options } of folders) {
  const name = path.posix.relative(repo, root);

  test(`${name}: ESLint and the engine report the same findings`, async () => {
    const engine = fromFindings(root, scan(root).findings);
    const all = fromResults(root, await lintFolder(root, { ...options, preset: 'all' }));
    assert.deepEqual(all.map(key), engine.map(key), 'configs.all vs every engine rule');
    const recommended = presetRuleIds('recommended');
    const lintedRecommended = fromResults(root, await lintFolder(root, { ...options, preset: 'recommended' }));
    assert.deepEqual(lintedRecommended.map(key), engine.filter((f) => recommended.includes(f.rule)).map(key), 'configs.recommended vs the same rules in the engine');
  });

  if (!ONE_BY_ONE.includes(name)) continue;
  test(`${name}: one file at a time gives what the whole folder gives`, async () => {
    const eslint = eslintFor(root, { ...options, preset: 'all' });
    const results = await eslint.lintFiles(['.']);
    const whole = fromResults(root, results);
    const files = results.map((r) => r.filePath);
    const oneByOne = [];
    for (const file of files) {
      clearProjects(); // as if `eslint <file>` ran in a new process
      oneByOne.push(...fromResults(root, await eslint.lintFiles([file])));
    }
    assert.deepEqual(sortLocated(oneByOne).map(key), whole.map(key));
  });
}

test('every suggestion parses, removes its finding and is not offered again', async () => {
  let checked = 0;
  for (const { root, options } of folders) {
    const eslint = eslintFor(root, { ...options, preset: 'all' });
    for (const result of await eslint.lintFiles(['.'])) {
      const text = fs.readFileSync(result.filePath, 'utf8');
      for (const message of result.messages) {
        for (const suggestion of message.suggestions ?? []) {
          const [start, end] = suggestion.fix.range;
          const fixed = text.slice(0, start) + suggestion.fix.text + text.slice(end);
          // The next check in this file replaces this buffer; the last one is undone below.
          const [after] = await eslint.lintText(fixed, { filePath: result.filePath });
          const where = `${path.relative(repo, result.filePath)}:${message.line} ${message.ruleId} "${suggestion.desc}"`;
          assert.deepEqual(after.messages.filter((m) => m.fatal).map((m) => m.message), [], `${where}: the fixed file parses`);
          const same = (messages: typeof result.messages) => messages.filter((m) => m.ruleId === message.ruleId && m.message === message.message);
          const offered = (messages: typeof result.messages) => messages.flatMap((m) => (m.ruleId === message.ruleId ? (m.suggestions ?? []) : [])).filter((s) => s.desc === suggestion.desc && s.fix.text === suggestion.fix.text).length;
          // Fewer, not exactly one less: fixing one of two agents that share a key settles the other
          // finding too. A finding about another argument of the same sink may surface instead.
          assert.ok(same(after.messages).length < same(result.messages).length, `${where}: the finding is gone`);
          assert.ok(offered(after.messages) < offered(result.messages), `${where}: not offered again`);
          checked++;
        }
      }
      // Back to the disk text, so a fixed buffer does not leak into the next file's checks.
      if (result.messages.some((m) => m.suggestions?.length)) await eslint.lintText(text, { filePath: result.filePath });
    }
  }
  assert.ok(checked > 0, 'some suggestions were checked');
});
