/**
 * Exact inventories: every agent, tool, model call, client and credential of the example app and of
 * the inventory fixture, counted by reading their code, with capabilities, credentials by name,
 * memories, retrieval, egress and the trust-boundary graph.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { formatInventoryJson, formatInventoryMarkdown, formatMermaid, formatCycloneDx, type Inventory } from '../../rules/src/inventory/index.js';
import { EXAMPLE_ROOT, TOOL, inventoryOfFiles, inventoryOfFolder, namesOf } from './helpers.js';
import { FIXTURE_SECRET, INVENTORY_FIXTURE } from './fixture.js';
import { assetCounts } from '../../rules/src/inventory/kpi-text.js';

const EXAMPLE_SECRET = 'sk-ant-api03-Xq7vR2mKp9LwT4sYb8NcE1hUj6GdZ3fA5oQiV0xWkMnB';
const example = inventoryOfFolder(EXAMPLE_ROOT);
const fixture = inventoryOfFiles(INVENTORY_FIXTURE);

const byName = <T extends { name: string }>(items: T[], name: string): T => {
  const hit = items.find((i) => i.name === name);
  assert.ok(hit, `no item named ${name} in ${items.map((i) => i.name).join(', ')}`);
  return hit;
};

function assertNoSecret(inv: Inventory, secret: string) {
  for (const text of [formatInventoryJson(inv, TOOL), formatCycloneDx(inv, TOOL), formatMermaid(inv), formatInventoryMarkdown(inv, TOOL)]) {
    assert.ok(!text.includes(secret), 'the secret value leaked into an inventory output');
    assert.ok(!text.includes(secret.slice(8, 24)), 'part of the secret leaked into an inventory output');
  }
}

test('examples/agent-app: every agent, tool, model call, client and credential, exactly', () => {
  assert.deepEqual(namesOf(example.agents), ['Billing', 'Support', 'researchAgent']);
  assert.deepEqual(namesOf(example.mcpServers), ['acme-orders']);
  assert.deepEqual(namesOf(example.tools), ['diagnostics', 'fetch_api', 'fetch_page', 'find_orders', 'get_order', 'healthCheck', 'lookup_product', 'read_article', 'read_file']);
  assert.deepEqual(
    example.modelCalls.map((c) => `${c.location.file}:${c.location.line} ${c.name}`).sort(),
    [
      'src/agents/billing.ts:17 run()',
      'src/langchain/research.ts:22 researchAgent.invoke()',
      'src/routes/assistant.ts:20 generateText()',
      'src/routes/assistant.ts:31 generateText()',
      'src/routes/assistant.ts:38 generateText()',
      'src/routes/assistant.ts:51 generateText()',
      'src/routes/assistant.ts:62 generateText()',
      'src/routes/assistant.ts:71 generateText()',
      'src/routes/chat.ts:14 generateText()',
      'src/routes/chat.ts:28 openai.chat.completions.create()',
      'src/routes/chat.ts:41 openai.chat.completions.create()',
      'src/routes/escalate.ts:15 anthropic.messages.create()',
      'src/routes/escalate.ts:26 triage.messages.create()',
    ],
  );
  assert.deepEqual(namesOf(example.clients), ['anthropic', 'llm', 'openai', ...Array(7).fill('provider()'), 'triage'] /* provider('gpt-4.1-mini') in chat.ts once, assistant.ts six times */);
  assert.deepEqual(namesOf(example.credentials), ['OPENAI_API_KEY (read by default)', 'RESEARCH_AGENT_OPENAI_KEY', 'TRIAGE_ANTHROPIC_API_KEY', 'literal sk-ant…(57 chars)']);
  assert.deepEqual(namesOf(example.models), ['claude-haiku-4-5', 'claude-sonnet-4-5', 'gpt-4.1-mini']);
  assert.deepEqual(namesOf(example.entryPoints), ['POST /assistant', 'POST /assistant/session', 'POST /chat', 'POST /escalate', 'POST /help-link', 'POST /help-link/safe', 'POST /policy-answer', 'POST /policy-answer/safe', 'POST /summary', 'POST /translate', 'POST /triage', 'explainInvoice()', 'fetchPolicyPage()', 'research()']);
  assert.deepEqual(example.memories.map((m) => `${m.name} ${m.scope}`), ['history shared', 'historyBySession per-session']);
  assert.equal(example.retrievalSources.length, 0);
  assert.deepEqual(example.egress.map((e) => `${e.tool ?? 'route'} ${e.findings.map((f) => f.ruleId).join(',')}`), ['route ', 'tool:fetch_page no-unrestricted-egress,no-unscoped-tools', 'tool:fetch_api ']);
});

