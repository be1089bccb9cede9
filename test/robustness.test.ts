/**
 * Hostile inputs never crash or hang the analyzer, and anything left out is named in a notice.
 * Each case runs through the real CLI (a spawned process with a timeout) and through AnalysisHost.
 * Every project also holds a canary file with a hard-coded key: finding it proves the rest of the
 * project was still analyzed.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnalysisHost, type AnalysisResult } from '../rules/src/engine.js';
import { MAX_FILE_BYTES, readSourceFile } from '../rules/src/project/files.js';
import { writeProject } from './cli/fixture.js';
import { runProcessAsync } from './cli/helpers.js';

const CANARY = { 'canary.ts': `import OpenAI from 'openai';\nexport const client = new OpenAI({ apiKey: 'sk-proj-Vt5Gq1Lz8Xw3Rm7Kc2Hn9Bp4Jd6Fs0Ya1Ee5Uo' });\n` };
const isRoot = process.getuid?.() === 0;
/** Root reads every file, so as root the permission case runs the CLI as nobody. */
const NOBODY = { uid: 65534, gid: 65534 };

interface Case {
  name: string;
  files?: Record<string, string>;
  /** Extra set-up in the project folder (links, pipes, permissions, big files). */
  setup?(dir: string): void;
  /** CLI arguments after `scan`, relative to the project folder (default: the folder itself). */
  paths?: string[];
  exit: 0 | 1 | 2;
  /** What stderr must say (the notice). */
  stderr?: RegExp;
  /** Expectations on AnalysisHost for the same paths. */
  host?(result: AnalysisResult, loaded: number): void;
  skip?: string | false;
  /** The CLI runs as an unprivileged user when the tests run as root (the in-process host check is left out then). */
  unprivileged?: boolean;
}

const hasNotice = (r: AnalysisResult, re: RegExp) => assert.ok(r.notices.some((n) => re.test(n.message)), `no notice ${re} in ${JSON.stringify(r.notices)}`);
const canaryFound = (r: AnalysisResult) => assert.ok(r.findings.some((f) => f.ruleId === 'no-hardcoded-credentials' && f.range.file.endsWith('/canary.ts')));

function chained(n: number): string {
  let s = 'export const total = v0';
  for (let i = 1; i < n; i++) s += ` + v${i}`;
  return `${s};\n`;
}

/** About `bytes` of plausible generated code (a data table), one statement per line. */
function generated(bytes: number): string {
  const rows: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const row = `export const row${i} = { id: ${i}, name: "item ${i}", tags: ["a", "b"], weight: ${i * 7} };\n`;
    rows.push(row);
    size += row.length;
  }
  return rows.join('');
}

