/**
 * The CLI's edges: where reports are written, how a closed pipe or a crash is reported, which
 * notices name their file, and which folder a scan is rooted in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURE, writeProject } from './fixture.js';
import { REPO_ROOT, runInProcess, runProcess } from './helpers.js';
import { run } from '../../rules/src/cli/run.js';
import { formatNotices, noColors } from '../../rules/src/report/index.js';

const project = writeProject();

test('--output replaces a report whole: no partial file is left beside it, and a folder is refused', () => {
  const out = path.join(project, 'report.json');
  fs.writeFileSync(out, 'an old report');
  assert.equal(runInProcess(['scan', '-f', 'json', '-o', 'report.json'], { cwd: project }).code, 1);
  assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).summary.problems, 4);
  assert.deepEqual(fs.readdirSync(project).filter((f) => f.includes('report')), ['report.json']);
  fs.rmSync(out);
  const folder = runInProcess(['scan', '-o', 'src'], { cwd: project });
  assert.equal(folder.code, 2);
  assert.equal(folder.stderr, 'error: Cannot write the report to src: it is a folder\n');
  const underFile = runInProcess(['inventory', '-o', 'src/util.ts/inv.json'], { cwd: project });
  assert.equal(underFile.code, 2);
  assert.match(underFile.stderr, /^error: Cannot write the report to src\/util\.ts\/inv\.json: ENOTDIR/m);
  assert.doesNotMatch(underFile.stderr, /crashed|\n +at /);
});

test('--output under /proc fails at once (Node\'s recursive mkdir spins there forever)', { skip: !fs.existsSync('/proc/self') && 'no /proc' }, () => {
  const r = runProcess(['scan', 'src/util.ts', '-o', '/proc/zero-trust-ai-nope/r.json'], project, 30_000);
  assert.equal(r.timedOut, false);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^error: Cannot write the report to \/proc\/zero-trust-ai-nope\/r\.json: /);
});

test('a reader that closes the pipe early (`| head`) gets no stack trace', () => {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const cli = path.join(REPO_ROOT, 'rules/src/cli/main.ts');
  // The HTML report is megabytes, far more than a pipe buffers, so the writer meets the closed pipe.
  const r = spawnSync('sh', ['-c', `"${process.execPath}" --import "${tsx}" "${cli}" scan -f html | head -c 20 >/dev/null`], { cwd: project, encoding: 'utf8', timeout: 60_000 });
  assert.doesNotMatch(r.stderr, /EPIPE|\n +at /, r.stderr);
});

test('a crash is one line on stderr, exit 2; the stack trace only with ZERO_TRUST_AI_DEBUG', () => {
  const crashing = (env: Record<string, string>) => {
    let stderr = '';
    const stdout = {
      write: () => {
        throw new Error('disk on fire');
      },
    };
    const code = run(['scan', 'src/util.ts'], { cwd: project, env, stdout, stderr: { write: (s: string) => (stderr += s) } });
    return { code, stderr };
  };
  const plain = crashing({});
  assert.equal(plain.code, 2);
  assert.equal(plain.stderr, 'zero-trust-ai crashed, please report this: disk on fire\n(run again with ZERO_TRUST_AI_DEBUG=1 for the stack trace)\n');
  assert.match(crashing({ ZERO_TRUST_AI_DEBUG: '1' }).stderr, /disk on fire\n +at /);
});

test('every notice about a file names it, and a notice is one line', () => {
  const options = { colors: noColors, cwd: '/p' };
  assert.equal(
    formatNotices([{ level: 'error', file: '/p/policy', message: 'Cannot read config: EISDIR: illegal operation on a directory, read' }], options),
    'error: policy: Cannot read config: EISDIR: illegal operation on a directory, read\n',
  );
  assert.equal(formatNotices([{ level: 'warning', file: '/p/a.ts', message: 'Cannot read /p/a.ts: EACCES' }], options), 'warning: Cannot read a.ts: EACCES\n');
  assert.equal(
    formatNotices([{ level: 'error', message: 'Rule no-unscoped-tools failed: TypeError: x is undefined\n    at check (rules/x.ts:1:1)' }], options),
    'error: Rule no-unscoped-tools failed: TypeError: x is undefined\n',
  );
  const dir = writeProject({ ...FIXTURE, 'policy/zero-trust-ai.config.json': '{}' });
  assert.match(runInProcess(['scan', '-c', 'policy'], { cwd: dir }).stderr, /^error: policy: Cannot read config: EISDIR/m);
});

test('`scan src` from the project root applies the project\'s config and reports paths from the root', () => {
  const dir = writeProject({ ...FIXTURE, 'zero-trust-ai.config.json': JSON.stringify({ rules: { 'no-hardcoded-credentials': 'off' } }) });
  for (const command of ['scan', 'inventory']) {
    const r = runInProcess([command, 'src/lib', 'src/tools', '-f', 'json'], { cwd: dir });
    const report = JSON.parse(r.stdout);
    assert.equal(report.root, dir, command);
  }
  const report = JSON.parse(runInProcess(['scan', 'src', '-f', 'json'], { cwd: dir }).stdout);
  assert.ok(!report.findings.some((f: { ruleId: string }) => f.ruleId === 'no-hardcoded-credentials'));
  assert.ok(report.findings.every((f: { file: string }) => f.file.startsWith('src/')));
  // Not above the current folder, and not when --config names the policy.
  assert.equal(JSON.parse(runInProcess(['scan', '.', '-f', 'json'], { cwd: path.join(dir, 'src') }).stdout).root, path.join(dir, 'src'));
  assert.equal(JSON.parse(runInProcess(['scan', 'src', '-f', 'json', '-c', 'zero-trust-ai.config.json'], { cwd: dir }).stdout).root, path.join(dir, 'src'));
});