test('examples/agent-app: capabilities, credentials by name, models and providers', () => {
  const caps = (name: string) => byName(example.tools, name).capabilities.map((c) => `${c.capability} ${c.operation}${c.findings.length ? ' !' : ''}`);
  assert.deepEqual(caps('diagnostics'), ['shell child_process.exec !']);
  assert.deepEqual(caps('healthCheck'), ['shell child_process.exec']);
  assert.deepEqual(caps('read_file'), ['filesystem fs/promises.readFile !']);
  assert.deepEqual(caps('read_article'), ['filesystem fs/promises.readFile']);
  assert.deepEqual(caps('find_orders'), ['database db.query !']);
  assert.deepEqual(caps('get_order'), ['database db.query']);
  assert.deepEqual(caps('lookup_product'), []);

  const shared = byName(example.credentials, 'OPENAI_API_KEY (read by default)');
  assert.equal(shared.kind, 'default-env');
  assert.equal(shared.envVar, 'OPENAI_API_KEY');
  assert.deepEqual(shared.usedBy.sort(), ['agent:billing', 'agent:support', 'client:openai', 'client:provider', ...[2, 3, 4, 5, 6, 7].map((i) => `client:provider-${i}`)]);
  const literal = byName(example.credentials, 'literal sk-ant…(57 chars)');
  assert.equal(literal.kind, 'literal');
  assert.equal(literal.envVar, undefined);
  assert.deepEqual(literal.findings.map((f) => f.ruleId), ['no-hardcoded-credentials']);

  const gpt = byName(example.models, 'gpt-4.1-mini');
  assert.equal(gpt.provider, 'openai');
  assert.deepEqual(gpt.usedBy.length, 12, 'three agents, three calls in chat.ts and six in assistant.ts use gpt-4.1-mini');
  assert.equal(byName(example.models, 'claude-haiku-4-5').provider, 'anthropic');

  const support = byName(example.agents, 'Support');
  assert.deepEqual(support.tools, ['tool:read_article', 'tool:read_file']);
  assert.equal(support.credential, shared.id);
  assert.deepEqual(support.findings.map((f) => f.ruleId), ['no-shared-agent-credentials']);
  const supportLines = fs.readFileSync(path.join(EXAMPLE_ROOT, 'src/agents/support.ts'), 'utf8').split('\n');
  const declared = supportLines.findIndex((l) => l.startsWith('export const supportAgent = new Agent('));
  assert.deepEqual({ file: support.location.file, line: support.location.line, column: support.location.column }, { file: 'src/agents/support.ts', line: declared + 1, column: 29 });
  assert.equal(byName(example.agents, 'researchAgent').credential, 'credential:research_agent_openai_key');
  assert.deepEqual(byName(example.mcpServers, 'acme-orders'), { ...byName(example.mcpServers, 'acme-orders'), role: 'exposed', tools: ['tool:find_orders', 'tool:get_order'] });

  const call = example.modelCalls.find((c) => c.location.file === 'src/routes/chat.ts' && c.location.line === 14)!;
  assert.equal(call.caller, 'route:post-/chat');
  assert.deepEqual(call.tools, ['tool:diagnostics', 'tool:healthcheck']);
  assert.equal(call.model, gpt.id);
  assert.equal(example.modelCalls.find((c) => c.name === 'run()')!.agent, 'agent:billing');
  assertNoSecret(example, EXAMPLE_SECRET);
});