const cases: Case[] = [
  {
    name: 'syntax errors: the file is analyzed as far as it parses',
    files: { 'broken.ts': `import OpenAI from 'openai';\nconst x = ;\nfunction (\nexport const c = new OpenAI({ apiKey: 'sk-proj-Wm2Yc8Pv5Qt1Xr9Lj4Kb7Nh3Gd6Fz0Sa2Ue8Ti' });\n}}}\n` },
    exit: 1,
    host: (r) => assert.ok(r.findings.some((f) => f.range.file.endsWith('/broken.ts'))),
  },
  {
    name: 'an empty file and a whitespace-only file',
    files: { 'empty.ts': '', 'blank.ts': '\n\n   \n' },
    exit: 1,
    host: (r, loaded) => assert.equal(loaded, 3),
  },
  {
    name: 'a 5 MB generated file is skipped with a notice, quickly',
    setup: (dir) => fs.writeFileSync(path.join(dir, 'generated.ts'), generated(5 * 1024 * 1024)),
    exit: 1,
    stderr: /info: Skipped generated\.ts: 5\.0 MB is over the 2 MB limit/,
    host: (r) => hasNotice(r, /generated\.ts: 5\.0 MB is over/),
  },
  {
    name: 'a binary file with a .ts name is skipped with a notice',
    setup: (dir) => fs.writeFileSync(path.join(dir, 'image.ts'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe])),
    exit: 1,
    stderr: /info: Skipped image\.ts: binary content/,
    host: (r) => hasNotice(r, /image\.ts: binary content/),
  },
  {
    name: 'circular imports and mutually recursive functions across files',
    files: {
      'a.ts': `export * from './b';\nexport { helper as again } from './b';\nimport { helper } from './b';\nimport OpenAI from 'openai';\nconst openai = new OpenAI({ apiKey: process.env.A_KEY });\nexport function wrap(v: string): string { return v ? helper(v) : v; }\nexport async function ask(q: string) { return openai.responses.create({ model: 'gpt-4.1', input: wrap(q + process.env.B_SECRET) }); }\n`,
      'b.ts': `export * from './a';\nimport { wrap } from './a';\nexport function helper(v: string): string { return v.length > 1 ? wrap(v.slice(1)) : v; }\n`,
      'c.ts': `export * from './c';\nexport const self = 1;\n`,
    },
    exit: 1,
  },
  {
    name: 'no node_modules and no tsconfig: frameworks are still recognized from import specifiers',
    files: { 'agents.ts': `import { Agent } from '@openai/agents';\nexport const a = new Agent({ name: 'A', instructions: 'x' });\nexport const b = new Agent({ name: 'B', instructions: 'y' });\n` },
    exit: 1,
    host: (r) => {
      assert.ok(r.findings.some((f) => f.ruleId === 'no-shared-agent-credentials'));
      assert.deepEqual(r.notices, []);
    },
  },
  {
    name: 'a config that is not JSON: message with file and reason, defaults for the scan, exit 2',
    files: { 'zero-trust-ai.config.json': '{ "rules": { "no-unscoped-tools": "error", ' },
    exit: 2,
    stderr: /error: zero-trust-ai\.config\.json \(at \$\): Invalid JSON at line 1, column \d+: .*Using the default policy/,
  },
  {
    name: 'a config with wrong types: the JSON path of each bad entry',
    files: { 'zero-trust-ai.config.json': JSON.stringify({ rules: { 'no-hardcoded-credentials': 3 }, loggers: [1], ignore: 'dist' }) },
    exit: 2,
    stderr: /error: zero-trust-ai\.config\.json: rules\.no-hardcoded-credentials: [^\n]+\n(.|\n)*loggers\.0: (.|\n)*ignore: /,
  },
  {
    name: 'a config with unknown keys',
    files: { 'zero-trust-ai.config.json': JSON.stringify({ rulez: {}, redactors: ['scrub'] }) },
    exit: 2,
    stderr: /warning: zero-trust-ai\.config\.json \(at rulez\): Unknown key "rulez" ignored/,
  },
  {
    name: 'a pipe named like a source file is skipped, not read (reading would block)',
    skip: process.platform === 'win32' ? 'no named pipes in the file system on Windows' : false,
    setup: (dir) => execFileSync('mkfifo', [path.join(dir, 'fifo.ts')]),
    exit: 1,
    stderr: /info: Skipped fifo\.ts: not a regular file/,
    host: (r) => hasNotice(r, /fifo\.ts: not a regular file/),
  },
  {
    name: 'an unreadable file and an unreadable folder',
    skip: process.platform === 'win32' ? 'POSIX permissions' : false,
    unprivileged: true,
    setup: (dir) => {
      fs.writeFileSync(path.join(dir, 'secret.ts'), 'export const x = 1;\n');
      fs.chmodSync(path.join(dir, 'secret.ts'), 0o000);
      fs.mkdirSync(path.join(dir, 'locked'));
      fs.chmodSync(path.join(dir, 'locked'), 0o000);
    },
    exit: 1,
    stderr: /^(?=[^]*^warning: Cannot read secret\.ts: EACCES)(?=[^]*^warning: Cannot read folder locked: EACCES)/m,
  },
  {
    name: 'a path that does not exist: exit 2, the other paths are scanned',
    paths: ['.', 'missing/agent.ts'],
    exit: 2,
    stderr: /error: Path not found: missing\/agent\.ts/,
    host: (r) => {
      hasNotice(r, /Path not found: .*missing\/agent\.ts/);
      canaryFound(r);
    },
  },
  {
    name: 'symlink loops inside the project are not followed',
    skip: process.platform === 'win32' ? 'symlinks need privileges on Windows' : false,
    setup: (dir) => {
      fs.symlinkSync('loop-b', path.join(dir, 'loop-a'));
      fs.symlinkSync('loop-a', path.join(dir, 'loop-b'));
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.symlinkSync('..', path.join(dir, 'sub/up'));
      fs.symlinkSync('.', path.join(dir, 'self'));
    },
    exit: 1,
  },
  {
    name: 'a symlink loop given as a path: a clear error, exit 2',
    skip: process.platform === 'win32' ? 'symlinks need privileges on Windows' : false,
    setup: (dir) => {
      fs.symlinkSync('loop-b', path.join(dir, 'loop-a'));
      fs.symlinkSync('loop-a', path.join(dir, 'loop-b'));
    },
    paths: ['.', 'loop-a'],
    exit: 2,
    stderr: /error: Cannot follow the link loop-a: ELOOP/,
    host: (r) => canaryFound(r),
  },
  {
    name: '5,000 chained + and 3,000 nested parentheses: skipped with a notice, no stack overflow',
    files: { 'sum.ts': chained(5000), 'parens.ts': `export const p = ${'('.repeat(3000)}1${')'.repeat(3000)};\n`, 'fine.ts': chained(500) },
    exit: 1,
    stderr: /info: Skipped (parens|sum)\.ts: code nested (.|\n)*info: Skipped (parens|sum)\.ts: code nested/,
    host: (r, loaded) => {
      hasNotice(r, /sum\.ts: code nested more than \d+ levels deep/);
      hasNotice(r, /parens\.ts: code nested/);
      assert.equal(loaded, 2);
      assert.ok(!r.notices.some((n) => /failed/.test(n.message)), JSON.stringify(r.notices));
    },
  },
];

