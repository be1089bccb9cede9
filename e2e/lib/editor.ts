// Runs a real VS Code (code-server 4.100.3, offline) and drives it with playwright-core and
// Debian's Chromium. Recipe and selectors: /work/shared/E2E.md. Install with scripts/setup-e2e.sh.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

const E2E_DIR = path.resolve(import.meta.dirname, '..');
const REPO_DIR = path.resolve(E2E_DIR, '..');
const EDITOR_PKG = path.join(E2E_DIR, 'editor', 'package.json');
const OUTPUT_DIR = path.join(REPO_DIR, 'test-output');
const CHROMIUM = '/usr/bin/chromium';
const SETUP_HINT = 'run scripts/setup-e2e.sh (as root) first';

// code-server and playwright-core live in e2e/editor/node_modules, outside the root install,
// so resolve them from there rather than through this file's own module path.
const requireFromEditor = createRequire(EDITOR_PKG);

// Quiet, modal-free user settings; tests may override or add to them.
const DEFAULT_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
};

export interface StartOptions {
  /** Folder opened in the editor (absolute, or relative to the current directory). */
  workspace: string;
  /** A .vsix to install into this run's extensions dir before starting. */
  vsix?: string;
  /** User settings merged over DEFAULT_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Leave Workspace Trust on: the folder opens in Restricted Mode (no trust prompt). */
  restricted?: boolean;
}

export interface Editor {
  page: Page;
  context: BrowserContext;
  port: number;
  /** code-server's pid, also its process group id. */
  pid: number;
  /** Per-run folder: home/, xdg/, ud/ (user data), exts/, chromium/, config.yaml, code-server.log. */
  runDir: string;
  /** Milliseconds per start phase, for reporting. */
  timings: { install: number; server: number; workbench: number; extensions: number };
  /** Closes Chromium and kills code-server's process group. Safe to call twice. */
  stop(): Promise<void>;
}

/** What is missing to run the end-to-end test; empty when ready. */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) missing.push(`Node 20 (code-server 4.100.3 needs it; this is ${process.version})`);
  if (!fs.existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (Debian package chromium)`);
  for (const pkg of ['code-server', 'playwright-core']) {
    try {
      requireFromEditor.resolve(`${pkg}/package.json`);
    } catch {
      missing.push(`${pkg} in e2e/editor/node_modules`);
    }
  }
  return missing;
}

// Always throws, never skips: under CI=true a silently skipped e2e test would hide a broken setup.
function assertPrerequisites(): void {
  const missing = missingPrerequisites();
  if (missing.length === 0) return;
  const where = process.env.CI === 'true' ? ' (CI=true: the e2e test must not be skipped)' : '';
  throw new Error(`e2e prerequisites missing${where}: ${missing.join('; ')}. ${SETUP_HINT}.`);
}

function codeServerEntry(): string {
  const dir = path.dirname(requireFromEditor.resolve('code-server/package.json'));
  return path.join(dir, 'out', 'node', 'entry.js');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// Isolated environment: nothing may touch ~/.config/code-server, and VSCODE_* variables from
// an enclosing VS Code terminal would make the code-server CLI talk to that editor instead.
// Sockets and temp files go to a short folder under /tmp: a Unix socket path must stay under
// 108 bytes, which a deep checkout's test-output/ would exceed.
function runEnv(runDir: string, tmpDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  }
  const xdg = path.join(runDir, 'xdg');
  return {
    ...env,
    HOME: path.join(runDir, 'home'),
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
    XDG_STATE_HOME: path.join(xdg, 'state'),
    XDG_RUNTIME_DIR: tmpDir,
    TMPDIR: tmpDir,
  };
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Live pids whose command line names `dir` (Linux /proc; zombies have an empty cmdline).
function pidsUsing(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dir)) pids.push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  return pids;
}

// Safety net: if a test throws before stop(), still kill every code-server group on exit.
const liveGroups = new Set<number>();
process.on('exit', () => {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

async function waitForHealthz(port: number, child: ChildProcess, log: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before /healthz answered:\n${tail(log)}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server /healthz did not answer within ${timeoutMs} ms:\n${tail(log)}`);
}

