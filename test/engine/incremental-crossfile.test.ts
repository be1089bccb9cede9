/**
 * Incremental analysis across files: the host reuses the entities of files that did not change
 * (rules/src/cache.ts), so an edit to a file must reach what other files' entities are linked to
 * (tools registered on a server elsewhere, a default key set in a config module, a client or class
 * imported from another module). After every edit, a host that saw all previous states must report
 * what a fresh host reports for the same texts, both for the whole project and for the edited file
 * alone (what the language server asks for).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { AnalysisHost } from '../../rules/src/engine.js';
import { defaultConfig } from '../../rules/src/config/load.js';
import type { Finding } from '../../rules/src/types.js';

const ROOT = '/virtual/crossfile';
type Files = Record<string, string>;

const key = (f: Finding) =>
  `${f.ruleId} ${path.posix.relative(ROOT, f.range.file)}:${f.range.start}-${f.range.end} ${f.message} ${f.related.map((r) => `${path.posix.relative(ROOT, r.range.file)}:${r.range.start} ${r.message}`).join(',')} ${f.fixes.map((x) => x.title).join(',')}`;

function newHost(files: Files): AnalysisHost {
  const host = new AnalysisHost({ root: ROOT, config: defaultConfig(ROOT) });
  for (const [name, text] of Object.entries(files)) host.updateFile(`${ROOT}/${name}`, text);
  return host;
}

/**
 * Applies `edits` one by one (file name to new text) to a host that analyzed `initial`, comparing
 * with fresh hosts after each. Returns the distinct finding sets seen, so a scenario can check
 * that its edits changed something (a test whose edits change nothing proves nothing).
 */
function replay(initial: Files, edits: Array<[string, string]>): Set<string> {
  const files = { ...initial };
  const host = newHost(files);
  const seen = new Set<string>();
  const check = (label: string, edited?: string) => {
    const expected = newHost(files).analyze().findings.map(key);
    if (edited) {
      // The language server's question first: only the edited file, on a host whose cache is warm.
      const target = `${ROOT}/${edited}`;
      const only = host.analyze({ files: [target] }).findings.map(key);
      assert.deepEqual(only, expected.filter((k) => k.split(' ')[1].startsWith(`${edited}:`)), `${label}: findings of ${edited}`);
    }
    const all = host.analyze().findings.map(key);
    assert.deepEqual(all, expected, label);
    seen.add(all.join('\n'));
  };
  check('initial state');
  for (const [i, [name, text]] of edits.entries()) {
    files[name] = text;
    host.updateFile(`${ROOT}/${name}`, text);
    check(`edit ${i + 1} (${name})`, name);
  }
  return seen;
}

const openaiAgent = (name: string, extra = '') => `import { Agent } from '@openai/agents';
${extra}export const ${name} = new Agent({ name: '${name}', instructions: 'You handle ${name} requests.', model: 'gpt-4.1-mini' });
`;

test('a client imported from another module changes its key', () => {
  const clients = (a: string, b: string) => `import OpenAI from 'openai';
export const billingClient = new OpenAI({ apiKey: process.env.${a} });
export const refundClient = new OpenAI({ apiKey: process.env.${b} });
`;
  const agent = (name: string, client: string) => `import { Agent, OpenAIResponsesModel } from '@openai/agents';
import { ${client} } from './lib/clients';
export const ${name} = new Agent({ name: '${name}', instructions: 'Help.', model: new OpenAIResponsesModel(${client}, 'gpt-4.1') });
`;
  const initial = { 'src/lib/clients.ts': clients('OPENAI_API_KEY', 'OPENAI_API_KEY'), 'src/billing.ts': agent('billing', 'billingClient'), 'src/refund.ts': agent('refund', 'refundClient') };
  const seen = replay(initial, [
    ['src/lib/clients.ts', clients('BILLING_OPENAI_KEY', 'REFUND_OPENAI_KEY')],
    ['src/lib/clients.ts', clients('SHARED_KEY', 'SHARED_KEY')],
    ['src/refund.ts', agent('refund', 'billingClient')],
    ['src/lib/clients.ts', ''],
    ['src/lib/clients.ts', clients('OPENAI_API_KEY', 'OPENAI_API_KEY')],
  ]);
  assert.ok(seen.size >= 3, 'the edits change the findings');
});

test('a client re-exported through an index module changes', () => {
  const initial = {
    'src/lib/openai.ts': `import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n`,
    'src/lib/index.ts': `export * from './openai';\n`,
    'src/a.ts': `import { openai } from './lib';\nexport async function a(q: string) { return openai.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: q }] }); }\n`,
    'src/b.ts': `import { Agent, OpenAIResponsesModel } from '@openai/agents';\nimport { openai } from './lib';\nexport const b = new Agent({ name: 'b', instructions: 'Help.', model: new OpenAIResponsesModel(openai, 'gpt-4.1') });\nexport const c = new Agent({ name: 'c', instructions: 'Help.', model: new OpenAIResponsesModel(openai, 'gpt-4.1') });\n`,
  };
  const seen = replay(initial, [
    ['src/lib/openai.ts', `import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: 'sk-proj-ZVrEM3zI2RpqSw4vcVKAUCl8hDrPKDk1OCMyy18ume9GxaGz' });\n`],
    ['src/lib/openai.ts', `export const openai = { chat: { completions: { create: async (x: unknown) => x } } };\n`],
    ['src/lib/index.ts', ``],
    ['src/lib/index.ts', `export * from './openai';\n`],
    ['src/lib/openai.ts', initial['src/lib/openai.ts']],
  ]);
  assert.ok(seen.size >= 3, 'the edits change the findings');
});

