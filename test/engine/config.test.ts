import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, parseConfigText } from '../../rules/src/config/load.js';
import { analyzeFiles } from '../helpers/marks.js';

const KEYED = `import OpenAI from 'openai';\nexport const c = new OpenAI({ apiKey: 'sk-proj-Zx8Qw2Er4Ty6Ui8Op0As2Df4Gh6Jk8Lz0Xc2Vb4' });\n`;

test('a valid config is read key by key', () => {
  const { config, notices } = parseConfigText(JSON.stringify({ rules: { 'no-hardcoded-credentials': 'off', 'require-audit-logging': ['error', {}] }, redactors: ['scrubIt'] }), '/p/zero-trust-ai.config.json', '/p');
  assert.deepEqual(notices, []);
  assert.equal(config.rules['no-hardcoded-credentials'].severity, 'off');
  assert.deepEqual(config.rules['require-audit-logging'], { severity: 'error', options: {} });
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

test('rules: an unknown rule id is reported with a hint, a bad severity costs only its rule, rule options are flagged', () => {
  const rules = {
    'no-unscoped-tool': 'off',
    'zero-trust-ai/no-hardcoded-credentials': 'off',
    'no-such-thing': 'error',
    'no-unredacted-prompts': 'fatal',
    'require-audit-logging': ['error', { redactors: ['scrub'] }],
    'no-unsafe-model-output': 'warning',
  };
  const { config, notices } = parseConfigText(JSON.stringify({ rules }), '/p/c.json', '/p');
  const byPath = Object.fromEntries(notices.map((n) => [n.path, n]));
  assert.match(byPath['rules.no-unscoped-tool'].message, /Unknown rule "no-unscoped-tool" ignored\. Did you mean "no-unscoped-tools"\?/);
  assert.equal(byPath['rules.no-unscoped-tool'].level, 'warning');
  assert.match(byPath['rules.zero-trust-ai/no-hardcoded-credentials'].message, /without the ESLint prefix: "no-hardcoded-credentials"/);
  assert.match(byPath['rules.no-such-thing'].message, /Known rules: no-hardcoded-credentials, /);
  assert.match(byPath['rules.no-unredacted-prompts'].message, /Invalid severity "fatal": use "error", "warning", "info" or "off"/);
  assert.equal(byPath['rules.no-unredacted-prompts'].level, 'error');
  assert.match(byPath['rules.require-audit-logging.1'].message, /no options of their own; "redactors" ignored/);
  assert.equal(notices.length, 5);
  // The good entries still apply.
  assert.equal(config.rules['no-unsafe-model-output'].severity, 'warning');
  assert.equal(config.rules['require-audit-logging'].severity, 'error');
  assert.deepEqual(Object.keys(config.rules).sort(), ['no-unsafe-model-output', 'require-audit-logging']);
});

test('a config saved with a byte-order mark is read, in the config file and in package.json', () => {
  assert.deepEqual(parseConfigText('\uFEFF{"loggers":["audit"]}', '/p/c.json', '/p'), { config: { ...parseConfigText('{"loggers":["audit"]}', '/p/c.json', '/p').config }, notices: [] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ztai-config-'));
  fs.writeFileSync(path.join(dir, 'package.json'), '\uFEFF' + JSON.stringify({ name: 'x', zeroTrustAi: { loggers: ['auditLog'] } }));
  assert.deepEqual(loadConfig(dir).config.loggers, ['auditLog']);
  fs.rmSync(dir, { recursive: true });
});

test('invalid JSON: line and column, and none of the text around the error (it may be a pasted secret)', () => {
  const secret = 'sk-proj-Q3xT9vLm2Rk8Zp4Wn7Yb1Hc6Jd0Fs5Ga';
  const at = (text: string) => parseConfigText(text, '/p/c.json', '/p').notices[0].message;
  assert.match(at('{\n  "rules": {\n    "no-unscoped-tools": "off",\n  }\n}'), /^Invalid JSON at line 4, column 3: /);
  assert.match(at('{ "rules": '), /^Invalid JSON( at line \d+, column \d+)?: Unexpected end of JSON input\. Using the default policy\.$/);
  for (const text of [`{"agentIdentities": {"Billing": ${secret}}}`, `{"agentIdentities": {"Billing": "${secret}" x}}`]) {
    const message = at(text);
    assert.match(message, /^Invalid JSON/);
    assert.ok(!message.includes('sk-proj'), message);
  }
});
