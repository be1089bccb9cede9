/**
 * End to end in a real VS Code (code-server 4.100.3 = VS Code 1.100.3, driven by playwright-core
 * and Debian's Chromium; see e2e/README.md): the packaged .vsix is installed, a copy of
 * examples/agent-app is opened, findings show in the Problems panel, a quick fix is applied with
 * the keyboard and saved to disk. Prerequisites come from scripts/setup-e2e.sh; when they are
 * missing the test fails (never skips), so CI cannot pass without running it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { gotoLine, openFile, problemsRows, quickFix, runCommand, screenshot, startEditor, type Editor } from '../../e2e/lib/editor.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const EXAMPLE = path.join(REPO, 'examples/agent-app');
const VSIX = path.join(REPO, 'zero-trust-ai.vsix');
const KEY = /sk-ant-api03-[A-Za-z0-9]+/;

/** `npm run package`: production bundles + vsce. Built here so the test always installs what ships. */
function packageVsix(): string {
  const r = spawnSync('npm', ['run', 'package', '--silent'], { cwd: REPO, encoding: 'utf8', timeout: 240_000 });
  assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
  assert.ok(fs.existsSync(VSIX), 'the .vsix exists');
  return VSIX;
}

function copyExample(): string {
  assert.ok(fs.existsSync(EXAMPLE), `examples/agent-app is missing (${EXAMPLE})`);
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'zta-e2e-app-')));
  fs.cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  return dir;
}

async function waitForFile(file: string, predicate: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = fs.readFileSync(file, 'utf8');
    if (predicate(text) || Date.now() > deadline) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The explorer's "AI Inventory" section. */
function inventoryPane(page: Page): Locator {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'AI Inventory' }) }).first();
}

/** Expands a tree row with its twistie (a click on the row runs the item's command: it opens the code). */
async function expand(row: Locator): Promise<void> {
  await row.waitFor({ timeout: 30_000 });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
}