describe('robustness', { concurrency: 2 }, () => {
  for (const c of cases) {
    test(c.name, { skip: c.skip, timeout: 180_000 }, async () => {
      const dir = writeProject({ ...CANARY, ...c.files }, 'zta-robust-');
      c.setup?.(dir);
      const paths = c.paths ?? ['.'];

      const runAs = c.unprivileged && isRoot ? NOBODY : undefined;
      if (runAs) {
        // The project folder is made by mkdtemp (0700): let the unprivileged user in.
        fs.chmodSync(dir, 0o755);
        fs.chmodSync(path.join(dir, 'canary.ts'), 0o644);
      }
      const cli = await runProcessAsync(['scan', ...paths], dir, 120_000, runAs);
      assert.equal(cli.timedOut, false, `hung: ${cli.stderr}`);
      assert.equal(cli.code, c.exit, `exit code; stderr:\n${cli.stderr}`);
      assert.doesNotMatch(cli.stderr, /crashed|RangeError|failed:/);
      assert.match(cli.stdout, /no-hardcoded-credentials/, 'the canary was analyzed');
      if (c.stderr) assert.match(cli.stderr, c.stderr);
      if (runAs) return; // the host below would run as root and read everything

      const host = new AnalysisHost({ root: dir });
      const loaded = host.loadFiles(paths.map((p) => path.resolve(dir, p)));
      const result = host.analyze();
      canaryFound(result);
      assert.ok(!result.notices.some((n) => /failed/.test(n.message)), JSON.stringify(result.notices));
      c.host?.(result, loaded);
    });
  }
});

test('the size limit sits between hand-written and generated files', () => {
  assert.ok(MAX_FILE_BYTES >= 1024 * 1024 && MAX_FILE_BYTES < 5 * 1024 * 1024);
});

test('a file that cannot be read becomes a warning notice (also when running as root)', () => {
  const dir = writeProject(CANARY, 'zta-robust-');
  const r = readSourceFile(path.join(dir, 'canary.ts', 'inside-a-file.ts'));
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.notice.message : '', /^Cannot read .*inside-a-file\.ts: ENOTDIR/);
  assert.equal(!r.ok && r.notice.level, 'warning');
});
