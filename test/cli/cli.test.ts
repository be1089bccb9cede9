/**
 * The `zero-trust-ai` CLI: arguments, exit codes, formats, config handling, output files. Most
 * cases run in-process with captured streams; a few spawn the real binary.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURE, SECRET, writeProject } from './fixture.js';
import { REPO_ROOT, runInProcess, runProcess } from './helpers.js';
import { Progress } from '../../rules/src/cli/progress.js';
import { commonFolder } from '../../rules/src/cli/scan.js';

const ANSI = /\u001b\[\d+m/;
const rulesPkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'rules/package.json'), 'utf8'));
const project = writeProject();
const scan = (args: string[], options: Partial<Parameters<typeof runInProcess>[1]> = {}) => runInProcess(['scan', ...args], { cwd: project, ...options });

test('--help prints the commands; scan --help prints every option and the exit codes', () => {
  const top = runInProcess(['--help'], { cwd: project });
  assert.equal(top.code, 0);
  assert.match(top.stdout, /Usage: zero-trust-ai <command>/);
  assert.match(top.stdout, /\n  scan +Scan files/);
  const sub = scan(['--help']);
  assert.equal(sub.code, 0);
  for (const flag of ['--format', '--output', '--config', '--max-warnings', '--quiet', '--no-color', '--help', '--version']) assert.ok(sub.stdout.includes(flag), flag);
  assert.match(sub.stdout, /Exit codes:\n  0 .*\n  1 .*\n  2 /);
});

test('--version prints the package version', () => {
  assert.equal(runInProcess(['--version'], { cwd: project }).stdout, `${rulesPkg.version}\n`);
  assert.equal(scan(['-v']).stdout, `${rulesPkg.version}\n`);
});

test('usage errors exit 2 with a message and the usage', () => {
  const cases: Array<[string[], RegExp]> = [
    [['scan', '--bogus'], /Unknown option '--bogus'/],
    [['scan', '--format', 'xml'], /Unknown format "xml"/],
    [['scan', '--max-warnings', 'many'], /--max-warnings needs a whole number/],
    [['scan', '--output'], /argument missing|--output/],
    [['frobnicate'], /Unknown command "frobnicate"/],
    [[], /Missing command/],
  ];
  for (const [args, message] of cases) {
    const r = runInProcess(args, { cwd: project });
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.match(r.stderr, /Usage: zero-trust-ai/);
    assert.equal(r.stdout, '');
  }
});

test('text output: stylish blocks per file with paths relative to the current folder, and a summary', () => {
  const r = scan([]);
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stdout, ANSI);
  const blocks = r.stdout.trim().split('\n\n');
  const headers = blocks.slice(0, -1).map((b) => b.split('\n')[0]);
  assert.deepEqual(headers, ['src/agents/billing.ts', 'src/agents/support.ts', 'src/lib/clients.ts', 'src/tools/shell tool.ts']);
  assert.match(blocks[2], /^src\/lib\/clients\.ts\n  2:\d+ +error +Hard-coded .* +no-hardcoded-credentials$/);
  assert.match(blocks[0], /\n  2:\d+ +warning +.*no-shared-agent-credentials$/);
  assert.equal(blocks.at(-1), '\u2716 4 problems (2 errors, 2 warnings)');
  // Rows of one file share column positions.
  const rows = blocks[2].split('\n').slice(1);
  assert.ok(rows.every((row) => row.indexOf('error') === rows[0].indexOf('error')));
});

test('paths in text output are relative to the current folder', () => {
  const r = runInProcess(['scan', path.join(project, 'src/lib')], { cwd: path.join(project, 'src') });
  assert.match(r.stdout, /^\nlib\/clients\.ts\n/);
});

test('colors only on a TTY, never with --no-color or NO_COLOR', () => {
  assert.match(scan([], { stdoutTTY: true }).stdout, ANSI);
  assert.doesNotMatch(scan(['--no-color'], { stdoutTTY: true }).stdout, ANSI);
  assert.doesNotMatch(scan([], { stdoutTTY: true, env: { NO_COLOR: '1' } }).stdout, ANSI);
  assert.match(scan([], { env: { FORCE_COLOR: '1' } }).stdout, ANSI);
});

test('--quiet reports errors only', () => {
  const r = scan(['--quiet']);
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stdout, / warning /);
  assert.match(r.stdout, /\u2716 2 problems \(2 errors, 0 warnings\)/);
});

test('exit codes: 0 without errors, 1 with errors or more warnings than --max-warnings', () => {
  const warningsOnly = writeProject({ 'a.ts': FIXTURE['src/agents/billing.ts'], 'b.ts': FIXTURE['src/agents/support.ts'] });
  const run = (...args: string[]) => runInProcess(['scan', ...args], { cwd: warningsOnly });
  assert.equal(run().code, 0);
  assert.equal(run('--max-warnings', '2').code, 0);
  const over = run('--max-warnings', '1');
  assert.equal(over.code, 1);
  assert.match(over.stderr, /too many warnings: 2 warnings, at most 1 allowed/);
  assert.equal(run('--max-warnings', '0', '--quiet').code, 0);
  const clean = writeProject({ 'a.ts': FIXTURE['src/util.ts'] });
  const r = runInProcess(['scan'], { cwd: clean });
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '');
});

test('json output: paths relative to the scan root, summary and notices', () => {
  const r = scan(['--format', 'json']);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout);
  assert.equal(report.root, project);
  assert.deepEqual(report.summary, { files: 5, problems: 4, errors: 2, warnings: 2, infos: 0 });
  const key = report.findings.find((f: { ruleId: string }) => f.ruleId === 'no-hardcoded-credentials');
  assert.equal(key.file, 'src/lib/clients.ts');
  assert.equal(key.line, 2);
  assert.match(key.docsUrl, /docs\/rules\/no-hardcoded-credentials\.md$/);
  assert.equal(key.fixes[0].edits[0].file, 'src/lib/clients.ts');
  const tool = report.findings.find((f: { ruleId: string }) => f.ruleId === 'no-unscoped-tools');
  assert.equal(tool.file, 'src/tools/shell tool.ts');
  assert.ok(tool.flow.length >= 2);
  assert.deepEqual(report.notices, []);
});

test('--output writes the report to a file (creating folders) and nothing to stdout', () => {
  const out = path.join(project, 'reports/nested/out.json');
  const r = scan(['-f', 'json', '-o', 'reports/nested/out.json']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).summary.problems, 4);
  fs.rmSync(path.join(project, 'reports'), { recursive: true });
  // A text report in a file has no colors even when forced for the terminal.
  const txt = path.join(project, 'report.txt');
  scan(['-o', 'report.txt'], { stdoutTTY: true });
  assert.doesNotMatch(fs.readFileSync(txt, 'utf8'), ANSI);
  fs.rmSync(txt);
  const bad = scan(['-o', 'src/lib/clients.ts/x.txt']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Cannot write the report/);
});

test('--config applies a policy file; the config in the scan root is found without it', () => {
  const dir = writeProject({ ...FIXTURE, 'policy.json': JSON.stringify({ rules: { 'no-hardcoded-credentials': 'off', 'no-shared-agent-credentials': 'error' } }) });
  const withFlag = JSON.parse(runInProcess(['scan', '-f', 'json', '--config', 'policy.json'], { cwd: dir }).stdout);
  assert.ok(!withFlag.findings.some((f: { ruleId: string }) => f.ruleId === 'no-hardcoded-credentials'));
  assert.equal(withFlag.summary.errors, 3);
  fs.renameSync(path.join(dir, 'policy.json'), path.join(dir, 'zero-trust-ai.config.json'));
  const discovered = JSON.parse(runInProcess(['scan', '-f', 'json'], { cwd: dir }).stdout);
  assert.equal(discovered.summary.errors, 3);
  const missing = runInProcess(['scan', '--config', 'nope.json'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /Config file not found: nope\.json/);
});

test('a malformed config: file, JSON path and reason on stderr, the scan runs with defaults, exit 2', () => {
  const cases: Array<[string, RegExp]> = [
    ['{ "rules": { ', /error: zero-trust-ai\.config\.json \(at \$\): Invalid JSON/],
    ['[1, 2]', /error: zero-trust-ai\.config\.json \(at \$\): The config must be a JSON object/],
    ['{ "redactors": "redactPII" }', /error: zero-trust-ai\.config\.json: redactors: Invalid input: expected array/],
    ['{ "rules": { "no-hardcoded-credentials": "loud" } }', /error: zero-trust-ai\.config\.json: rules\.no-hardcoded-credentials: /],
    ['{ "redactor": ["redactPII"] }', /warning: zero-trust-ai\.config\.json \(at redactor\): Unknown key "redactor"/],
  ];
  for (const [config, message] of cases) {
    const dir = writeProject({ ...FIXTURE, 'zero-trust-ai.config.json': config });
    const r = runInProcess(['scan'], { cwd: dir });
    assert.equal(r.code, 2, config);
    assert.match(r.stderr, message, config);
    // The report still comes, with the default policy.
    assert.match(r.stdout, /\u2716 4 problems \(2 errors, 2 warnings\)/, config);
  }
});

test('the scan root is the common folder of the paths: config found there, JSON paths relative to it', () => {
  const dir = writeProject({ ...FIXTURE, 'src/zero-trust-ai.config.json': JSON.stringify({ rules: { 'no-unscoped-tools': 'off' } }) });
  const report = JSON.parse(runInProcess(['scan', 'src/tools', 'src/lib/clients.ts', '-f', 'json'], { cwd: dir }).stdout);
  assert.equal(report.root, path.join(dir, 'src'));
  assert.deepEqual(
    report.findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`),
    ['lib/clients.ts no-hardcoded-credentials'],
  );
  assert.equal(commonFolder([path.join(dir, 'src/a/x.ts'), path.join(dir, 'src/b')]), path.join(dir, 'src'));
});

test('a path that does not exist: clear message, exit 2, the other paths are still scanned', () => {
  const r = scan(['src/lib', 'src/nope.ts']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /error: Path not found: src\/nope\.ts/);
  assert.match(r.stdout, /no-hardcoded-credentials/);
});

test('no secret is printed in full by any format, on stdout or stderr', () => {
  for (const format of ['text', 'json', 'sarif']) {
    const r = scan(['--format', format]);
    assert.ok(r.stdout.includes('sk-pro'), `${format} shows a masked prefix`);
    assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), format);
    assert.ok(!r.stdout.includes(SECRET.slice(8)), `${format} leaks the secret's tail`);
  }
});

test('progress: silent for the first second and without a TTY; one erasable line after', () => {
  let written = '';
  let clock = 0;
  const stream = { write: (s: string) => (written += s), isTTY: true, columns: 60 };
  const p = new Progress(stream, true, () => clock);
  p.update('reading files', 1, 10);
  assert.equal(written, '');
  clock = 1500;
  p.update('reading files', 2, 10);
  assert.equal(written, '\r\u001b[Kzero-trust-ai: reading files 2/10');
  p.done();
  assert.ok(written.endsWith('\r\u001b[K'));
  const off = new Progress({ write: () => assert.fail('no progress without a TTY') }, false, () => clock);
  clock = 5000;
  off.update('x');
  // A fast scan on a TTY leaves stderr empty.
  assert.equal(scan([], { stderrTTY: true }).stderr, '');
});

test('the real binary: exit codes and streams', () => {
  const r = runProcess(['scan', '--format', 'json'], project);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(JSON.parse(r.stdout).summary.problems, 4);
  const usage = runProcess(['scan', '--nope'], project);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /Unknown option '--nope'/);
});
