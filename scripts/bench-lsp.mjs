#!/usr/bin/env node
// Language server latency benchmark (npm run bench:lsp): on a generated 1,000-file agent
// workspace, the time from didChange to publishDiagnostics for the edited file over 200 edits
// (p50, p95), and the server's memory. Drives the built server over stdio like an editor.
//   node scripts/bench-lsp.mjs [--files 1000] [--edits 200] [--json out.json]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { EDITED_FILE, generateAgentWorkspace } from './lib/agent-workspace.mjs';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const FILES = Number(arg('files', 1000));
const EDITS = Number(arg('edits', 200));
const WARMUP = 10;
/** Pause between edits, like keystrokes: the next edit is sent once the previous one is published. */
const PAUSE_MS = 20;
/** Inventory requests measured after the edits. */
const INVENTORY_RUNS = 3;
const KEY = 'sk-proj-ZVrEM3zI2RpqSw4vcVKAUCl8hDrPKDk1OCMyy18ume9GxaGz';

const server = path.join(root, 'dist/server/server.js');
if (!fs.existsSync(server)) {
  console.error('dist/server/server.js is missing: run `npm run build` first (npm run bench:lsp does).');
  process.exit(2);
}

const workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'zta-bench-lsp-')));
const generated = generateAgentWorkspace(workspace, FILES);
const sourceCount = generated.filter((f) => /\.[cm]?[jt]sx?$/.test(f)).length;
const editedPath = path.join(workspace, EDITED_FILE);
const uri = pathToFileURL(editedPath).href;
const original = fs.readFileSync(editedPath, 'utf8');

const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiters = new Set();
const published = [];
let loadedLine;
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  if (p.uri !== uri) return;
  published.push({ at: performance.now(), version: p.version, diagnostics: p.diagnostics });
  for (const w of waiters) w();
});
conn.onNotification('window/logMessage', (p) => {
  if (p.message.startsWith('loaded ')) loadedLine = p.message;
  for (const w of waiters) w();
});
conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
conn.onRequest('client/registerCapability', () => null);
conn.onRequest('window/showMessageRequest', () => null);
conn.listen();

function waitFor(predicate, what, timeoutMs = 120_000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const v = predicate();
      if (v) {
        waiters.delete(check);
        clearTimeout(timer);
        resolve(v);
      }
    };
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    waiters.add(check);
    check();
  });
}

const stats = () => conn.sendRequest('zeroTrustAi/stats');
const peakRss = () => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
};
/** CPU time the server process used so far (all threads), in ms: unlike latency, barely affected by other load on the machine. */
const cpuMs = () => {
  try {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 10 ms (USER_HZ)
  } catch {
    return undefined;
  }
};
const mib = (b) => (b === undefined ? 'n/a' : `${(b / 1024 / 1024).toFixed(0)} MiB`);
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const t0 = performance.now();
await conn.sendRequest('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(workspace).href,
  workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'bench' }],
  capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
});
conn.sendNotification('initialized', {});
let version = 1;
conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version, text: original } });
await waitFor(() => published.find((p) => p.version === 1), 'first diagnostics');
const firstDiagnosticsMs = performance.now() - t0;
await waitFor(() => loadedLine, 'the workspace to load');
const loadMs = performance.now() - t0;
// Let the re-analysis that follows the load settle.
await new Promise((r) => setTimeout(r, 1500));
const afterLoad = await stats();

const latencies = [];
let wrong = 0;
const cpuBefore = cpuMs();
for (let i = 0; i < WARMUP + EDITS; i++) {
  // Odd edits add a hard-coded key (a finding appears), even ones remove it (it disappears).
  const withKey = i % 2 === 0;
  const text = withKey ? `${original}\nexport const cfg${i} = { apiKey: '${KEY}' };\n` : `${original}\n// edit ${i}\n`;
  version++;
  const v = version;
  const sent = performance.now();
  conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
  const p = await waitFor(() => published.find((x) => x.version === v), `diagnostics for version ${v}`);
  if (i >= WARMUP) latencies.push(p.at - sent);
  if (p.diagnostics.some((d) => d.code === 'no-hardcoded-credentials') !== withKey) wrong++;
  await new Promise((r) => setTimeout(r, PAUSE_MS));
}
const cpuAfter = cpuMs();
const afterEdits = await stats();

