#!/usr/bin/env node
// npm run bench:eslint: what the ESLint plugin costs in CI, in one run on a generated agent
// codebase (scripts/lib/agent-workspace.mjs, the generator the other benchmarks use):
//   ts-eslint            typescript-eslint `recommended` (syntax only)
//   ts-eslint typed      typescript-eslint `recommendedTypeChecked` with parserOptions.projectService
//   zero-trust-ai        the plugin's `recommended`, typescript-eslint parser, no type information
//   ts-eslint + plugin   `recommended` of both: what a team adds the plugin to
//   cli                  `zero-trust-ai scan` on the same folder
// Every configuration runs the real eslint binary in its own process; the table shows wall time,
// peak memory and findings, then the ratios: the plugin should add less than type-aware linting.
//   node scripts/bench-eslint.mjs [--files 1000] [--runs 1] [--keep]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateAgentWorkspace } from './lib/agent-workspace.mjs';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const fileCount = arg('files', 1000);
const runs = arg('runs', 1);
const keep = process.argv.includes('--keep');

const pluginBundle = path.join(repo, 'rules/dist/eslint-plugin.js');
const cliBundle = path.join(repo, 'rules/dist/cli.js');
for (const f of [pluginBundle, cliBundle]) {
  if (!fs.existsSync(f)) {
    console.error(`${path.relative(repo, f)} is missing: run \`npm run build\` first (npm run bench:eslint does).`);
    process.exit(2);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-zero-trust-ai-bench-'));
const ws = path.join(work, 'app');
generateAgentWorkspace(ws, fileCount);

// Peak RSS of each child, written by a preload when it exits.
const rssPreload = path.join(work, 'rss.cjs');
fs.writeFileSync(rssPreload, "process.on('exit', () => require('fs').writeFileSync(process.env.ZTA_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");

const header = `import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(path.join(repo, 'package.json'))});
const tseslint = require('typescript-eslint');
const zeroTrust = require(${JSON.stringify(pluginBundle)});
const ignores = { ignores: ['eslint.*.mjs'] };
const tsParser = { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } };
const typed = { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: ${JSON.stringify(ws)} } } };
`;
const configs = {
  'ts-eslint': 'export default [ignores, ...tseslint.configs.recommended];',
  'ts-eslint typed': 'export default [ignores, ...tseslint.configs.recommendedTypeChecked, typed];',
  'zero-trust-ai': 'export default [ignores, tsParser, zeroTrust.configs.recommended];',
  'ts-eslint + plugin': 'export default [ignores, ...tseslint.configs.recommended, zeroTrust.configs.recommended];',
};

function measure(label, args) {
  const samples = [];
  let rss = 0;
  let output;
  for (let i = 0; i < runs; i++) {
    const rssFile = path.join(work, 'rss.txt');
    const started = performance.now();
    const r = spawnSync(process.execPath, ['--require', rssPreload, ...args], { cwd: ws, encoding: 'utf8', env: { ...process.env, ZTA_RSS_FILE: rssFile }, maxBuffer: 1 << 30 });
    samples.push(performance.now() - started);
    if (r.status !== 0 && r.status !== 1) {
      console.error(`${label} failed (exit ${r.status}):\n${r.stderr}`);
      process.exit(1);
    }
    rss = Math.max(rss, Number(fs.readFileSync(rssFile, 'utf8')) * 1024);
    output = r;
  }
  samples.sort((a, b) => a - b);
  return { label, ms: samples[Math.floor(samples.length / 2)], rss, output };
}

const eslintBin = path.join(repo, 'node_modules/eslint/bin/eslint.js');
const rows = [];
for (const [label, body] of Object.entries(configs)) {
  const configFile = path.join(ws, `eslint.${label.replace(/\W+/g, '-')}.mjs`);
  fs.writeFileSync(configFile, `${header}${body}\n`);
  const report = path.join(work, 'report.json');
  const row = measure(label, [eslintBin, '--config', configFile, '--format', 'json', '--output-file', report, '--no-warn-ignored', '.']);
  const results = JSON.parse(fs.readFileSync(report, 'utf8'));
  row.files = results.length;
  row.findings = results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId?.startsWith('zero-trust-ai/')).length, 0);
  row.problems = results.reduce((n, r) => n + r.messages.length, 0);
  rows.push(row);
}
{
  const report = path.join(work, 'cli.json');
  const row = measure('cli', [cliBundle, 'scan', '.', '--format', 'json', '--output', report]);
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  row.files = json.summary?.files;
  const recommended = Object.keys(createRequire(import.meta.url)(pluginBundle).configs.recommended.rules).map((id) => id.replace('zero-trust-ai/', ''));
  row.findings = json.findings.length;
  row.recommendedFindings = json.findings.filter((f) => recommended.includes(f.ruleId)).length;
  row.problems = json.findings.length;
  rows.push(row);
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`\n${fileCount}-file generated agent codebase, ${os.cpus().length} CPUs, node ${process.version}, median of ${runs} run(s)\n`);
console.log(['configuration'.padEnd(20), 'files'.padStart(6), 'time'.padStart(9), 'peak RSS'.padStart(10), 'problems'.padStart(9), 'zero-trust-ai'.padStart(14)].join(' '));
for (const r of rows) {
  console.log([r.label.padEnd(20), String(r.files).padStart(6), fmt(r.ms).padStart(9), `${(r.rss / 1024 / 1024).toFixed(0)} MB`.padStart(10), String(r.problems).padStart(9), String(r.findings).padStart(14)].join(' '));
}
const by = Object.fromEntries(rows.map((r) => [r.label, r.ms]));
const pluginAdds = by['ts-eslint + plugin'] - by['ts-eslint'];
const typesAdd = by['ts-eslint typed'] - by['ts-eslint'];
console.log('');
console.log(`plugin adds to ts-eslint recommended:      ${fmt(pluginAdds)}`);
console.log(`type information adds to ts-eslint:        ${fmt(typesAdd)}`);
console.log(`ratio plugin / type-aware cost:            ${(pluginAdds / typesAdd).toFixed(2)} (${pluginAdds < typesAdd ? 'the plugin costs less than type-aware linting' : 'the plugin costs MORE than type-aware linting'})`);
console.log(`ratio zero-trust-ai via ESLint / CLI:      ${(by['zero-trust-ai'] / by.cli).toFixed(2)}`);
const zeroTrust = rows.find((r) => r.label === 'zero-trust-ai');
const cli = rows.find((r) => r.label === 'cli');
if (zeroTrust.findings !== cli.recommendedFindings) console.log(`WARNING: ESLint reported ${zeroTrust.findings} findings, the CLI ${cli.recommendedFindings} of the recommended rules`);

if (keep) console.log(`\nworkspace kept in ${ws}`);
else fs.rmSync(work, { recursive: true, force: true });