test('examples/agent-app: the trust-boundary graph joins users, agents, tools, models and the host', () => {
  const edge = (from: string, to: string) => example.graph.edges.find((e) => e.from === from && e.to === to);
  assert.ok(edge('users', 'route:post-/chat'));
  assert.equal(edge('route:post-/chat', 'model:openai/gpt-4.1-mini')?.findings[0].ruleId, 'no-unredacted-prompts');
  assert.equal(edge('agent:support', 'tool:read_file')?.kind, 'uses-tool');
  assert.equal(edge('tool:diagnostics', 'system:shell')?.findings[0].ruleId, 'no-unscoped-tools');
  assert.deepEqual(edge('tool:healthcheck', 'system:shell')?.findings, []);
  assert.equal(edge('mcp:acme-orders', 'tool:find_orders')?.kind, 'exposes');
  assert.equal(edge('function:explaininvoice', 'agent:billing')?.kind, 'runs');
  const boundaries = new Map(example.graph.nodes.map((n) => [n.id, n.boundary]));
  // Request handlers are application code: the boundary a request crosses is users -> app.
  assert.equal(boundaries.get('route:post-/chat'), 'app');
  assert.deepEqual(example.graph.nodes.filter((n) => n.boundary === 'users').map((n) => n.id), ['users']);
  assert.equal(boundaries.get('agent:support'), 'app');
  assert.equal(boundaries.get('model:anthropic/claude-haiku-4-5'), 'model-providers');
  assert.equal(boundaries.get('store:database'), 'data-stores');
  assert.equal(boundaries.get('system:filesystem'), 'host-system');
  for (const e of example.graph.edges) {
    assert.ok(boundaries.has(e.from) && boundaries.has(e.to), `edge ${e.from} -> ${e.to} has both ends`);
  }
});

test('fixture: every asset of a multi-framework project, exactly', () => {
  assert.deepEqual(namesOf(fixture.agents), ['Ops', 'support']);
  assert.deepEqual(
    fixture.mcpServers.map((s) => `${s.name} ${s.role}`),
    ['github connected'],
  );
  assert.deepEqual(byName(fixture.agents, 'Ops').mcpServers, ['mcp:github']);
  assert.deepEqual(namesOf(fixture.tools), ['calculate', 'fetchPage', 'runQuery', 'shell', 'weather']);
  assert.deepEqual(namesOf(fixture.modelCalls), ['generateText()', 'legacy.chat.completions.create()', 'run()', 'supportAgent.generate()']);
  assert.deepEqual(namesOf(fixture.clients), ['anthropic()', 'legacy', 'openai client']);
  assert.deepEqual(namesOf(fixture.credentials), ['ANTHROPIC_API_KEY (read by default)', 'OPENAI_API_KEY (read by default)', 'literal sk-pro…(48 chars)']);
  assert.deepEqual(
    fixture.models.map((m) => `${m.provider}/${m.model}`).sort(),
    ['anthropic/claude-sonnet-4-5', 'openai/gpt-4.1', 'openai/gpt-4o-mini'],
    'the Mastra model string "openai/gpt-4o-mini" is the same model as the OpenAI call\'s "gpt-4o-mini"',
  );
  assert.deepEqual(fixture.memories.map((m) => `${m.name} ${m.scope}`).sort(), ['conversations per-session', 'history shared']);
  assert.deepEqual(byName(fixture.memories, 'history').feeds, ['call:app/api/chat/route.ts-12']);
  assert.deepEqual(byName(fixture.memories, 'history').findings.map((f) => f.ruleId), ['no-shared-conversation-memory']);
  assert.deepEqual(fixture.retrievalSources.map((r) => `${r.name} -> ${r.feeds.join(',')}`), ['vectorStore.similaritySearch() -> call:app/api/chat/route.ts-12']);
  assert.deepEqual(fixture.egress.map((e) => `${e.name} ${e.tool} ${e.findings.map((f) => f.ruleId).join(',')}`).sort(), [
    'URL computed at run time tool:fetchpage no-unrestricted-egress,no-unscoped-tools',
    'api.weather.example tool:weather ',
  ]);
  assert.deepEqual(namesOf(fixture.entryPoints), ['POST /api/chat', 'POST /support', 'handleIncident()']);
  assertNoSecret(fixture, FIXTURE_SECRET);
});