test('a default key set in a config module that the agents import', () => {
  const config = (env: string) => `import { setDefaultOpenAIKey } from '@openai/agents';\nsetDefaultOpenAIKey(process.env.${env}!);\n`;
  const initial = { 'src/config.ts': config('OPENAI_API_KEY'), 'src/refund.ts': openaiAgent('refund', `import './config';\n`), 'src/billing.ts': openaiAgent('billing', `import './config';\n`) };
  const seen = replay(initial, [
    ['src/config.ts', config('AGENTS_OPENAI_KEY')],
    ['src/config.ts', `export const nothing = 1;\n`],
    ['src/config.ts', config('OPENAI_API_KEY')],
    ['src/billing.ts', `export const billing = 1;\n`],
    ['src/billing.ts', openaiAgent('billing', `import './config';\n`)],
  ]);
  assert.ok(seen.size >= 3, 'the edits change the findings');
});

test('a default key set in a module the agents do not import', () => {
  const config = (env: string) => `import { setDefaultOpenAIKey } from '@openai/agents';\nsetDefaultOpenAIKey(process.env.${env}!);\n`;
  const initial = { 'src/main.ts': config('OPENAI_API_KEY'), 'src/refund.ts': openaiAgent('refund'), 'src/billing.ts': openaiAgent('billing') };
  const seen = replay(initial, [
    ['src/main.ts', config('AGENTS_OPENAI_KEY')],
    ['src/main.ts', `export {};\n`],
    ['src/main.ts', config('OPENAI_API_KEY')],
  ]);
  assert.ok(seen.size >= 2, 'the edits change the findings');
});

test('tools registered on an MCP server from another module', () => {
  const server = (name: string) => `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nexport const server = new McpServer({ name: '${name}', version: '1.0.0' });\n`;
  const tools = (env: string, command = false) => `import { z } from 'zod';
import { execSync } from 'node:child_process';
import { server } from './server';
server.registerTool('get_item', { description: 'Read an item', inputSchema: { id: z.string()${command ? '' : '.uuid()'} } }, async ({ id }) => {
  ${command ? 'execSync(id);' : ''}
  const res = await fetch(\`https://items.example.com/items/\${id}\`, { headers: { Authorization: \`Bearer \${process.env.${env}}\` } });
  return { content: [{ type: 'text', text: await res.text() }] };
});
`;
  const other = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const other = new McpServer({ name: 'other', version: '1.0.0' });
other.registerTool('get_repo', { description: 'Read a repo', inputSchema: { id: z.string().uuid() } }, async ({ id }) => {
  const res = await fetch(\`https://api.github.com/repos/\${id}\`, { headers: { Authorization: \`Bearer \${process.env.GITHUB_TOKEN}\` } });
  return { content: [{ type: 'text', text: await res.text() }] };
});
`;
  const initial = { 'src/server.ts': server('items'), 'src/tools.ts': tools('GITHUB_TOKEN'), 'src/other.ts': other };
  const seen = replay(initial, [
    ['src/tools.ts', tools('ITEMS_TOKEN')],
    ['src/tools.ts', tools('GITHUB_TOKEN', true)],
    ['src/server.ts', server('renamed')],
    ['src/tools.ts', `export {};\n`],
    ['src/tools.ts', tools('GITHUB_TOKEN')],
  ]);
  assert.ok(seen.size >= 3, 'the edits change the findings');
});

test('a tool defined in another module is handed to an agent', () => {
  const tools = (schema: string) => `import { tool } from 'ai';
import { z } from 'zod';
import { execSync } from 'node:child_process';
export const run = tool({ description: 'Run a command', parameters: z.object({ command: ${schema} }), execute: async ({ command }) => execSync(command).toString() });
`;
  const agent = `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { run } from './tools';
export async function answer(prompt: string) {
  return generateText({ model: openai('gpt-4.1'), prompt, tools: { run } });
}
`;
  const initial = { 'src/tools.ts': tools('z.string()'), 'src/agent.ts': agent };
  const seen = replay(initial, [
    ['src/tools.ts', tools(`z.enum(['uptime', 'df'])`)],
    ['src/tools.ts', tools('z.string()')],
    ['src/agent.ts', agent.replace('tools: { run }', 'tools: {}')],
    ['src/agent.ts', agent],
  ]);
  assert.ok(seen.size >= 2, 'the edits change the findings');
});

test('a hand-rolled agent class in another module stops calling the model', () => {
  const cls = (callsModel: boolean) => `import OpenAI from 'openai';
export class SalesAgent {
  constructor(private readonly client: OpenAI) {}
  async run(q: string) {
    ${callsModel ? `return this.client.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: q }] });` : 'return q;'}
  }
}
`;
  const main = `import OpenAI from 'openai';
import { SalesAgent } from './sales';
const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export const east = new SalesAgent(client);
export const west = new SalesAgent(client);
`;
  const initial = { 'src/sales.ts': cls(true), 'src/main.ts': main };
  const seen = replay(initial, [
    ['src/sales.ts', cls(false)],
    ['src/sales.ts', cls(true)],
    ['src/main.ts', main.replace('export const west = new SalesAgent(client);\n', '')],
    ['src/main.ts', main],
  ]);
  assert.ok(seen.size >= 2, 'the edits change the findings');
});
