/**
 * The language server over real LSP messages: the built server is spawned with --stdio and driven
 * like an editor drives it (initialize, didOpen, didChange, codeAction, hover, executeCommand,
 * $/cancelRequest, watched-file events).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  CodeActionRequest,
  ExecuteCommandRequest,
  HoverRequest,
  LSPErrorCodes,
  type CodeAction,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { generateAgentWorkspace } from '../../scripts/lib/agent-workspace.mjs';
import { applyEdits, buildOnce, editsFor, LspClient, tempWorkspace, uriOf } from './lsp-client.js';

const KEY = 'sk-proj-ZVrEM3zI2RpqSw4vcVKAUCl8hDrPKDk1OCMyy18ume9GxaGz';
const AGENT = `import OpenAI from 'openai';

const client = new OpenAI({ apiKey: '${KEY}' });

export async function answer(user: { email: string; name: string }, question: string) {
  const completion = await client.chat.completions.create({
    model: 'gpt-4.1-mini',
    messages: [
      { role: 'system', content: 'You answer questions.' },
      { role: 'user', content: \`Customer \${user.email} asks: \${question}\` },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}
`;
const REDACT = `export function redactPII(text: string): string {
  return text.replace(/[A-Z0-9._%+-]+@[A-Z0-9.-]+/gi, '[EMAIL]');
}
`;

const byRule = (ds: Diagnostic[], id: string) => ds.filter((d) => d.code === id);
const has = (id: string) => (ds: Diagnostic[]) => byRule(ds, id).length > 0;
const lacks = (id: string) => (ds: Diagnostic[]) => byRule(ds, id).length === 0;

async function codeActions(client: LspClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const result = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  return (result ?? []) as CodeAction[];
}

before(() => buildOnce());

describe('language server over LSP', () => {
  let root: string;
  let client: LspClient;
  let agentFile: string;
  let uri: string;
  let text = AGENT;
  let version = 1;

  before(async () => {
    root = tempWorkspace({ 'src/agent.ts': AGENT, 'src/redact.ts': REDACT, 'package.json': '{ "name": "fixture" }\n' });
    agentFile = path.join(root, 'src/agent.ts');
    client = new LspClient({ root, settings: {} });
    await client.initialize();
    ({ uri, version } = await client.open(agentFile));
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function edit(next: string) {
    text = next;
    version = await client.change(uri, next);
    return version;
  }

  it('publishes diagnostics with rule id, doc link, source, severity, related locations and fix data', async () => {
    const ds = await client.diagnosticsFor(uri, version, has('no-hardcoded-credentials'));
    const [key] = byRule(ds, 'no-hardcoded-credentials');
    assert.equal(key.source, 'zero-trust-ai');
    assert.equal(key.severity, 1);
    assert.match(key.codeDescription!.href, /\/docs\/rules\/no-hardcoded-credentials\.md$/);
    assert.equal(key.range.start.line, 2);
    assert.equal(AGENT.split('\n')[2].slice(key.range.start.character, key.range.end.character), `'${KEY}'`);
    assert.ok(!key.message.includes(KEY), 'the secret is never echoed in full');
    assert.ok(key.relatedInformation?.some((r) => r.location.uri === uri && r.location.range.start.line === 2), 'related: the client that authenticates with it');
    const data = key.data as { ruleId: string; version: number; fixes: Array<{ title: string; kind: string }> };
    assert.equal(data.ruleId, 'no-hardcoded-credentials');
    assert.equal(data.version, version);
    assert.ok(data.fixes.some((f) => f.kind === 'suppress'));
    assert.ok(has('no-unredacted-prompts')(ds), 'cross-file data flow rules run too');
  });

  it('hover on a finding shows the rationale, Zero Trust step, OWASP and CWE ids and the doc link', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 40 } });
    const md = (hover?.contents as MarkupContent).value;
    assert.match(md, /no-hardcoded-credentials/);
    assert.match(md, /Why it matters/);
    assert.match(md, /Zero Trust step:\*\* 2\. Verify every identity/);
    assert.match(md, /LLM02:2025/);
    assert.match(md, /CWE-798/);
    assert.match(md, /\(https:\/\/[^)]+\/no-hardcoded-credentials\.md\)/);
    const none = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(none, null);
  });

  it('didChange: a finding disappears when the code is fixed and comes back when it is reintroduced', async () => {
    await edit(AGENT.replace(`'${KEY}'`, 'process.env.OPENAI_API_KEY'));
    await client.diagnosticsFor(uri, version, lacks('no-hardcoded-credentials'));
    await edit(AGENT);
    await client.diagnosticsFor(uri, version, has('no-hardcoded-credentials'));
  });

  it('code actions: a quick fix per fix, suppress with reason, show documentation; the fix removes the finding and a second round offers nothing there', async () => {
    const ds = await client.diagnosticsFor(uri, version, has('no-hardcoded-credentials'));
    const key = byRule(ds, 'no-hardcoded-credentials');
    const actions = await codeActions(client, uri, key);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Read the credential from process.env.OPENAI_API_KEY'), titles.join('\n'));
    assert.ok(titles.includes('Suppress no-hardcoded-credentials on this line (with a reason)'));
    assert.ok(titles.includes('Show documentation for no-hardcoded-credentials'));
    assert.ok(actions.every((a) => a.kind === 'quickfix'));

    const fix = actions.find((a) => a.title.startsWith('Read the credential'))!;
    const versioned = fix.edit!.documentChanges![0] as { textDocument: { version: number } };
    assert.equal(versioned.textDocument.version, version, 'edits are tied to the analyzed version');
    const fixed = applyEdits(text, editsFor(fix.edit, uri));
    assert.match(fixed, /new OpenAI\(\{ apiKey: process\.env\.OPENAI_API_KEY \}\)/);
    await edit(fixed);
    const after = await client.diagnosticsFor(uri, version);
    assert.deepEqual(byRule(after, 'no-hardcoded-credentials'), []);
    const again = await codeActions(client, uri, after.filter((d) => d.range.start.line === 2));
    assert.ok(!again.some((a) => a.title.startsWith('Read the credential')), 'nothing left to fix on that line');
    await edit(AGENT);
  });

  it('a fix of a file that changed since its analysis is not offered (stale positions)', async () => {
    const ds = await client.diagnosticsFor(uri, version, has('no-hardcoded-credentials'));
    const stale = byRule(ds, 'no-hardcoded-credentials');
    await edit(`// a new first line\n${AGENT}`);
    const actions = await codeActions(client, uri, stale);
    assert.deepEqual(actions.map((a) => a.title), []);
    await client.diagnosticsFor(uri, version, has('no-hardcoded-credentials'));
    await edit(AGENT);
  });

  it('suppress with reason inserts a directive the engine accepts: the finding goes away', async () => {
    const ds = await client.diagnosticsFor(uri, version, has('no-hardcoded-credentials'));
    const actions = await codeActions(client, uri, byRule(ds, 'no-hardcoded-credentials'));
    const suppress = actions.find((a) => a.title.startsWith('Suppress'))!;
    const suppressed = applyEdits(text, editsFor(suppress.edit, uri));
    assert.match(suppressed.split('\n')[2], /^\/\/ zero-trust-ai-disable-next-line no-hardcoded-credentials -- \S/);
    await edit(suppressed);
    const after = await client.diagnosticsFor(uri, version);
    assert.deepEqual(byRule(after, 'no-hardcoded-credentials'), []);
    assert.ok(has('no-unredacted-prompts')(after), 'other rules still report');
    await edit(AGENT);
  });

  it('source.fixAll.zero-trust-ai offers safe fixes only, never suggestions', async () => {
    const ds = await client.diagnosticsFor(uri, version, has('no-hardcoded-credentials'));
    const actions = await codeActions(client, uri, [], ['source.fixAll']);
    for (const a of actions) assert.equal(a.kind, 'source.fixAll.zero-trust-ai');
    const safe = ds.flatMap((d) => (d.data as { fixes: Array<{ kind: string; title: string }> }).fixes).filter((f) => f.kind === 'fix');
    if (safe.length === 0) assert.deepEqual(actions, [], 'no safe fix among the findings: nothing to apply');
    else assert.equal(actions.length, 1);
    const quick = await codeActions(client, uri, byRule(ds, 'no-hardcoded-credentials'), ['source.fixAll']);
    assert.ok(!quick.some((a) => a.kind === 'quickfix'), 'asking for fix-all returns no quick fixes');
  });

  it('"show documentation" asks the client to open the rule doc', async () => {
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'zero-trust-ai.showRuleDocumentation', arguments: ['no-unscoped-tools'] });
    assert.ok(client.shownDocuments.some((u) => u.endsWith('/docs/rules/no-unscoped-tools.md')), client.shownDocuments.join('\n'));
  });

  it('a newer version supersedes an analysis in flight: no stale result is ever published over a newer one', async () => {
    const base = client.diagnostics.get(uri)?.length ?? 0;
    const withKey = AGENT;
    const without = AGENT.replace(`'${KEY}'`, 'process.env.OPENAI_API_KEY');
    let last = 0;
    for (let i = 0; i < 6; i++) last = await edit(i % 2 ? without : withKey);
    // The last text has no key: whatever got published before, the final publish is for it.
    const final = await client.diagnosticsFor(uri, last, lacks('no-hardcoded-credentials'));
    assert.ok(final);
    await new Promise((r) => setTimeout(r, 800)); // let any straggler arrive
    const publishes = client.diagnostics.get(uri)!.slice(base);
    const versions = publishes.map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `publishes in version order: ${versions}`);
    assert.equal(publishes.at(-1)!.version, last);
    assert.ok(publishes.length < 6, `superseded edits were not all analyzed (${publishes.length} publishes for 6 edits)`);
    await edit(AGENT);
    await client.diagnosticsFor(uri, version, has('no-hardcoded-credentials'));
  });

  it('config file changes reload the policy; a bad config gets a diagnostic with the reason and a message', async () => {
    await client.waitLoaded();
    const configFile = path.join(root, 'zero-trust-ai.config.json');
    fs.writeFileSync(configFile, JSON.stringify({ rules: { 'no-hardcoded-credentials': 'off', 'require-audit-logging': 'info' } }));
    await client.fileChanged(configFile, 1);
    const ds = await client.waitFor('policy applied', () => {
      const p = client.latest(uri);
      return p && lacks('no-hardcoded-credentials')(p.diagnostics) && p.diagnostics.some((d) => d.code === 'require-audit-logging' && d.severity === 3) ? p.diagnostics : undefined;
    });
    assert.ok(ds.length > 0);

    fs.writeFileSync(configFile, '{ "rules": { "no-hardcoded-credentials": "loud" } }\n');
    await client.fileChanged(configFile);
    const configUri = uriOf(configFile);
    const problems = await client.waitFor('config diagnostics', () => client.latest(configUri)?.diagnostics.length && client.latest(configUri)!.diagnostics);
    assert.match(problems[0].message, /rules\.no-hardcoded-credentials/);
    assert.equal(problems[0].range.start.line, 0);
    assert.ok(problems[0].range.start.character > 0, 'points at the key');
    await client.waitFor('a message naming the problem', () => client.messages.find((m) => m.includes('zero-trust-ai.config.json')));
    // The rest of the policy goes on with defaults: the rule is back at its default severity.
    await client.waitFor('defaults for the bad key', () => has('no-hardcoded-credentials')(client.latest(uri)?.diagnostics ?? []));

    fs.rmSync(configFile);
    await client.fileChanged(configFile, 3);
    await client.waitFor('config diagnostics cleared', () => client.latest(configUri)?.diagnostics.length === 0);
  });

  it('findings that depend on another file follow its edits (the other open file is re-analyzed)', async () => {
    const a = path.join(root, 'src/refund.ts');
    const b = path.join(root, 'src/billing.ts');
    const agent = (name: string, env: string) => `import { Agent } from '@mastra/core/agent';
import { createOpenAI } from '@ai-sdk/openai';
const provider = createOpenAI({ apiKey: process.env.${env} });
export const ${name}Agent = new Agent({ name: '${name}', instructions: 'You handle ${name}.', model: provider('gpt-4.1') });
`;
    fs.writeFileSync(a, agent('refund', 'SHARED_KEY'));
    fs.writeFileSync(b, agent('billing', 'SHARED_KEY'));
    await client.fileChanged(a, 1);
    await client.fileChanged(b, 1);
    const ua = (await client.open(a)).uri;
    const ub = (await client.open(b)).uri;
    await client.waitFor('shared credential reported in both files', () => has('no-shared-agent-credentials')(client.latest(ua)?.diagnostics ?? []) && has('no-shared-agent-credentials')(client.latest(ub)?.diagnostics ?? []));
    await client.change(ua, agent('refund', 'REFUND_KEY'));
    await client.waitFor('finding gone in the edited file and in the other one', () => lacks('no-shared-agent-credentials')(client.latest(ua)?.diagnostics ?? [1 as never]) && lacks('no-shared-agent-credentials')(client.latest(ub)?.diagnostics ?? []));
    await client.close(ua);
    await client.close(ub);
  });

  it('didClose clears the file diagnostics', async () => {
    await client.close(uri);
    await client.waitFor('cleared', () => client.latest(uri)?.diagnostics.length === 0);
    ({ uri, version } = await client.open(agentFile, AGENT));
    text = AGENT;
    await client.diagnosticsFor(uri, version, has('no-hardcoded-credentials'));
  });
});

describe('language server settings and trust', () => {
  it('editor settings override rule severities and can disable the folder', async () => {
    const root = tempWorkspace({ 'agent.ts': AGENT });
    const client = new LspClient({ root, settings: { rules: { 'no-hardcoded-credentials': 'warning', 'require-audit-logging': 'off' } } });
    try {
      await client.initialize();
      const { uri } = await client.open(path.join(root, 'agent.ts'));
      const ds = await client.diagnosticsFor(uri, 1, has('no-hardcoded-credentials'));
      assert.equal(byRule(ds, 'no-hardcoded-credentials')[0].severity, 2);
      assert.deepEqual(byRule(ds, 'require-audit-logging'), []);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('standalone clients pass settings as initializationOptions', async () => {
    const root = tempWorkspace({ 'agent.ts': AGENT });
    const client = new LspClient({ root, initializationOptions: { settings: { enable: false } } });
    try {
      await client.initialize();
      const { uri } = await client.open(path.join(root, 'agent.ts'));
      assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('in an untrusted workspace the config file is not read: default policy', async () => {
    const root = tempWorkspace({ 'agent.ts': AGENT, 'zero-trust-ai.config.json': JSON.stringify({ rules: { 'no-hardcoded-credentials': 'off' } }) });
    const client = new LspClient({ root, settings: { configPath: 'zero-trust-ai.config.json' }, initializationOptions: { trusted: false } });
    try {
      await client.initialize();
      const { uri } = await client.open(path.join(root, 'agent.ts'));
      await client.diagnosticsFor(uri, 1, has('no-hardcoded-credentials'));
      assert.ok(client.logs.some((l) => /Restricted Mode/.test(l)), client.logs.join('\n'));
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('language server cancellation on a large workspace', () => {
  it('$/cancelRequest stops a workspace scan in flight; a full scan publishes every file', async () => {
    const root = tempWorkspace({});
    generateAgentWorkspace(root, 400);
    fs.appendFileSync(path.join(root, 'src/agents/agent-3.ts'), `\nexport const cfg = { apiKey: '${KEY}' };\n`);
    const client = new LspClient({ root, settings: {} });
    try {
      await client.initialize();
      const source = new CancellationTokenSource();
      const scan = client.connection.sendRequest('zeroTrustAi/scanWorkspace', {}, source.token);
      setTimeout(() => source.cancel(), 150);
      await assert.rejects(scan, (err: { code?: number }) => err.code === LSPErrorCodes.RequestCancelled);

      const full = (await client.connection.sendRequest('zeroTrustAi/scanWorkspace', {})) as { findings: number; scannedFiles: number; filesWithFindings: number; cancelled: boolean };
      assert.equal(full.cancelled, false);
      assert.ok(full.findings >= 1);
      assert.ok(full.filesWithFindings >= 1);
      assert.ok(full.scannedFiles >= 400, `scanned ${full.scannedFiles}`);
      const published = client.latest(uriOf(path.join(root, 'src/agents/agent-3.ts')));
      assert.ok(published && has('no-hardcoded-credentials')(published.diagnostics), 'closed files get diagnostics from a scan');
      const stats = (await client.connection.sendRequest('zeroTrustAi/stats')) as { rssBytes: number; loadedFiles: number };
      assert.ok(stats.loadedFiles >= 400, `loaded ${stats.loadedFiles}`);
      assert.ok(stats.rssBytes > 0);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