describe('VS Code extension end to end', { timeout: 600_000 }, () => {
  let vsix: string;
  before(() => {
    vsix = packageVsix();
  });

  describe('trusted workspace: the example app', () => {
    let editor: Editor;
    let workspace: string;
    before(async () => {
      workspace = copyExample();
      editor = await startEditor({ workspace, vsix });
    });
    after(async () => {
      await editor?.stop();
      if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
    });

    it('shows findings in the Problems panel, the status bar and a hover', async () => {
      const { page } = editor;
      await openFile(page, 'src/routes/escalate.ts');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
      const rows = await problemsRows(page, { atLeast: 3, timeout: 60_000 });
      const key = rows.find((r) => r.includes('Hard-coded Anthropic API key'));
      assert.ok(key, `hard-coded key listed:\n${rows.join('\n')}`);
      assert.match(key, /zero-trust-ai/);
      assert.match(key, /line 6/);
      assert.ok(!KEY.test(rows.join('\n')), 'the key is never shown in full');
      assert.ok(rows.some((r) => r.includes('req.headers.authorization reaches the model input')), 'data-flow finding listed');

      const status = page.locator('.statusbar-item', { hasText: 'Zero Trust AI' }).first();
      await status.waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /Zero Trust AI: [1-9]/.test(e.textContent ?? '')), undefined, { timeout: 30_000 });

      await gotoLine(page, 6, 50);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Why it matters' }).first();
      await hover.waitFor({ timeout: 15_000 });
      const hoverText = (await hover.textContent()) ?? '';
      assert.match(hoverText, /Zero Trust step/);
      assert.match(hoverText, /CWE-798/);
      await page.keyboard.press('Escape');
      console.log(`screenshot: ${await screenshot(page, 'e2e-extension-findings')}`);
    });

    it('applies a quick fix with the keyboard; saving writes the fixed code to disk', async () => {
      const { page } = editor;
      const file = path.join(workspace, 'src/routes/escalate.ts');
      // The light bulb waits for every code action provider, TypeScript's included: let tsserver finish its first pass.
      await page.waitForFunction(
        () => [...document.querySelectorAll('.markers-panel .monaco-list-row')].some((e) => / generated by ts$/.test(e.getAttribute('aria-label') ?? '')),
        undefined,
        { timeout: 120_000 },
      );
      // The light bulb shows when the cursor moves onto a finding: move away first.
      await gotoLine(page, 1, 1);
      await gotoLine(page, 6, 50);
      await quickFix(page, 'Read the credential from process.env.ANTHROPIC_API_KEY').catch(async (err) => {
        console.log(`screenshot: ${await screenshot(page, 'e2e-extension-quickfix-failed')}`);
        throw err;
      });
      await page.keyboard.press('Control+S');
      const text = await waitForFile(file, (t) => t.includes('apiKey: process.env.ANTHROPIC_API_KEY'));
      assert.ok(!KEY.test(text), 'the key is gone from the file on disk');
      assert.match(text.split('\n')[5], /new Anthropic\(\{ apiKey: process\.env\.ANTHROPIC_API_KEY \}\)/);
      await page.waitForFunction(
        () => ![...document.querySelectorAll('.markers-panel .monaco-list-row')].some((e) => (e.getAttribute('aria-label') ?? '').includes('Hard-coded Anthropic API key')),
        undefined,
        { timeout: 30_000 },
      );
      console.log(`screenshot: ${await screenshot(page, 'e2e-extension-fixed')}`);
    });

    it('"Zero Trust AI: Scan workspace" reports findings of files that are not open', async () => {
      const { page } = editor;
      await runCommand(page, 'Zero Trust AI: Scan workspace');
      const toast = page.locator('.notifications-toasts', { hasText: /Zero Trust AI: \d+ findings? in \d+ files?/ }).first();
      await toast.waitFor({ timeout: 120_000 });
      const summary = (await toast.textContent()) ?? '';
      const findings = Number(/(\d+) findings?/.exec(summary)![1]);
      assert.ok(findings >= 8, summary);
      // The Problems panel lists closed files too (filtered: the list only renders visible rows).
      await page.locator('.viewpane-filter input').first().fill('Tool "diagnostics"');
      await page.waitForFunction(
        () => [...document.querySelectorAll('.markers-panel .monaco-list-row')].some((e) => (e.getAttribute('aria-label') ?? '').includes('Tool "diagnostics" passes argument')),
        undefined,
        { timeout: 30_000 },
      );
      const rows = await problemsRows(page);
      assert.ok(rows.some((r) => /shell\.ts/.test(r)), `the finding's file (closed) is listed:\n${rows.join('\n')}`);
      await page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /Zero Trust AI: ([89]|\d\d)/.test(e.textContent ?? '')), undefined, { timeout: 30_000 });
      console.log(`screenshot: ${await screenshot(page, 'e2e-extension-scan')}`);
    });

    it('the AI Inventory view lists agents > tools > capabilities with the KPIs on top, jumps to code and follows edits', async () => {
      const { page } = editor;
      await runCommand(page, 'Zero Trust AI: Show AI inventory');
      // Room for the tree: the list draws only the rows in view.
      if (await page.locator('.markers-panel').isVisible()) await page.keyboard.press('Control+J');
      const others = page.locator('.sidebar .pane-header[aria-expanded="true"]', { hasNotText: 'AI Inventory' });
      for (let i = 0; i < 5 && (await others.count()) > 0; i++) await others.first().click();
      const pane = inventoryPane(page);
      const row = (text: string | RegExp) => pane.locator('.monaco-list-row', { hasText: text }).first();
      await row(/^Agents\d/).waitFor({ timeout: 120_000 });
      // The KPIs in the view's header, as numbers.
      const message = pane.locator('.message', { hasText: 'KPIs:' }).first();
      await message.waitFor({ timeout: 60_000 });
      assert.match((await message.textContent()) ?? '', /KPIs: Identity \d+\/\d+ · Scoped tools \d+\/\d+ · Redacted \d+\/\d+ · Logged \d+\/\d+ · Open egress \d+/);
      // agents > tools > capabilities: Support's read_file tool reads the filesystem.
      await expand(row(/^Support/));
      await expand(row(/^read_file/));
      await row(/^filesystem/).waitFor();
      assert.match((await row(/^read_file/).textContent()) ?? '', /filesystem/);
      // A node opens its source: read_file is declared at src/tools/files.ts line 23.
      await row(/^read_file/).click();
      await page.locator('.tabs-container .tab.active', { hasText: 'files.ts' }).waitFor({ timeout: 15_000 });
      await page.waitForFunction(() => /Ln 23,/.test(document.querySelector('[id="status.editor.selection"]')?.textContent ?? ''), undefined, { timeout: 15_000 });
      // Findings show under the item that has them: the diagnostics tool's model-chosen shell command.
      await expand(row(/^Tools/));
      await expand(row(/^diagnostics/));
      await row(/^shell/).waitFor();
      console.log(`screenshot: ${await screenshot(page, 'e2e-extension-inventory')}`);
      // It follows the code: a new tool file on disk appears without a manual refresh.
      fs.writeFileSync(
        path.join(workspace, 'src/tools/extra.ts'),
        `import { tool } from 'ai';\nimport { z } from 'zod';\nimport { execSync } from 'node:child_process';\n\nexport const runAnything = tool({\n  description: 'Runs a command',\n  inputSchema: z.object({ command: z.string() }),\n  execute: async ({ command }) => execSync(command).toString(),\n});\n`,
      );
      await row(/^runAnything/).waitFor({ timeout: 60_000 });
      assert.match((await row(/^runAnything/).textContent()) ?? '', /shell/);
    });

    it('"Show trust-boundary map" draws the map offline in a webview; clicking a node opens its code', async () => {
      const { page } = editor;
      await runCommand(page, 'Zero Trust AI: Show trust-boundary map');
      const map = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await map.locator('body[data-diagram="rendered"]').waitFor({ timeout: 60_000 }).catch(async (err) => {
        console.log(`screenshot: ${await screenshot(page, 'e2e-extension-map-failed')}`);
        throw err;
      });
      const nodes = await map.locator('g.node').count();
      const clickable = await map.locator('g.node.clickable').count();
      assert.ok(nodes >= 20 && clickable >= 10, `${nodes} nodes drawn, ${clickable} linked to code`);
      // Findings are marked on the map: the unscoped shell tool is drawn with its rule.
      const tool = map.locator('g.node[data-node="tool:diagnostics"]');
      assert.match((await tool.textContent()) ?? '', /no-unscoped-tools/);
      assert.match(await map.locator('ul.kpis').textContent() ?? '', /Agents with a unique identity/);
      console.log(`screenshot: ${await screenshot(page, 'e2e-extension-map')}`);
      await tool.click();
      await page.locator('.tabs-container .tab.active', { hasText: 'shell.ts' }).waitFor({ timeout: 15_000 });
      await page.waitForFunction(() => /Ln 9,/.test(document.querySelector('[id="status.editor.selection"]')?.textContent ?? ''), undefined, { timeout: 15_000 }).catch(async (err) => {
        console.log(`screenshot: ${await screenshot(page, 'e2e-extension-map-click-failed')}`);
        console.log(await page.locator('.statusbar').textContent());
        throw err;
      });
      console.log(`screenshot: ${await screenshot(page, 'e2e-extension-map-clicked')}`);
    });
  });

  describe('Restricted Mode (Workspace Trust on, folder not trusted)', () => {
    let editor: Editor;
    let workspace: string;
    before(async () => {
      workspace = copyExample();
      // A workspace policy that would hide the hard-coded key: in Restricted Mode it must not be read.
      fs.writeFileSync(path.join(workspace, 'zero-trust-ai.config.json'), JSON.stringify({ rules: { 'no-hardcoded-credentials': 'off' } }));
      editor = await startEditor({ workspace, vsix, restricted: true });
    });
    after(async () => {
      await editor?.stop();
      if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
    });

    it('the extension runs with the default policy and says the workspace config is ignored', async () => {
      const { page } = editor;
      await openFile(page, 'src/routes/escalate.ts');
      const rows = await problemsRows(page, { atLeast: 1, timeout: 90_000 });
      await page.waitForFunction(
        () => [...document.querySelectorAll('.markers-panel .monaco-list-row')].some((e) => (e.getAttribute('aria-label') ?? '').includes('Hard-coded Anthropic API key')),
        undefined,
        { timeout: 90_000 },
      );
      assert.ok(rows.length > 0);
      const status = page.locator('.statusbar-item[aria-label*="Zero Trust AI"]').first();
      await page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /Zero Trust AI.*Restricted Mode/.test(e.getAttribute('aria-label') ?? '')), undefined, { timeout: 30_000 });
      assert.match((await status.getAttribute('aria-label')) ?? '', /workspace config ignored/);
      console.log(`screenshot: ${await screenshot(page, 'e2e-extension-restricted')}`);
    });
  });
});
