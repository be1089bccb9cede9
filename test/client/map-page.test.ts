/**
 * The trust-boundary map page (dist/client/map.js + the bundled Mermaid) in headless Chromium, with
 * the page's real HTML and content security policy and a stand-in for the webview API: it draws the
 * example app's map, makes exactly the nodes that have code clickable (mouse and keyboard), sends
 * back the graph node id, keeps hostile labels as text, and loads nothing but its own scripts.
 * The real-VS-Code run (test/e2e) covers the same page inside a webview.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { kpiMet, kpiValue, mermaidDiagram, type Inventory } from '../../rules/src/inventory/index.js';
import { mapFolder } from '../../client/src/inventory/map-data.js';
import { MAP_SCRIPTS, mapPageHtml } from '../../client/src/webview/page.js';
import type { FromMap, ToMap } from '../../client/src/webview/messages.js';
import type { FolderInventory } from '../../server/src/protocol.js';
import { EXAMPLE_ROOT, inventoryOfFiles, inventoryOfFolder, REPO_ROOT } from '../inventory/helpers.js';
import { buildOnce } from '../server/lsp-client.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = path.join(REPO_ROOT, 'test-output');

function folderOf(inventory: Inventory, name: string): FolderInventory {
  return {
    uri: pathToFileURL(inventory.root).href,
    name,
    inventory,
    mermaid: mermaidDiagram(inventory.graph),
    findings: 0,
    kpiText: Object.fromEntries(inventory.kpis.map((k) => [k.id, { value: kpiValue(k), met: kpiMet(k) }])),
  };
}

describe('trust-boundary map page in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const problems: string[] = [];
  const requests: string[] = [];

  before(async () => {
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup-e2e.sh`);
    buildOnce();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zta-map-'));
    // The webview API, as VS Code gives it to the page: messages posted are recorded for the test.
    fs.writeFileSync(path.join(dir, 'webview-api.js'), 'window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} });');
    const scripts = [path.join(dir, 'webview-api.js'), path.join(REPO_ROOT, MAP_SCRIPTS.mermaid), path.join(REPO_ROOT, MAP_SCRIPTS.page)].map((f) => pathToFileURL(f).href);
    fs.writeFileSync(path.join(dir, 'map.html'), mapPageHtml({ cspSource: "'self'", nonce: 'dGVzdC1ub25jZQ==', scripts }));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(path.join(dir, 'map.html')).href);
    await page.waitForFunction(() => (window as unknown as { __posted: FromMap[] }).__posted.some((m) => m.type === 'ready'));
  });
  after(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const posted = () => page.evaluate(() => (window as unknown as { __posted: FromMap[] }).__posted);
  async function show(message: ToMap) {
    await page.evaluate(() => (document.body.dataset.diagram = 'loading'));
    await page.evaluate((m) => window.postMessage(m, '*'), message);
    await page.waitForFunction(() => document.body.dataset.diagram !== 'loading', undefined, { timeout: 60_000 });
  }

  it('draws the example app, with exactly the nodes that have code clickable', async () => {
    const inventory = inventoryOfFolder(EXAMPLE_ROOT);
    const folder = mapFolder(folderOf(inventory, 'agent-app'));
    await show({ type: 'inventory', state: 'ready', folders: [folder] });
    assert.equal(await page.evaluate(() => document.body.dataset.diagram), 'rendered', await page.locator('#status').textContent() ?? '');
    const nodes = inventory.graph.nodes;
    const withCode = nodes.filter((n) => n.location);
    assert.equal(await page.locator('g.node[data-node]').count(), nodes.length);
    assert.equal(await page.locator('g.node.clickable').count(), withCode.length);
    assert.ok(withCode.length >= 10 && withCode.length < nodes.length, `${withCode.length} of ${nodes.length} nodes have code`);
    assert.deepEqual((await posted()).at(-1), { type: 'rendered', nodes: nodes.length, clickable: withCode.length });
    // The KPIs above the map.
    assert.equal(await page.locator('ul.kpis li').count(), inventory.kpis.length);
    assert.match((await page.locator('ul.kpis').textContent()) ?? '', /Agents whose tools are all scoped\d+ of \d+/);
    // The tool with a finding names its rule on the map.
    const tool = page.locator('g.node[data-node="tool:diagnostics"]');
    assert.match((await tool.textContent()) ?? '', /no-unscoped-tools/);
    await page.screenshot({ path: path.join(OUT, 'map-page.png') });

    await tool.click();
    assert.deepEqual((await posted()).at(-1), { type: 'open', folder: folder.uri, node: 'tool:diagnostics' });
    await page.locator('g.node[data-node="agent:support"]').focus();
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted()).at(-1), { type: 'open', folder: folder.uri, node: 'agent:support' });
    // Nodes without code (the users, a host) are not links.
    const users = page.locator('g.node[data-node="users"]');
    assert.equal(await users.getAttribute('role'), null);
  });

  it('keeps hostile names as text', async () => {
    const inventory = inventoryOfFiles({
      'tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
import { execSync } from 'node:child_process';
export const t = tool({ name: '<img src=x onerror="window.__pwned=1">', description: 'x', parameters: z.object({ c: z.string() }), execute: async ({ c }) => execSync(c) });
`,
    });
    assert.ok(inventory.tools.some((t) => t.name.includes('<img')), 'the fixture names a tool with markup');
    await show({ type: 'inventory', state: 'ready', folders: [mapFolder(folderOf(inventory, 'hostile'))] });
    assert.equal(await page.evaluate(() => document.body.dataset.diagram), 'rendered');
    assert.equal(await page.locator('#map img').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.match((await page.locator('#map').textContent()) ?? '', /<img src=x onerror=/);
  });

  it('says so when there is nothing to draw, and shows errors', async () => {
    await show({ type: 'inventory', state: 'ready', folders: [] });
    assert.equal(await page.evaluate(() => document.body.dataset.diagram), 'empty');
    assert.match((await page.locator('#status').textContent()) ?? '', /No AI agents, tools or model calls/);
    await show({ type: 'inventory', state: 'error', message: 'worker crashed', folders: [] });
    assert.equal(await page.evaluate(() => document.body.dataset.diagram), 'error');
    assert.match((await page.locator('#status').textContent()) ?? '', /could not be built: worker crashed/);
  });

  it('logged no error and loaded nothing but its own files', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), []);
  });

  it('runs under a content security policy that blocks any other script', async () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(fs.readFileSync(path.join(dir, 'map.html'), 'utf8'))?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[^']+'(;|$)/, 'scripts only by nonce');
    assert.doesNotMatch(csp, /unsafe-eval|https?:|\*/);
    // An injected script (what a hostile label would need) does not run.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = 1';
      document.body.appendChild(s);
    });
    assert.equal(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected), undefined);
  });
});