// The AI inventory (what the VS Code view and map ask for): a full analysis plus the inventory, after
// an edit each time, as the view rebuilds it while the code changes.
const inventoryMs = [];
let inventory;
for (let i = 0; i < INVENTORY_RUNS; i++) {
  version++;
  conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: `${original}\n// inventory ${i}\n` }] });
  await new Promise((r) => setTimeout(r, PAUSE_MS));
  const sent = performance.now();
  inventory = await conn.sendRequest('zeroTrustAi/inventory', {});
  inventoryMs.push(performance.now() - sent);
}
const peak = peakRss();

await conn.sendRequest('shutdown');
conn.sendNotification('exit');
await new Promise((r) => child.once('exit', r));
fs.rmSync(workspace, { recursive: true, force: true });

const sorted = [...latencies].sort((a, b) => a - b);
const result = {
  files: sourceCount,
  edits: EDITS,
  p50Ms: +pct(sorted, 50).toFixed(1),
  p95Ms: +pct(sorted, 95).toFixed(1),
  p99Ms: +pct(sorted, 99).toFixed(1),
  maxMs: +sorted.at(-1).toFixed(1),
  meanMs: +(sorted.reduce((a, b) => a + b, 0) / sorted.length).toFixed(1),
  serverCpuMsPerEdit: cpuBefore === undefined || cpuAfter === undefined ? null : +((cpuAfter - cpuBefore) / (WARMUP + EDITS)).toFixed(1),
  firstDiagnosticsMs: Math.round(firstDiagnosticsMs),
  workspaceLoadMs: Math.round(loadMs),
  rssAfterLoadBytes: afterLoad.rssBytes,
  rssAfterEditsBytes: afterEdits.rssBytes,
  peakRssBytes: peak ?? null,
  wrongResults: wrong,
  inventoryMs: inventoryMs.map((ms) => Math.round(ms)),
  inventoryItems: inventory && { agents: inventory.folders[0].inventory.agents.length, tools: inventory.folders[0].inventory.tools.length, modelCalls: inventory.folders[0].inventory.modelCalls.length },
  cpus: os.cpus().length,
  loadAverage: os.loadavg()[0],
};

console.log(`Zero Trust AI language server, ${sourceCount}-file agent workspace, ${EDITS} edits of ${EDITED_FILE}`);
console.log(`  didChange -> publishDiagnostics: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms`);
if (result.serverCpuMsPerEdit !== null) console.log(`  server CPU time per edit (all threads, mean): ${result.serverCpuMsPerEdit} ms`);
console.log(`  first diagnostics after open: ${result.firstDiagnosticsMs} ms; whole workspace loaded: ${result.workspaceLoadMs} ms`);
console.log(`  server memory (RSS): ${mib(afterLoad.rssBytes)} after load, ${mib(afterEdits.rssBytes)} after the edits, peak ${mib(peak)}`);
console.log(`  inventory request (full analysis + inventory, after an edit): ${result.inventoryMs.join(' / ')} ms; ${JSON.stringify(result.inventoryItems)}`);
console.log(`  results that did not match the edit: ${wrong}; machine: ${result.cpus} cores, load average ${result.loadAverage.toFixed(1)}`);
const jsonOut = arg('json', path.join(root, 'test-output/bench-lsp.json'));
fs.mkdirSync(path.dirname(jsonOut), { recursive: true });
fs.writeFileSync(jsonOut, JSON.stringify(result, null, 2) + '\n');
if (wrong) process.exitCode = 1;
