/**
 * The inventory request over real LSP: the server's answer is the engine's inventory of the same
 * folder (what the CLI writes), with the map drawn and the KPIs in words; the diagnostics of closed
 * files are published on the way; an edit makes the server say the inventory changed, and the next
 * answer shows the edit; an edit during a request cancels it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import type { InventoryResult } from '../../server/src/protocol.js';
import { generateAgentWorkspace } from '../../scripts/lib/agent-workspace.mjs';
import { EXAMPLE_ROOT, inventoryOfFolder } from '../inventory/helpers.js';
import { buildOnce, LspClient, uriOf } from './lsp-client.js';

const INVENTORY = 'zeroTrustAi/inventory';

function copyExample(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'zta-inv-')));
  fs.cpSync(EXAMPLE_ROOT, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  return dir;
}

const counts = (i: InventoryResult['folders'][number]['inventory']) => ({
  agents: i.agents.length,
  tools: i.tools.length,
  models: i.models.length,
  modelCalls: i.modelCalls.length,
  credentials: i.credentials.length,
  egress: i.egress.length,
  mcpServers: i.mcpServers.length,
  memories: i.memories.length,
});

before(() => buildOnce());

describe('inventory over LSP', () => {
  let root: string;
  let client: LspClient;
  let inventoryChanged = 0;

  before(async () => {
    root = copyExample();
    client = new LspClient({ root, settings: {} });
    client.connection.onNotification('zeroTrustAi/inventoryChanged', () => inventoryChanged++);
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers with the engine inventory of the folder, its map and KPIs, and publishes every file', async () => {
    const result = await client.connection.sendRequest<InventoryResult>(INVENTORY, {});
    assert.equal(result.folders.length, 1);
    const [folder] = result.folders;
    assert.equal(folder.uri, uriOf(root));
    const expected = inventoryOfFolder(root);
    assert.deepEqual(counts(folder.inventory), counts(expected));
    assert.deepEqual(folder.inventory.agents.map((a) => a.name).sort(), expected.agents.map((a) => a.name).sort());
    assert.deepEqual(folder.inventory.tools.map((t) => t.name).sort(), expected.tools.map((t) => t.name).sort());
    assert.ok(folder.inventory.agents.length > 0 && folder.inventory.tools.length > 0, 'the example has agents and tools');
    assert.ok(result.analyzedFiles >= 10, `analyzed ${result.analyzedFiles} files`);
    // Every graph node has a Mermaid id, and the text draws each of them.
    for (const n of folder.inventory.graph.nodes) {
      const id = folder.mermaid.nodeIds[n.id];
      assert.ok(id, `node ${n.id} has a Mermaid id`);
      assert.match(folder.mermaid.text, new RegExp(`\\b${id}\\b`));
    }
    // The KPIs in words, as the CLI says them.
    assert.deepEqual(Object.keys(folder.kpiText).sort(), folder.inventory.kpis.map((k) => k.id).sort());
    for (const k of folder.inventory.kpis) assert.match(folder.kpiText[k.id].value, k.measured ? /\d/ : /not measured/);
    // The findings of closed files were published on the way (the view and the Problems panel agree).
    const published = [...client.diagnostics.values()].reduce((n, list) => n + (list.at(-1)?.diagnostics.length ?? 0), 0);
    assert.equal(published, folder.findings);
    assert.ok(folder.findings > 0);
  });

  it('says the inventory changed after an edit, and the next answer shows it', async () => {
    const file = path.join(root, 'src/tools/extra.ts');
    const text = `import { tool } from 'ai';
import { z } from 'zod';
import { execSync } from 'node:child_process';

export const runAnything = tool({
  description: 'Runs a command',
  inputSchema: z.object({ command: z.string() }),
  execute: async ({ command }) => execSync(command).toString(),
});
`;
    const before = await client.connection.sendRequest<InventoryResult>(INVENTORY, {});
    const seen = inventoryChanged;
    const { uri } = await client.open(file, '');
    await client.change(uri, text);
    await client.waitFor('inventoryChanged after the edit', () => inventoryChanged > seen);
    const afterEdit = await client.connection.sendRequest<InventoryResult>(INVENTORY, {});
    const tools = afterEdit.folders[0].inventory.tools;
    assert.equal(tools.length, before.folders[0].inventory.tools.length + 1);
    const added = tools.find((t) => t.name === 'runAnything');
    assert.ok(added, `new tool listed: ${tools.map((t) => t.name).join(', ')}`);
    assert.deepEqual(added.capabilities.map((c) => c.capability), ['shell']);
    assert.equal(added.location.file, 'src/tools/extra.ts');
    assert.ok(added.findings.some((f) => f.ruleId === 'no-unscoped-tools'), 'its finding is attached');
  });
});

describe('inventory request cancelled by an edit', () => {
  let root: string;
  let client: LspClient;
  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'zta-inv-big-')));
    generateAgentWorkspace(root, 600);
    client = new LspClient({ root, settings: {} });
    await client.initialize();
    await client.waitLoaded();
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('an edit during the request cancels it: its answer would be stale', async () => {
    const file = fs.readdirSync(path.join(root, 'src'), { recursive: true }).map(String).find((f) => f.endsWith('.ts'))!;
    const { uri } = await client.open(path.join(root, 'src', file));
    const pending = client.connection.sendRequest<InventoryResult>(INVENTORY, {});
    await new Promise((r) => setTimeout(r, 50));
    await client.change(uri, `${fs.readFileSync(path.join(root, 'src', file), 'utf8')}\n// edited\n`);
    await assert.rejects(pending, (err: unknown) => err instanceof ResponseError && err.code === LSPErrorCodes.RequestCancelled);
    // The next request completes.
    const result = await client.connection.sendRequest<InventoryResult>(INVENTORY, {});
    // The generator writes one tool and one model call per ten files.
    assert.equal(result.folders[0].inventory.tools.length, 60);
    assert.equal(result.folders[0].inventory.modelCalls.length, 60);
  });
});
