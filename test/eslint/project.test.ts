/**
 * The cached analysis project behind the rules: parsers with and without type information and
 * plain JavaScript give the engine's findings; unsaved text, edits to other files on disk and
 * config changes are picked up; files outside the project are analyzed without joining it; both
 * suppression comments work.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { engineFindings, eslintFor, fromResults, key, lintFolder, writeProject } from './helpers.js';

const client = (name: string, env: string) => `import Anthropic from '@anthropic-ai/sdk';
export const ${name} = new Anthropic({ apiKey: process.env.${env} });
`;

const sharedProject = () =>
  writeProject({
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', target: 'ES2022', allowJs: true, noEmit: true }, include: ['src'] }),
    'src/triage.ts': client('triage', 'ANTHROPIC_API_KEY'),
    'src/writer.ts': client('writer', 'ANTHROPIC_API_KEY'),
    'src/keys.ts': "export const ghToken = 'ghp_9fK2mQ7xL4vB8nR1tY6wZ3cH5jD0sEaB1c2D';\n",
  });

test('with and without type information the findings are the engine\'s', async () => {
  const root = sharedProject();
  const engine = engineFindings(root).map(key);
  assert.ok(engine.length >= 3, 'the fixture has findings');
  assert.deepEqual(fromResults(root, await lintFolder(root, { preset: 'all', parser: 'ts' })).map(key), engine);
  assert.deepEqual(fromResults(root, await lintFolder(root, { preset: 'all', parser: 'typed' })).map(key), engine);
});

test('plain JavaScript with ESLint\'s default parser', async () => {
  const root = writeProject({
    'src/clients.js': "const Anthropic = require('@anthropic-ai/sdk');\nexports.triage = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });\n",
    'src/writer.mjs': "import Anthropic from '@anthropic-ai/sdk';\nexport const writer = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });\n",
    'src/keys.cjs': "module.exports = { token: 'ghp_9fK2mQ7xL4vB8nR1tY6wZ3cH5jD0sEaB1c2D' };\n",
  });
  const engine = engineFindings(root).map(key);
  assert.ok(engine.some((k) => k.includes('no-shared-agent-credentials')) && engine.some((k) => k.includes('no-hardcoded-credentials')), engine.join('\n'));
  // .js is CommonJS here (no "type": "module"); ESLint parses it as such, the engine regardless.
  const extra = [{ files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs' as const } }];
  assert.deepEqual(fromResults(root, await lintFolder(root, { preset: 'all', parser: 'espree', extra })).map(key), engine);
});

test('the linted text wins over the disk, for that file and for the files that depend on it', async () => {
  const root = sharedProject();
  const eslint = eslintFor(root, { preset: 'all' });
  const writer = path.join(root, 'src/writer.ts');
  const triage = path.join(root, 'src/triage.ts');
  const rules = (r: { messages: Array<{ ruleId: string | null }> }) => r.messages.map((m) => m.ruleId);
  assert.deepEqual(rules((await eslint.lintFiles([triage]))[0]), ['zero-trust-ai/no-shared-agent-credentials']);
  // An unsaved buffer of writer.ts with its own key: triage no longer shares it.
  const [writerUnsaved] = await eslint.lintText(client('writer', 'WRITER_API_KEY'), { filePath: writer });
  assert.deepEqual(rules(writerUnsaved), []);
  assert.deepEqual(rules((await eslint.lintFiles([triage]))[0]), []);
  // And back.
  await eslint.lintText(client('writer', 'ANTHROPIC_API_KEY'), { filePath: writer });
  assert.deepEqual(rules((await eslint.lintFiles([triage]))[0]), ['zero-trust-ai/no-shared-agent-credentials']);
});

test('a long-lived process sees other files change on disk, and a changed config', async () => {
  const root = sharedProject();
  const eslint = eslintFor(root, { preset: 'all' });
  const triage = path.join(root, 'src/triage.ts');
  const sharedIn = async () => (await eslint.lintFiles([triage]))[0].messages.map((m) => m.ruleId);
  assert.deepEqual(await sharedIn(), ['zero-trust-ai/no-shared-agent-credentials']);
  fs.writeFileSync(path.join(root, 'src/writer.ts'), client('writer', 'WRITER_API_KEY'));
  await sleep(1100);
  assert.deepEqual(await sharedIn(), []);
  fs.writeFileSync(path.join(root, 'src/writer.ts'), client('writer', 'ANTHROPIC_API_KEY'));
  await sleep(1100);
  assert.deepEqual(await sharedIn(), ['zero-trust-ai/no-shared-agent-credentials']);
  fs.writeFileSync(path.join(root, 'zero-trust-ai.config.json'), JSON.stringify({ rules: { 'no-shared-agent-credentials': 'off' } }));
  assert.deepEqual(await sharedIn(), [], 'a rule the shared config turns off stays off in ESLint');
});

test('a file outside the project is analyzed against it without joining it', async () => {
  const root = sharedProject();
  const eslint = eslintFor(root, { preset: 'all' });
  // dist/ is never part of the project (the CLI skips it too), but ESLint may be told to lint it.
  const outside = path.join(root, 'dist/extra.ts');
  const [extra] = await eslint.lintText(client('extra', 'ANTHROPIC_API_KEY'), { filePath: outside });
  assert.deepEqual(extra.messages.map((m) => m.ruleId), ['zero-trust-ai/no-shared-agent-credentials']);
  const [writer] = await eslint.lintFiles([path.join(root, 'src/writer.ts')]);
  assert.ok(!writer.messages.some((m) => m.message.includes('"extra"')), 'writer.ts does not see dist/extra.ts');
});

test('ESLint disable comments and the engine\'s own suppression comment both work', async () => {
  const root = writeProject({
    'a.ts': `// eslint-disable-next-line zero-trust-ai/no-hardcoded-credentials -- public test fixture
export const first = 'ghp_9fK2mQ7xL4vB8nR1tY6wZ3cH5jD0sEaB1c2D';
// zero-trust-ai-disable-next-line no-hardcoded-credentials -- public test fixture
export const second = 'ghp_8fK2mQ7xL4vB8nR1tY6wZ3cH5jD0sEaB1c2E';
export const third = 'ghp_7fK2mQ7xL4vB8nR1tY6wZ3cH5jD0sEaB1c2F';
`,
  });
  const [result] = await lintFolder(root, { preset: 'all' });
  assert.deepEqual(result.messages.map((m) => `${m.line} ${m.ruleId}`), ['5 zero-trust-ai/no-hardcoded-credentials']);
});

test('rule options apply to that rule only', async () => {
  const root = writeProject({
    'privacy.ts': 'export function hide(text: string): string {\n  return text.replace(/@/g, "[at]");\n}\n',
    'main.ts': `import OpenAI from 'openai';
import { hide } from './privacy';
const openai = new OpenAI();
export async function answer(customer: { email: string }) {
  return openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: hide(customer.email) }] });
}
`,
  });
  const ruleIds = async (rules: Record<string, unknown>) => (await lintFolder(root, { preset: 'recommended', extra: [{ rules: rules as never }] })).flatMap((r) => r.messages.map((m) => m.ruleId)).sort();
  const base = await ruleIds({});
  assert.ok(base.includes('zero-trust-ai/no-unredacted-prompts') && base.includes('zero-trust-ai/require-audit-logging'), base.join(', '));
  const withRedactor = await ruleIds({ 'zero-trust-ai/no-unredacted-prompts': ['warn', { redactors: ['hide'] }] });
  assert.deepEqual(withRedactor, base.filter((r) => r !== 'zero-trust-ai/no-unredacted-prompts'));
  // The same name as a logger of another rule does not make it a redactor.
  const withLogger = await ruleIds({ 'zero-trust-ai/require-audit-logging': ['warn', { loggers: ['hide'] }] });
  assert.ok(withLogger.includes('zero-trust-ai/no-unredacted-prompts'));
});
