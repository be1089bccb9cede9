#!/usr/bin/env node
// Benchmark: the CLI scan against `tsc --noEmit` on the same synthetic agent codebases.
//   npm run bench                               100, 1,000 and 5,000 files (builds first)
//   node scripts/bench.mjs --sizes 1000 --runs 3 best of three runs per tool
//   node scripts/bench.mjs --profile            also writes a CPU profile of each scan (node --cpu-prof)
//   node scripts/bench.mjs --keep               keeps the generated projects
// Prints one table (wall time and peak RSS of each tool, and the ratios) and per-rule timings.
// Peak RSS is each process's own maxRSS, read in a preloaded exit hook, so it works on every OS.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000' },
    runs: { type: 'string', default: '1' },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = flags.sizes.split(',').map(Number);
const runs = Math.max(1, Number(flags.runs));
const cli = path.join(root, 'rules/dist/cli.js');
const engine = path.join(root, 'rules/dist/engine.js');
const tsc = path.join(root, 'node_modules/typescript/lib/tsc.js');
for (const f of [cli, engine]) {
  if (!fs.existsSync(f)) {
    console.error(`${path.relative(root, f)} is missing: run \`npm run build\` first (npm run bench does).`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------------------------------------
// Synthetic agent codebases: a deterministic mix of what agent apps hold. Most files are plain
// helpers and types (as in real apps); the rest are SDK clients, tools of every framework,
// agents, route handlers with model calls, some safe and some not, all importing each other.

function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = [
  ['helper', 0.42],
  ['model', 0.1],
  ['tool', 0.15],
  ['agent', 0.08],
  ['route', 0.15],
  ['service', 0.1],
];
const FOLDER = { helper: 'helpers', model: 'models', tool: 'tools', agent: 'agents', route: 'routes', service: 'services' };

function generateProject(dir, count) {
  const random = rng(count);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  const files = new Map();
  const byKind = { helper: [], model: [], tool: [], agent: [], route: [], service: [] };

  // Shared lib: clients, logger, redaction, db.
  files.set('src/lib/clients.ts', `import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { ChatOpenAI } from '@langchain/openai';

export const openai = new OpenAI({ apiKey: process.env.APP_OPENAI_API_KEY });
export const anthropic = new Anthropic({ apiKey: process.env.APP_ANTHROPIC_API_KEY });
export const genai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
export const chatModel = new ChatOpenAI({ model: 'gpt-4.1-mini', apiKey: process.env.LANGCHAIN_OPENAI_KEY });
`);
  files.set('src/lib/logger.ts', `import pino from 'pino';
import { trace } from '@opentelemetry/api';

export const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
export const tracer = trace.getTracer('agent-app');

export function audit(event: string, fields: Record<string, unknown>): void {
  logger.info({ event, ...fields }, event);
}
`);
  files.set('src/lib/redact.ts', `const EMAIL = /[\\w.+-]+@[\\w-]+\\.[\\w.]+/g;
const PHONE = /\\+?\\d[\\d\\s().-]{7,}\\d/g;

export function redactPII(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

export function maskId(id: string): string {
  return id.length > 4 ? '***' + id.slice(-4) : '****';
}
`);
  files.set('src/lib/db.ts', `import pg from 'pg';

export interface Customer { id: string; name: string; email: string; phone: string; plan: 'free' | 'pro' | 'enterprise'; notes: string[] }
export interface Order { id: string; customerId: string; total: number; status: 'open' | 'shipped' | 'refunded' }

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

export async function getCustomer(id: string): Promise<Customer> {
  const { rows } = await pool.query('select * from customers where id = $1', [id]);
  return rows[0] as Customer;
}

export async function ordersFor(customerId: string): Promise<Order[]> {
  const { rows } = await pool.query('select * from orders where customer_id = $1', [customerId]);
  return rows as Order[];
}

export async function rawQuery(sql: string): Promise<unknown[]> {
  const { rows } = await pool.query(sql);
  return rows;
}
`);

  const importFrom = (from, to) => {
    let rel = path.posix.relative(path.posix.dirname(from), to).replace(/\.ts$/, '.js');
    return rel.startsWith('.') ? rel : `./${rel}`;
  };

  for (let i = 0; files.size < count; i++) {
    let r = random();
    let kind = 'helper';
    for (const [k, p] of KINDS) {
      if ((r -= p) < 0) {
        kind = k;
        break;
      }
    }
    const name = `src/${FOLDER[kind]}/${kind}${i}.ts`;
    const helper = () => byKind.helper.length && pick(byKind.helper);
    const model = () => byKind.model.length && pick(byKind.model);
    const imports = [];
    const body = [];
    const use = (file, names) => imports.push(`import { ${names.join(', ')} } from '${importFrom(name, file)}';`);

    // Filler every file has: typed helpers with ordinary logic, so tsc has real work.
    const filler = (n) => {
      for (let k = 0; k < n; k++) {
        body.push(`
export interface Record${i}_${k} { key: string; score: number; labels: string[]; createdAt: Date }

export function summarize${i}_${k}(items: Record${i}_${k}[], limit = ${5 + k}): { top: string[]; mean: number } {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const mean = items.reduce((sum, it) => sum + it.score, 0) / Math.max(1, items.length);
  const top = sorted.slice(0, limit).map((it) => \`\${it.key} (\${it.labels.join('/')})\`);
  return { top, mean };
}

export function normalize${i}_${k}(input: string): string {
  const trimmed = input.trim().toLowerCase();
  if (trimmed.length > ${64 + k * 8}) return trimmed.slice(0, ${64 + k * 8});
  return trimmed.replace(/\\s+/g, ' ');
}`);
      }
    };

    if (kind === 'helper') {
      const dep = helper();
      if (dep) {
        use(dep, [`normalize${dep.match(/(\d+)\.ts$/)[1]}_0`]);
        body.push(`
export function label${i}(text: string): string {
  return normalize${dep.match(/(\d+)\.ts$/)[1]}_0(text).split(' ').slice(0, 3).join('-');
}`);
      }
      body.push(`
export class Cache${i}<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();
  constructor(private readonly ttlMs = ${1000 * (i % 60 + 1)}) {}
  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.expires < Date.now()) return undefined;
    return hit.value;
  }
  set(key: string, value: T): void {
    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
  }
}`);
      filler(3);
    } else if (kind === 'model') {
      imports.push(`import { z } from 'zod';`);
      body.push(`
export const Ticket${i}Schema = z.object({
  id: z.string().uuid(),
  subject: z.string().max(200),
  priority: z.enum(['low', 'normal', 'high']),
  tags: z.array(z.string()).max(10),
});

export type Ticket${i} = { id: string; subject: string; priority: 'low' | 'normal' | 'high'; tags: string[] };

export function isUrgent${i}(t: Ticket${i}): boolean {
  return t.priority === 'high' || t.tags.includes('outage');
}`);
      filler(1);
    } else if (kind === 'tool') {
      const framework = pick(['ai', 'ai', 'langchain', 'mastra', 'mcp', 'openai-agents']);
      const dangerous = pick(['none', 'none', 'none', 'exec', 'fs', 'fetch', 'sql']);
      const safe = chance(0.5);
      use('src/lib/logger.ts', ['audit']);
      use('src/lib/db.ts', ['ordersFor', 'rawQuery']);
      const dep = helper();
      if (dep) use(dep, [`normalize${dep.match(/(\d+)\.ts$/)[1]}_0`]);
      const norm = dep ? `normalize${dep.match(/(\d+)\.ts$/)[1]}_0` : 'String';
      if (dangerous === 'exec') imports.push(`import { execFile, exec } from 'node:child_process';`);
      if (dangerous === 'fs') imports.push(`import { readFile } from 'node:fs/promises';\nimport * as path from 'node:path';`);
      const arg = dangerous === 'exec' ? 'command' : dangerous === 'fs' ? 'file' : dangerous === 'fetch' ? 'url' : dangerous === 'sql' ? 'filter' : 'customerId';
      const schemaArg = safe && dangerous === 'exec' ? `z.enum(['uptime', 'df -h'])` : `z.string()`;
      const action = {
        none: `const orders = await ordersFor(${arg});\n    return orders.filter((o) => o.status === 'open').map((o) => ${norm}(o.id));`,
        exec: safe ? `return new Promise((resolve) => execFile('/usr/bin/env', [${arg}], (_e, out) => resolve(String(out))));` : `return new Promise((resolve) => exec(${arg}, (_e, out) => resolve(String(out))));`,
        fs: safe
          ? `const full = path.resolve('/srv/docs', ${arg});\n    if (!full.startsWith('/srv/docs/')) throw new Error('outside docs');\n    return readFile(full, 'utf8');`
          : `return readFile(${arg}, 'utf8');`,
        fetch: safe
          ? `const host = new URL(${arg}).host;\n    if (!['api.example.com', 'docs.example.com'].includes(host)) throw new Error('host not allowed');\n    return (await fetch(${arg})).text();`
          : `return (await fetch(${arg})).text();`,
        sql: safe ? `return rawQuery('select * from orders where status = ' + JSON.stringify(${norm}(${arg})));` : `return rawQuery(\`select * from orders where \${${arg}}\`);`,
      }[dangerous];
      const exec = `async ({ ${arg} }) => {\n    audit('tool.call', { tool: 'tool${i}' });\n    ${action}\n  }`;
      if (framework === 'ai') {
        imports.push(`import { tool } from 'ai';`, `import { z } from 'zod';`);
        body.push(`\nexport const tool${i} = tool({\n  description: 'Tool ${i}',\n  inputSchema: z.object({ ${arg}: ${schemaArg} }),\n  execute: ${exec},\n});`);
      } else if (framework === 'langchain') {
        imports.push(`import { tool } from '@langchain/core/tools';`, `import { z } from 'zod';`);
        body.push(`\nexport const tool${i} = tool(${exec}, {\n  name: 'tool${i}',\n  description: 'Tool ${i}',\n  schema: z.object({ ${arg}: ${schemaArg} }),\n});`);
      } else if (framework === 'mastra') {
        imports.push(`import { createTool } from '@mastra/core/tools';`, `import { z } from 'zod';`);
        body.push(`\nexport const tool${i} = createTool({\n  id: 'tool${i}',\n  description: 'Tool ${i}',\n  inputSchema: z.object({ ${arg}: ${schemaArg} }),\n  execute: async ({ context }) => (${exec})(context),\n});`);
      } else if (framework === 'mcp') {
        imports.push(`import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';`, `import { z } from 'zod';`);
        body.push(`\nexport const server${i} = new McpServer({ name: 'server${i}', version: '1.0.0' });\nserver${i}.registerTool('tool${i}', { description: 'Tool ${i}', inputSchema: { ${arg}: ${schemaArg} } }, async ({ ${arg} }) => {\n  const out = await (${exec})({ ${arg} });\n  return { content: [{ type: 'text', text: String(out) }] };\n});\nexport const tool${i} = server${i};`);
      } else {
        imports.push(`import { tool } from '@openai/agents';`, `import { z } from 'zod';`);
        body.push(`\nexport const tool${i} = tool({\n  name: 'tool${i}',\n  description: 'Tool ${i}',\n  parameters: z.object({ ${arg}: ${schemaArg} }),\n  execute: ${exec},\n});`);
      }
      filler(1);
    } else if (kind === 'agent') {
      const tools = [...new Set([pick(byKind.tool), pick(byKind.tool)].filter(Boolean))];
      const toolNames = tools.map((t) => `tool${t.match(/(\d+)\.ts$/)[1]}`);
      tools.forEach((t, k) => use(t, [toolNames[k]]));
      use('src/lib/logger.ts', ['logger']);
      use('src/lib/redact.ts', ['redactPII']);
      const framework = pick(['openai-agents', 'mastra', 'langgraph']);
      const list = `[${toolNames.join(', ')}]`;
      if (framework === 'openai-agents') {
        imports.push(`import { Agent, run } from '@openai/agents';`);
        body.push(`\nexport const agent${i} = new Agent({\n  name: 'Agent ${i}',\n  instructions: 'You help with task ${i}. Use tools only when needed.',\n  model: 'gpt-4.1-mini',\n  tools: ${list},\n});\n\nexport async function runAgent${i}(question: string) {\n  logger.info({ agent: 'agent${i}' }, 'run');\n  return run(agent${i}, redactPII(question));\n}`);
      } else if (framework === 'mastra') {
        imports.push(`import { Agent } from '@mastra/core/agent';`, `import { openai } from '@ai-sdk/openai';`);
        body.push(`\nexport const agent${i} = new Agent({\n  name: 'agent${i}',\n  instructions: 'You help with task ${i}.',\n  model: openai('gpt-4.1-mini'),\n  tools: { ${toolNames.join(', ')} },\n});\n\nexport async function runAgent${i}(question: string) {\n  logger.info({ agent: 'agent${i}' }, 'generate');\n  return agent${i}.generate(redactPII(question));\n}`);
      } else {
        imports.push(`import { createReactAgent } from '@langchain/langgraph/prebuilt';`);
        use('src/lib/clients.ts', ['chatModel']);
        body.push(`\nexport const agent${i} = createReactAgent({ llm: chatModel, tools: ${list} });\n\nexport async function runAgent${i}(question: string) {\n  logger.info({ agent: 'agent${i}' }, 'invoke');\n  return agent${i}.invoke({ messages: [{ role: 'user', content: redactPII(question) }] });\n}`);
      }
      filler(1);
    } else {
      // Routes and services: model calls with customer data, redacted or not, logged or not.
      use('src/lib/db.ts', ['getCustomer']);
      use('src/lib/redact.ts', ['redactPII']);
      use('src/lib/logger.ts', ['logger', 'tracer']);
      const m = model();
      if (m) use(m, [`isUrgent${m.match(/(\d+)\.ts$/)[1]}`]);
      const redacted = chance(0.6);
      const logged = chance(0.7);
      const provider = pick(['openai', 'anthropic', 'ai', 'genai', 'langchain']);
      const field = redacted ? 'redactPII(customer.email)' : pick(['customer.email', 'customer.phone', 'customer.notes.join(", ")']);
      const prompt = `\`Customer \${${field}} (plan \${customer.plan}) asks: \${question}\``;
      let call;
      if (provider === 'openai') {
        use('src/lib/clients.ts', ['openai']);
        call = `openai.chat.completions.create({\n      model: 'gpt-4.1-mini',\n      messages: [\n        { role: 'system', content: 'You are a support assistant.' },\n        { role: 'user', content: ${prompt} },\n      ],\n    })`;
      } else if (provider === 'anthropic') {
        use('src/lib/clients.ts', ['anthropic']);
        call = `anthropic.messages.create({\n      model: 'claude-sonnet-4-5',\n      max_tokens: 512,\n      system: 'You are a support assistant.',\n      messages: [{ role: 'user', content: ${prompt} }],\n    })`;
      } else if (provider === 'ai') {
        imports.push(`import { generateText } from 'ai';`, `import { openai as provider } from '@ai-sdk/openai';`);
        call = `generateText({ model: provider('gpt-4.1-mini'), system: 'You are a support assistant.', prompt: ${prompt} })`;
      } else if (provider === 'genai') {
        use('src/lib/clients.ts', ['genai']);
        call = `genai.models.generateContent({ model: 'gemini-2.5-flash', contents: ${prompt} })`;
      } else {
        use('src/lib/clients.ts', ['chatModel']);
        call = `chatModel.invoke([{ role: 'user', content: ${prompt} }])`;
      }
      const logLine = logged ? `logger.info({ route: '${kind}${i}', customerId: customer.id }, 'model call');\n  ` : '';
      if (kind === 'route') {
        imports.push(`import express from 'express';`);
        body.push(`\nexport const router${i} = express.Router();\n\nrouter${i}.post('/${kind}${i}', async (req, res) => {\n  const customer = await getCustomer(req.body.customerId);\n  const question = String(req.body.question ?? '');\n  ${logLine}const answer = await ${call};\n  res.json({ answer });\n});`);
      } else {
        body.push(`\nexport async function answer${i}(customerId: string, question: string) {\n  const customer = await getCustomer(customerId);\n  ${logLine}return tracer.startActiveSpan('answer${i}', async (span) => {\n    try {\n      return await ${call};\n    } finally {\n      span.end();\n    }\n  });\n}`);
      }
      filler(1);
    }
    files.set(name, `${imports.join('\n')}\n${body.join('\n')}\n`);
    byKind[kind].push(name);
  }

  for (const [name, text] of files) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  // The TypeScript program tsc needs: every package is an untyped module (no node_modules), no lib checking.
  const modules = new Set();
  for (const text of files.values()) for (const m of text.matchAll(/from '([^.'][^']*)'/g)) modules.add(m[1]);
  const shims = [...[...modules].sort().map((m) => `declare module '${m}';`), 'declare const process: { env: Record<string, string | undefined> };'];
  fs.writeFileSync(path.join(dir, 'shims.d.ts'), shims.join('\n') + '\n');
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: { strict: false, noEmit: true, skipLibCheck: true, types: [], target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'] },
        include: ['src', 'shims.d.ts'],
      },
      null,
      2,
    ),
  );
  let lines = 0;
  for (const text of files.values()) lines += text.split('\n').length;
  return { files: files.size, lines };
}

// ---------------------------------------------------------------------------------------------
// Measuring.

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zta-bench-'));
const preload = path.join(work, 'max-rss.cjs');
fs.writeFileSync(
  preload,
  `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.ZTA_BENCH_RSS_FILE, JSON.stringify(u)); });\n`,
);

/**
 * Runs `node args` once; returns wall ms, CPU ms (user + system, which a busy machine distorts
 * far less than wall time) and peak RSS in MB.
 */
function measure(args, label) {
  const rssFile = path.join(work, `${label}.rss`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', preload, ...args], {
    env: { ...process.env, ZTA_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.error) throw r.error;
  const usage = JSON.parse(fs.readFileSync(rssFile, 'utf8'));
  return { ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, mb: usage.maxRSS / 1024, status: r.status, stderr: r.stderr, stdout: r.stdout };
}

function best(runsOf) {
  const results = Array.from({ length: runs }, runsOf);
  return results.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
}

const ENGINE_TIMINGS = `
const { AnalysisHost } = require(${JSON.stringify(engine)});
const t0 = performance.now();
const host = new AnalysisHost({ root: process.argv[1] });
const files = host.loadFiles();
const t1 = performance.now();
const result = host.analyze();
const t2 = performance.now();
console.log(JSON.stringify({ files, loadMs: t1 - t0, analyzeMs: t2 - t1, timings: result.timings, findings: result.findings.length }));
`;

const rows = [];
const perRule = [];
for (const size of sizes) {
  const dir = path.join(work, `p${size}`);
  const shape = generateProject(dir, size);
  const report = path.join(work, `report-${size}.json`);
  const profileArgs = flags.profile ? ['--cpu-prof', '--cpu-prof-dir', path.join(work, 'profiles'), '--cpu-prof-name', `scan-${size}.cpuprofile`] : [];
  const scan = best(() => measure([...profileArgs, cli, 'scan', dir, '--format', 'json', '--output', report], `scan-${size}`));
  if (scan.status !== 0 && scan.status !== 1) throw new Error(`scan of ${size} files exited ${scan.status}:\n${scan.stderr}`);
  const check = best(() => measure([tsc, '-p', path.join(dir, 'tsconfig.json')], `tsc-${size}`));
  if (check.status !== 0 && check.status !== 2) throw new Error(`tsc on ${size} files exited ${check.status}:\n${check.stdout}`);
  const tscErrors = (check.stdout.match(/error TS\d+/g) ?? []).length;
  const findings = JSON.parse(fs.readFileSync(report, 'utf8')).summary.problems;
  const engineRun = measure(['-e', ENGINE_TIMINGS, dir], `engine-${size}`);
  const timings = JSON.parse(engineRun.stdout);
  rows.push({ files: shape.files, lines: shape.lines, scan, tsc: check, findings, tscErrors });
  perRule.push({ files: shape.files, ...timings });
}

// ---------------------------------------------------------------------------------------------
// Report.

function table(headers, data) {
  const widths = headers.map((h, i) => Math.max(h.length, ...data.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...data.map(line)].join('\n');
}
const s = (ms) => (ms / 1000).toFixed(2);
const mb = (x) => x.toFixed(0);
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

console.log(`\nzero-trust-ai scan vs tsc --noEmit (${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}, node ${process.version}, best of ${runs} run${runs > 1 ? 's' : ''} by CPU time)\n`);
console.log(
  table(
    ['files', 'lines', 'scan wall s', 'scan CPU s', 'scan MB', 'tsc wall s', 'tsc CPU s', 'tsc MB', 'wall scan/tsc', 'CPU scan/tsc', 'memory scan/tsc', 'findings', 'tsc errors'],
    rows.map((r) => [
      r.files,
      r.lines,
      s(r.scan.ms),
      s(r.scan.cpuMs),
      mb(r.scan.mb),
      s(r.tsc.ms),
      s(r.tsc.cpuMs),
      mb(r.tsc.mb),
      ratio(r.scan.ms, r.tsc.ms),
      ratio(r.scan.cpuMs, r.tsc.cpuMs),
      ratio(r.scan.mb, r.tsc.mb),
      r.findings,
      r.tscErrors,
    ]),
  ),
);
const ruleIds = Object.keys(perRule[0]?.timings ?? {});
console.log('\nengine phases and per-rule time, ms (one in-process run; rules include building the parts of the model they ask for)\n');
console.log(
  table(
    ['phase / rule', ...perRule.map((p) => `${p.files} files`)],
    [
      ['load + parse', ...perRule.map((p) => p.loadMs.toFixed(0))],
      ['analyze (all rules)', ...perRule.map((p) => p.analyzeMs.toFixed(0))],
      ...ruleIds.map((id) => [`  ${id}`, ...perRule.map((p) => p.timings[id].toFixed(0))]),
    ],
  ),
);
if (flags.profile) console.log(`\nCPU profiles: ${path.join(work, 'profiles')} (open in Chrome DevTools or VS Code)`);
if (flags.keep || flags.profile) console.log(`Generated projects kept in ${work}`);
else fs.rmSync(work, { recursive: true, force: true });