test('fixture: tool capabilities come from the sinks the tool reaches, helpers and classes included', () => {
  const caps = (name: string) => byName(fixture.tools, name).capabilities.map((c) => `${c.capability}${c.host ? `@${c.host}` : ''}`);
  assert.deepEqual(caps('fetchPage'), ['network']);
  assert.deepEqual(caps('weather'), ['network@api.weather.example']);
  // The SQL runs in lib/db.ts's queryDb(); its finding points back at the tool.
  assert.deepEqual(caps('runQuery'), ['database']);
  assert.equal(byName(fixture.tools, 'runQuery').capabilities[0].location.file, 'lib/db.ts');
  assert.ok(byName(fixture.tools, 'runQuery').findings.some((f) => f.ruleId === 'no-unscoped-tools' && f.location.file === 'lib/db.ts'));
  assert.deepEqual(caps('calculate'), ['code-execution']);
  assert.deepEqual(caps('shell'), ['shell'], 'a class tool: its _call method spawns a shell');
  assert.deepEqual(byName(fixture.tools, 'shell').usedBy, ['agent:ops']);
});

test('inventory JSON is plain data with relative locations', () => {
  const parsed = JSON.parse(formatInventoryJson(fixture, TOOL)) as Inventory & { tool: { name: string } };
  assert.equal(parsed.tool.name, 'zero-trust-ai');
  assert.equal(parsed.version, 1);
  for (const item of [...parsed.agents, ...parsed.tools, ...parsed.modelCalls, ...parsed.credentials]) {
    assert.ok(!item.location.file.startsWith('/'), `${item.id} has a root-relative file`);
    assert.ok(item.location.line >= 1 && item.location.column >= 1);
  }
  assert.deepEqual(parsed.kpis.map((k) => k.id), ['unique-identity', 'scoped-tools', 'redacted-inputs', 'audit-logging', 'unrestricted-egress']);
});

test('markdown lists the KPIs, the map and every kind of asset', () => {
  const md = formatInventoryMarkdown(fixture, TOOL);
  for (const heading of ['## Zero Trust KPIs', '## Trust-boundary map', '## Agents', '## MCP servers', '## Tools', '## Models', '## Model calls', '## SDK clients', '## Credentials', '## Memories', '## Retrieval sources', '## Egress', '## Data flows']) {
    assert.ok(md.includes(`\n${heading}\n`), `missing ${heading}`);
  }
  assert.match(md, /```mermaid\nflowchart LR\n/);
  assert.match(md, /\| Agents with a unique identity \| 1 of 3 \(33%\) \| 2 \| `no-shared-agent-credentials` \|/);
  assert.match(md, /\| fetchPage \| network \(fetch\) \|/);
  // The summary counts every kind, in the singular for one.
  const summary = `${assetCounts(fixture).join(', ')}.`;
  assert.ok(md.includes(`\n${summary}\n`), summary);
  assert.match(assetCounts(example).join(', '), /^3 agents, 1 MCP server, 9 tools, 3 models, 13 model calls, 11 SDK clients, 4 credentials, 2 memories, 0 retrieval sources, 3 egress paths$/);
});

test('spec tools: plain JSON tools handed to a model call are inventoried with their schema, capabilities and call', () => {
  const inv = inventoryOfFiles({
    'agent.ts': `import Anthropic from '@anthropic-ai/sdk';
import { exec } from 'node:child_process';
const anthropic = new Anthropic();
const tools: Anthropic.Tool[] = [
  { name: 'run_shell', description: 'Run a command', input_schema: { type: 'object', properties: { command: { type: 'string' } } } },
  { name: 'get_time', description: 'The time', input_schema: { type: 'object', properties: {} } },
  { type: 'web_search_20250305', name: 'web_search' },
];
function runTool(name: string, input: { command?: string }) {
  switch (name) {
    case 'run_shell':
      return exec(input.command ?? '');
    case 'get_time':
      return new Date().toISOString();
  }
}
export async function ask(q: string) {
  const res = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [{ role: 'user', content: q }], tools });
  for (const block of res.content) if (block.type === 'tool_use') runTool(block.name, block.input as { command?: string });
}`,
  });
  // The provider's own web search is no tool of the project.
  assert.deepEqual(namesOf(inv.tools), ['get_time', 'run_shell']);
  const shell = byName(inv.tools, 'run_shell');
  assert.equal(shell.schema, 'json-schema');
  assert.deepEqual(shell.capabilities.map((c) => c.capability), ['shell']);
  assert.deepEqual(byName(inv.tools, 'get_time').capabilities, []);
  const call = inv.modelCalls.find((c) => c.name === 'anthropic.messages.create()');
  assert.ok(call && shell.usedBy.includes(call.id), `run_shell is used by the model call: ${JSON.stringify(shell.usedBy)}`);
});
