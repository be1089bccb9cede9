/**
 * The plugin's shape is generated from the engine's rule metadata: one ESLint rule per engine
 * rule with the engine's description, docs URL, fix kind and an options schema; presets follow
 * each rule's `preset` and `defaultSeverity`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { allRules } from '../../rules/src/rules/index.js';
import { docsUrl } from '../../rules/src/rule.js';
import { plugin, writeProject } from './helpers.js';

const rulesPackage = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../rules/package.json'), 'utf8'));

test('meta names the npm package and its version', () => {
  assert.deepEqual(plugin.meta, { name: 'eslint-plugin-zero-trust-ai', version: rulesPackage.version });
});

test('one ESLint rule per engine rule, with metadata from the engine', () => {
  assert.deepEqual(Object.keys(plugin.rules).sort(), allRules.map((r) => r.meta.id).sort());
  for (const { meta } of allRules) {
    const eslintMeta = plugin.rules[meta.id].meta!;
    assert.equal(eslintMeta.docs?.description, meta.description, meta.id);
    assert.equal(eslintMeta.docs?.url, docsUrl(meta.id), meta.id);
    assert.equal(eslintMeta.fixable, meta.fixKind === 'fix' ? 'code' : undefined, meta.id);
    assert.equal(eslintMeta.hasSuggestions, meta.fixKind !== 'none', meta.id);
    assert.equal(eslintMeta.type, 'problem');
    assert.ok(Array.isArray(eslintMeta.schema) && eslintMeta.schema.length === 1, `${meta.id} has an options schema`);
  }
});

test('presets are generated from preset and default severity', () => {
  const severity = { error: 'error', warning: 'warn', info: 'warn' } as const;
  const expected = (presets: string[]) =>
    Object.fromEntries(allRules.filter((r) => presets.includes(r.meta.preset)).map((r) => [`zero-trust-ai/${r.meta.id}`, severity[r.meta.defaultSeverity]]));
  assert.deepEqual(plugin.configs.recommended.rules, expected(['recommended']));
  assert.deepEqual(plugin.configs.strict.rules, expected(['recommended', 'strict']));
  assert.deepEqual(plugin.configs.all.rules, expected(['recommended', 'strict', 'experimental']));
  for (const [name, config] of Object.entries(plugin.configs)) {
    assert.equal(config.name, `zero-trust-ai/${name}`);
    assert.equal(config.plugins?.['zero-trust-ai'], plugin, 'the preset carries the plugin itself');
    assert.ok(config.files?.includes('**/*.ts') && config.files.includes('**/*.js'), 'presets lint TypeScript and JavaScript');
  }
});

/** A Linter rooted in an empty project, and a file name in it. */
function emptyProject() {
  const dir = writeProject({});
  return { linter: new Linter({ configType: 'flat', cwd: dir }), file: path.join(dir, 'a.js') };
}

test('ESLint accepts every preset and validates rule options against the schema', () => {
  const { linter, file } = emptyProject();
  for (const config of Object.values(plugin.configs)) {
    assert.deepEqual(linter.verify('const x = 1;\n', [config], file), []);
  }
  const ruleId = allRules[0].meta.id;
  const good = linter.verify('const x = 1;\n', [{ ...plugin.configs.recommended, rules: { [`zero-trust-ai/${ruleId}`]: ['error', { redactors: ['hide'], loggers: ['audit.write'] }] } }], file);
  assert.deepEqual(good, []);
  assert.throws(
    () => linter.verify('const x = 1;\n', [{ ...plugin.configs.recommended, rules: { [`zero-trust-ai/${ruleId}`]: ['error', { redactor: 'hide' }] } }], file),
    /Unexpected property "redactor"/,
  );
});

test('a bad settings.zeroTrustAi is a clear error, not a silent default', () => {
  const { linter, file } = emptyProject();
  assert.throws(
    () => linter.verify('const x = 1;\n', [{ ...plugin.configs.recommended, settings: { zeroTrustAi: { redactors: 'hide' } } }], file),
    /settings\.zeroTrustAi\.redactors/,
  );
  // Source, sink and sanitizer rows are checked by the config file's schema, field by field.
  assert.throws(
    () => linter.verify('const x = 1;\n', [{ ...plugin.configs.recommended, settings: { zeroTrustAi: { sinks: [{ name: 'httpGet', kind: 'ftp' }] } } }], file),
    /settings\.zeroTrustAi\.sinks\.0\.kind: Invalid option: expected one of "shell"\|"sql"/,
  );
});