// The workbench renders before the extension host has registered extensions: until then the
// palette lacks their commands and their language servers are not running. The extension
// host logs this line once the '*' and workspaceContains extensions have been activated.
async function waitForExtensionHost(logsDir: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const session of fs.existsSync(logsDir) ? fs.readdirSync(logsDir) : []) {
      const dir = path.join(logsDir, session);
      for (const host of fs.readdirSync(dir).filter((d) => d.startsWith('exthost'))) {
        const log = path.join(dir, host, 'remoteexthost.log');
        if (fs.existsSync(log) && fs.readFileSync(log, 'utf8').includes('Eager extensions activated')) return;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`extension host not ready within ${timeoutMs} ms (see ${logsDir})`);
}

/** Run folders kept for their logs; older ones (about 25 MB each) are removed. */
const KEPT_RUNS = 4;

function pruneOldRuns(): void {
  if (!fs.existsSync(OUTPUT_DIR)) return;
  const runs = fs
    .readdirSync(OUTPUT_DIR)
    .filter((n) => n.startsWith('e2e-run-'))
    .map((n) => ({ dir: path.join(OUTPUT_DIR, n), time: fs.statSync(path.join(OUTPUT_DIR, n)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of runs.slice(KEPT_RUNS - 1)) fs.rmSync(old.dir, { recursive: true, force: true });
}

export async function startEditor(options: StartOptions): Promise<Editor> {
  assertPrerequisites();
  const workspace = path.resolve(options.workspace);
  if (!fs.statSync(workspace, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`workspace is not a folder: ${workspace}`);
  }

  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  pruneOldRuns();
  const runDir = fs.mkdtempSync(path.join(OUTPUT_DIR, 'e2e-run-'));
  for (const d of ['home', 'ud/User', 'exts', 'chromium']) fs.mkdirSync(path.join(runDir, d), { recursive: true });
  const userData = path.join(runDir, 'ud');
  // code-server listens on <user-data-dir>/code-server-ipc.sock (see runEnv on the limit).
  if (Buffer.byteLength(path.join(userData, 'code-server-ipc.sock')) > 107) {
    throw new Error(`run folder path too long for a Unix socket: ${runDir}; use a shorter checkout path`);
  }
  const tmpDir = fs.mkdtempSync(path.join(fs.existsSync('/tmp') ? '/tmp' : os.tmpdir(), 'zta-e2e-'));
  fs.chmodSync(tmpDir, 0o700);
  const env = runEnv(runDir, tmpDir);
  const trust = options.restricted
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' }
    : {};
  const settings = { ...DEFAULT_SETTINGS, ...trust, ...options.settings };
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const port = await freePort();
  const config = path.join(runDir, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const base = [codeServerEntry(), '--user-data-dir', userData,
    '--extensions-dir', path.join(runDir, 'exts'), '--config', config];

  let t = Date.now();
  const timings = { install: 0, server: 0, workbench: 0, extensions: 0 };
  if (options.vsix) {
    const vsix = path.resolve(options.vsix);
    const r = spawnSync(process.execPath, [...base, '--install-extension', vsix],
      { env, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) {
      fs.rmSync(tmpDir, { recursive: true, force: true });
      throw new Error(`installing ${vsix} failed (${r.status ?? r.error?.message}):\n${r.stdout}\n${r.stderr}`);
    }
    timings.install = Date.now() - t;
    t = Date.now();
  }

  const log = path.join(runDir, 'code-server.log');
  const logFd = fs.openSync(log, 'a');
  // Detached = its own process group, so stop() can also kill the file watcher it forks.
  const child = spawn(process.execPath, [...base,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    ...(options.restricted ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', '--ignore-last-opened'],
  { env, detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  const pid = child.pid!;
  liveGroups.add(pid);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));

  let context: BrowserContext | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await context?.close().catch(() => {});
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + 5_000;
    while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
    await exited;
    // Chromium's crashpad handlers live outside both process groups and can outlive close()
    // on a busy machine: give them a moment, then kill whatever still names this run.
    const reapBy = Date.now() + 3_000;
    while (pidsUsing(runDir).length > 0 && Date.now() < reapBy) await new Promise((r) => setTimeout(r, 50));
    for (const p of pidsUsing(runDir)) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    liveGroups.delete(pid);
    fs.rmSync(tmpDir, { recursive: true, force: true });
  };

  try {
    await waitForHealthz(port, child, log);
    timings.server = Date.now() - t;
    t = Date.now();

    const { chromium } = requireFromEditor('playwright-core') as typeof import('playwright-core');
    context = await chromium.launchPersistentContext(path.join(runDir, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      env,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const url = `http://127.0.0.1:${port}/?${new URLSearchParams({ folder: workspace })}`;
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    timings.workbench = Date.now() - t;
    t = Date.now();
    await waitForExtensionHost(path.join(userData, 'logs'));
    timings.extensions = Date.now() - t;
    return { page, context, port, pid, runDir, timings, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Opens a file by clicking its explorer rows; 'src/a.ts' expands 'src' first. */
export async function openFile(page: Page, name: string): Promise<void> {
  const parts = name.split('/').filter(Boolean);
  for (const [i, part] of parts.entries()) {
    const row = page.getByRole('treeitem', { name: part, exact: true }).first();
    const isFile = i === parts.length - 1;
    if (isFile || (await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  }
  const base = parts.at(-1)!;
  await page.locator('.tabs-container .tab.active', { hasText: base }).waitFor();
  await page.locator('.editor-group-container.active .monaco-editor').first().waitFor();
}

/**
 * Opens the Problems panel (Ctrl+Shift+M) and returns its rows' aria-labels, waiting for at
 * least `atLeast` rows. Rows include the file header and related-information rows; marker rows
 * read `Error: <message> at line L and character C. generated by <source>`. Focus moves to
 * the panel: open the file again (or press a global key such as Ctrl+G) before typing.
 */
export async function problemsRows(page: Page, { atLeast = 1, timeout = 15_000 } = {}): Promise<string[]> {
  const panel = page.locator('.markers-panel');
  // The shortcut toggles: press it only while the panel is hidden.
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor();
  const rows = page.locator('.markers-panel .monaco-list-row');
  if (atLeast > 0) await rows.nth(atLeast - 1).waitFor({ timeout });
  const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels;
}

/** Saves a PNG under test-output/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(OUTPUT_DIR, name.endsWith('.png') ? name : `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

const cssString = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

// Clicks on quick-pick and action-widget rows are intercepted, so walk the focus with the
// keyboard until the focused row's aria-label is the wanted one, then press Enter.
// exact: the label is `title` or `title, <keybinding...>`; otherwise `title` is a prefix.
async function chooseRow(page: Page, rows: string, title: string, exact: boolean, timeout = 10_000): Promise<void> {
  const wanted = (label: string | null) =>
    label !== null && (exact ? label === title || label.startsWith(`${title}, `) : label.startsWith(title));
  const filter = exact
    ? `${rows}[aria-label=${cssString(title)}], ${rows}[aria-label^=${cssString(`${title}, `)}]`
    : `${rows}[aria-label^=${cssString(title)}]`;
  await page.locator(filter).first().waitFor({ timeout });
  const count = await page.locator(rows).count();
  for (let i = 0; i <= count; i++) {
    const focused = await page.locator(`${rows}.focused`).first().getAttribute('aria-label').catch(() => null);
    if (wanted(focused)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  const labels = await page.locator(rows).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  throw new Error(`no row "${title}" could be focused; rows: ${JSON.stringify(labels)}`);
}

/** Runs a command by its palette title, e.g. 'View: Close All Editors'. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await chooseRow(page, '.quick-input-widget .quick-input-list .monaco-list-row', title, true);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Moves the cursor with Ctrl+G (1-based line and column). */
export async function gotoLine(page: Page, line: number, column = 1): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Applies the quick fix whose title starts with titlePrefix, at the cursor. */
export async function quickFix(page: Page, titlePrefix: string): Promise<void> {
  // Ctrl+. before a code action is ready races and shows "No code actions available".
  await page.locator('.monaco-editor .lightBulbWidget').first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Control+.');
  await chooseRow(page, '.action-widget .monaco-list-row.action', titlePrefix, false);
  await page.locator('.action-widget').waitFor({ state: 'hidden' }).catch(() => {});
}
