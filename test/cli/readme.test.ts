/** The README's CLI section says what the CLI does: its example output and its synopsis. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, runInProcess } from './helpers.js';

const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

test('the README\'s example output rows are what scanning the example app prints', () => {
  const block = /Example output of the first command \(abridged\):\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, 'example output block');
  const r = runInProcess(['scan', 'examples/agent-app'], { cwd: REPO_ROOT });
  assert.equal(r.code, 1, 'the README says it exits 1');
  const actual = r.stdout.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
  for (const row of block.split('\n').filter((l) => /^\s+\d+:\d+/.test(l))) {
    // "  6:43  error  Hard-coded … `apiKey`: …  rule-id": the parts between the ellipses appear in order.
    const [, position, severity, message, ruleId] = /^\s+(\d+:\d+)\s+(\w+)\s+(.*?)\s+([\w-]+)$/.exec(row)!;
    const parts = message.split('…').map((p) => p.trim()).filter(Boolean);
    const hit = actual.find((l) => l.startsWith(`${position} ${severity} `) && l.endsWith(` ${ruleId}`) && parts.every((p) => l.includes(p)));
    assert.ok(hit, `README row not in the output: ${row.trim()}`);
  }
  assert.ok(block.startsWith('examples/agent-app/src/routes/escalate.ts\n'));
});

test('every option in the README\'s CLI synopsis is in the command\'s --help', () => {
  const synopsis = /## CLI\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  for (const command of ['scan', 'inventory']) {
    const lines = synopsis.split(/\n(?=zero-trust-ai )/).find((l) => l.startsWith(`zero-trust-ai ${command} `)) ?? '';
    const flags = [...lines.matchAll(/--[\w-]+/g)].map((m) => m[0]);
    assert.ok(flags.length >= 3, `${command} synopsis`);
    const help = runInProcess([command, '--help'], { cwd: REPO_ROOT }).stdout;
    for (const flag of flags) assert.ok(help.includes(flag), `${command} --help lacks ${flag}`);
    for (const format of /--format ([\w|]+)/.exec(lines)![1].split('|')) assert.ok(help.includes(format), `${command} --help lacks format ${format}`);
  }
});
