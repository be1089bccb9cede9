// Proves the e2e infrastructure with the built-in TypeScript support only (no extension):
//   node --import tsx e2e/smoke.ts
// Exits non-zero on any failure, including processes left running after stop().
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gotoLine, openFile, problemsRows, quickFix, runCommand, screenshot, startEditor } from './lib/editor.ts';

// This run's processes: those naming its run folder (code-server, Chromium) and every member
// of their process groups (tsserver, file watcher, Chromium helpers), so parallel runs don't mix.
function psRows(): { pid: number; pgid: number; args: string }[] {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' });
  return out.trim().split('\n').map((l) => {
    const [pid, pgid, ...args] = l.trim().split(/\s+/);
    return { pid: Number(pid), pgid: Number(pgid), args: args.join(' ') };
  });
}
function runProcesses(runDir: string, groups: Set<number>): string[] {
  return psRows().filter((p) => p.args.includes(runDir) || groups.has(p.pgid)).map((p) => `${p.pid} ${p.args}`);
}

const ms = (t: number) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'zta-e2e-smoke-'));
process.on('exit', () => fs.rmSync(workspace, { recursive: true, force: true }));
const file = path.join(workspace, 'a.ts');
fs.writeFileSync(file, 'const x: number = "s";\nconst value = 1;\nconsole.log(valeu, x);\n');

let t = Date.now();
const editor = await startEditor({ workspace });
const { page } = editor;
// Taken while running: after stop() the group leaders are gone and can't be found by name.
const groups = new Set([editor.pid, ...psRows().filter((p) => p.args.includes(editor.runDir)).map((p) => p.pgid)]);
try {
  const { server, workbench, extensions } = editor.timings;
  console.log(`editor start: ${ms(t)} (server ${server} ms, workbench ${workbench} ms, extension host ${extensions} ms)`);
  console.log(`run folder: ${editor.runDir}`);

  t = Date.now();
  await openFile(page, 'a.ts');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
  console.log(`file open to squiggle: ${ms(t)}`);

  const rows = await problemsRows(page, { atLeast: 2 });
  console.log('problems rows:\n  ' + rows.join('\n  '));
  assert.ok(rows.some((r) => r.includes("Type 'string' is not assignable to type 'number'")), 'type error listed');
  assert.ok(rows.some((r) => r.includes("Cannot find name 'valeu'")), 'spelling error listed');
  console.log(`screenshot: ${await screenshot(page, 'e2e-smoke')}`);

  t = Date.now();
  await gotoLine(page, 3, 14);
  await quickFix(page, "Change spelling to 'value'");
  await page.keyboard.press('Control+S');
  for (let i = 0; i < 50 && !fs.readFileSync(file, 'utf8').includes('console.log(value, x)'); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(fs.readFileSync(file, 'utf8'), /console\.log\(value, x\)/, 'fix saved to disk');
  console.log(`quick fix applied and saved: ${ms(t)}`);

  await runCommand(page, 'View: Close All Editors');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
  console.log('runCommand closed all editors');
} finally {
  t = Date.now();
  await editor.stop();
  console.log(`stop: ${ms(t)}`);
}

const left = runProcesses(editor.runDir, groups);
assert.deepEqual(left, [], `processes left running:\n${left.join('\n')}`);
console.log('smoke OK, no lingering processes');
