import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, parseConfigText } from '../../rules/src/config/load.js';
import { analyzeFiles } from '../helpers/marks.js';

const KEYED = `import OpenAI from 'openai';\nexport const c = new OpenAI({ apiKey: 'sk-proj-Zx8Qw2Er4Ty6Ui8Op0As2Df4Gh6Jk8Lz0Xc2Vb4' });\n`;

test('a valid config is read key by key', () => {
  const { config, notices } = parseConfigText(JSON.stringify({ rules: { 'no-hardcoded-credentials': 'off', 'require-audit-logging': ['error', { x: 1 }] }, redactors: ['scrubIt'] }), '/p/zero-trust-ai.config.json', '/p');
  assert.deepEqual(notices, []);
  assert.equal(config.rules['no-hardcoded-credentials'].severity, 'off');
  assert.deepEqual(config.rules['require-audit-logging'], { severity: 'error', options: { x: 1 } });
  assert.deepEqual(config.redactors, ['scrubIt']);
});

test('invalid JSON gives a clear error with the file and falls back to defaults', () => {
  const { config, notices } = parseConfigText('{ "rules": ', '/p/zero-trust-ai.config.json', '/p');
  assert.equal(notices.length, 1);
  assert.equal(notices[0].level, 'error');
  assert.equal(notices[0].file, '/p/zero-trust-ai.config.json');
  assert.match(notices[0].message, /Invalid JSON/);
  assert.deepEqual(config.rules, {});
});

test('a bad key costs only itself: JSON path and reason are reported', () => {
  const { config, notices } = parseConfigText(JSON.stringify({ redactors: 'redactPII', loggers: ['audit'], rules: { 'no-unscoped-tools': 'loud' }, colour: 1 }), '/p/c.json', '/p');
  assert.deepEqual(config.loggers, ['audit'], 'good keys still apply');
  assert.deepEqual(config.redactors, []);
  const paths = notices.map((n) => n.path).sort();
  assert.deepEqual(paths, ['colour', 'redactors', 'rules.no-unscoped-tools']);
  assert.ok(notices.every((n) => n.message.length > 10));
});

test('a non-object config is rejected with a message', () => {
  const { notices } = parseConfigText('[1,2]', '/p/c.json', '/p');
  assert.match(notices[0].message, /must be a JSON object/);
});

test('config is found in zero-trust-ai.config.json or package.json zeroTrustAi; an explicit missing file is an error', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ztai-config-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', zeroTrustAi: { loggers: ['auditLog'] } }));
  assert.deepEqual(loadConfig(dir).config.loggers, ['auditLog']);
  fs.writeFileSync(path.join(dir, 'zero-trust-ai.config.json'), JSON.stringify({ loggers: ['fromFile'] }));
  assert.deepEqual(loadConfig(dir).config.loggers, ['fromFile']);
  const missing = loadConfig(dir, 'nope.json');
  assert.match(missing.notices[0].message, /not found/);
  fs.rmSync(dir, { recursive: true });
});

test('per-rule severity and off apply to findings', () => {
  const on = analyzeFiles({ 'a.ts': KEYED }, JSON.stringify({ rules: { 'no-hardcoded-credentials': 'warning' } }));
  assert.equal(on.findings.find((f) => f.ruleId === 'no-hardcoded-credentials')?.severity, 'warning');
  const off = analyzeFiles({ 'a.ts': KEYED }, JSON.stringify({ rules: { 'no-hardcoded-credentials': 'off' } }));
  assert.equal(off.findings.filter((f) => f.ruleId === 'no-hardcoded-credentials').length, 0);
});
