import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSuppressions } from '../../rules/src/suppress.js';
import { analyzeFiles } from '../helpers/marks.js';

const KEY = 'sk-proj-Zx8Qw2Er4Ty6Ui8Op0As2Df4Gh6Jk8Lz0Xc2Vb4';

test('a suppression with a reason hides the finding on the next line only', () => {
  const code = `import OpenAI from 'openai';
// zero-trust-ai-disable-next-line no-hardcoded-credentials -- local test double, not a real key
export const a = new OpenAI({ apiKey: '${KEY}' });
export const b = new OpenAI({ apiKey: '${KEY}' });
`;
  const found = analyzeFiles({ 'a.ts': code }).findings.filter((f) => f.ruleId === 'no-hardcoded-credentials');
  assert.deepEqual(found.map((f) => f.range.startPos.line), [4]);
});

test('a suppression without a reason is ignored and reported', () => {
  const code = `import OpenAI from 'openai';
// zero-trust-ai-disable-next-line no-hardcoded-credentials
export const a = new OpenAI({ apiKey: '${KEY}' });
`;
  const result = analyzeFiles({ 'a.ts': code });
  assert.equal(result.findings.filter((f) => f.ruleId === 'no-hardcoded-credentials').length, 1);
  assert.ok(result.notices.some((n) => /add a reason/.test(n.message)));
});

test('several ids, block comments and the zero-trust-ai/ prefix are understood', () => {
  const s = parseSuppressions('/* zero-trust-ai-disable-next-line zero-trust-ai/no-unscoped-tools, require-audit-logging -- sandboxed */\nx();\n');
  assert.equal(s.isSuppressed(2, 'no-unscoped-tools'), true);
  assert.equal(s.isSuppressed(2, 'require-audit-logging'), true);
  assert.equal(s.isSuppressed(2, 'no-unredacted-prompts'), false);
  assert.equal(s.isSuppressed(1, 'no-unscoped-tools'), false);
});
