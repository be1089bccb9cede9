/**
 * no-unscoped-tools: multi-file fixtures with `// ruleid:` / `// ok:` marks across the Vercel AI
 * SDK, @openai/agents, LangChain.js, MCP (high- and low-level), Mastra, Anthropic and the OpenAI
 * SDK's runTools helpers; then messages, related locations, and the suggested allow-list guard
 * (applied, re-parsed, type-checked, finding gone, nothing left to fix).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Project, ts } from 'ts-morph';
import { analyzeFiles, expectMarks } from '../helpers/marks.js';
import { testCaseTableSize, testMarkedCases, type MarkedCase } from '../helpers/case-table.js';
import { applyFix, assertFixWorks, syntaxErrors } from '../helpers/fixes.js';

const RULE = 'no-unscoped-tools';


const AI = `import { tool, generateText } from 'ai';\nimport { z } from 'zod';\n`;
const AGENTS = `import { Agent, tool } from '@openai/agents';\nimport { z } from 'zod';\n`;
const LC = `import { tool, DynamicTool, DynamicStructuredTool, StructuredTool, Tool } from '@langchain/core/tools';\nimport { z } from 'zod';\n`;
const MCP = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\nconst server = new McpServer({ name: 'files', version: '1.0.0' });\n`;
const MASTRA = `import { createTool } from '@mastra/core/tools';\nimport { z } from 'zod';\n`;

const invalid: MarkedCase[] = [
  {
    name: 'ai: free-form command to execSync',
    files: {
      'tools.ts': `${AI}import { execSync } from 'node:child_process';
export const runShell = tool({
  description: 'Run a shell command',
  inputSchema: z.object({ command: z.string() }),
  execute: async ({ command }) => {
    // ruleid: ${RULE}
    return execSync(command, { encoding: 'utf8' });
  },
});`,
    },
  },
  {
    name: 'ai: path.join under a root without a root check',
    files: {
      'tools.ts': `${AI}import { readFile } from 'node:fs/promises';
import path from 'node:path';
const DOCS = '/srv/docs';
export const readDoc = tool({
  description: 'Read a doc',
  inputSchema: z.object({ file: z.string().describe('relative path') }),
  execute: async ({ file }) => {
    // ruleid: ${RULE}
    return readFile(path.join(DOCS, file), 'utf8');
  },
});`,
    },
  },
  {
    name: 'ai: any URL to fetch (z.string().url() checks format, not host)',
    files: {
      'tools.ts': `${AI}
export const browse = tool({
  description: 'Fetch a web page',
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    // ruleid: ${RULE}
    const res = await fetch(url);
    return res.text();
  },
});`,
    },
  },
  {
    name: 'ai: interpolated SQL identifier and value',
    files: {
      'tools.ts': `${AI}import { Pool } from 'pg';
const pool = new Pool();
export const metrics = tool({
  description: 'Query a metric',
  inputSchema: z.object({ metric: z.string(), since: z.string() }),
  execute: async ({ metric, since }) => {
    // ruleid: ${RULE}
    const { rows } = await pool.query(\`select day, \${metric} from daily where day >= '\${since}'\`);
    return rows;
  },
});`,
    },
  },
  {
    name: 'ai: eval in a calculator, input read as a whole object',
    files: {
      'tools.ts': `${AI}
export const calc = tool({
  description: 'Evaluate arithmetic',
  inputSchema: z.object({ expression: z.string() }),
  execute: async (input) => {
    // ruleid: ${RULE}
    return String(eval(input.expression));
  },
});`,
    },
  },
  {
    name: 'ai: z.any() input schema',
    files: {
      'tools.ts': `${AI}
// ruleid: ${RULE}
export const rpc = tool({
  description: 'Call the internal RPC gateway',
  inputSchema: z.any(),
  execute: async (payload) => JSON.stringify(payload),
});`,
    },
  },
  {
    name: 'ai: JSON schema via jsonSchema() with a free string to spawn through a shell',
    files: {
      'tools.ts': `${AI.replace('tool, generateText', 'tool, jsonSchema')}import { spawn } from 'node:child_process';
export const script = tool({
  description: 'Run a script',
  inputSchema: jsonSchema<{ script: string }>({ type: 'object', properties: { script: { type: 'string' } }, required: ['script'] }),
  execute: async ({ script }) => {
    // ruleid: ${RULE}
    const child = spawn('bash', ['-c', script]);
    return String(child.pid);
  },
});`,
    },
  },
  {
    name: 'cross-file: the sink sits in a helper module two calls away',
    files: {
      'lib/shell.ts': `import { exec } from 'node:child_process';
import { promisify } from 'node:util';
const run = promisify(exec);
export async function runInRepo(repo: string, command: string) {
  // ruleid: ${RULE}
  const { stdout } = await run(\`cd /repos/\${repo} && \${command}\`);
  return stdout;
}`,
      'lib/git.ts': `import { runInRepo } from './shell';
export function gitCommand(repo: string, args: string) {
  return runInRepo(repo, 'git ' + args);
}`,
      'tools.ts': `${AI}import { gitCommand } from './lib/git';
export const git = tool({
  description: 'Run git',
  inputSchema: z.object({ repo: z.enum(['web', 'api']), args: z.string() }),
  execute: async ({ repo, args }) => gitCommand(repo, args),
});`,
    },
  },
  {
    name: 'ai: a blocklist is no allow list',
    files: {
      'tools.ts': `${AI}import { execSync } from 'node:child_process';
const BLOCKED = ['rm', 'shutdown'];
export const shell = tool({
  description: 'Run a command',
  inputSchema: z.object({ cmd: z.string() }),
  execute: async ({ cmd }) => {
    if (BLOCKED.some((b) => cmd.includes(b)) || cmd.includes(';')) throw new Error('blocked');
    // ruleid: ${RULE}
    return execSync(cmd).toString();
  },
});`,
    },
  },
  {
    name: 'ai: startsWith on an unresolved path does not keep it under the root',
    files: {
      'tools.ts': `${AI}import * as fs from 'node:fs';
export const read = tool({
  description: 'Read a report',
  inputSchema: z.object({ file: z.string() }),
  execute: async ({ file }) => {
    if (!file.startsWith('/srv/reports/')) throw new Error('outside reports');
    // ruleid: ${RULE}
    return fs.readFileSync(file, 'utf8');
  },
});`,
    },
  },
  {
    name: 'ai: a format check is no host allow list',
    files: {
      'tools.ts': `${AI}import axios from 'axios';
function isValidUrl(u: string) {
  try { new URL(u); return true; } catch { return false; }
}
export const get = tool({
  description: 'GET a URL',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    if (!isValidUrl(url)) throw new Error('bad url');
    // ruleid: ${RULE}
    const res = await axios.get(url);
    return res.data;
  },
});`,
    },
  },
  {
    name: 'ai: a URL prefix check that does not end the host',
    files: {
      'tools.ts': `${AI}
export const get = tool({
  description: 'GET an https URL',
  inputSchema: z.object({ url: z.string(), api: z.string() }),
  execute: async ({ url, api }) => {
    if (!url.startsWith('https://')) throw new Error('https only');
    // ruleid: ${RULE}
    const a = await fetch(url);
    if (!api.startsWith('https://api.example.com')) throw new Error('not our API');
    // ruleid: ${RULE}
    const b = await fetch(api);
    return [a.status, b.status];
  },
});`,
    },
  },
  {
    name: 'ai: host chosen by the model inside a template',
    files: {
      'tools.ts': `${AI}
export const status = tool({
  description: 'Check a service',
  inputSchema: z.object({ host: z.string() }),
  execute: async ({ host }) => {
    // ruleid: ${RULE}
    const res = await fetch(\`https://\${host}/healthz\`);
    return res.status;
  },
});`,
    },
  },
  {
    name: 'ai: a path appended to a base with no slash can change the host (userinfo)',
    files: {
      'tools.ts': `${AI}
const API_BASE = process.env.API_BASE ?? 'https://api.example.com';
export const callApi = tool({
  description: 'Call our API',
  inputSchema: z.object({ path: z.string() }),
  execute: async ({ path }) => {
    // ruleid: ${RULE}
    const res = await fetch(API_BASE + path);
    return res.json();
  },
});`,
    },
  },
  {
    name: 'ai: dynamic import of a model-chosen module',
    files: {
      'tools.ts': `${AI}
export const plugin = tool({
  description: 'Load a plugin',
  inputSchema: z.object({ name: z.string() }),
  execute: async ({ name }) => {
    // ruleid: ${RULE}
    const mod = await import(\`./plugins/\${name}.js\`);
    return mod.run();
  },
});`,
    },
  },
  {
    name: 'ai: generateText handed a registry named for every tool',
    files: {
      'tools.ts': `${AI}
export const a = tool({ description: 'a', inputSchema: z.object({ q: z.enum(['x']) }), execute: async ({ q }) => q });
export const b = tool({ description: 'b', inputSchema: z.object({ q: z.enum(['y']) }), execute: async ({ q }) => q });
export const c = tool({ description: 'c', inputSchema: z.object({ q: z.enum(['z']) }), execute: async ({ q }) => q });
export const allTools = { a, b, c };`,
      'route.ts': `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { allTools } from './tools';
export async function answer(prompt: string) {
  return generateText({
    model: openai('gpt-4o'),
    prompt,
    // ruleid: ${RULE}
    tools: allTools,
  });
}`,
    },
  },
  {
    name: 'openai-agents: promisified exec in tool()',
    files: {
      'agent.ts': `${AGENTS}import { exec } from 'node:child_process';
import { promisify } from 'node:util';
const execAsync = promisify(exec);
export const ssh = tool({
  name: 'run_remote',
  description: 'Run a command on a host',
  parameters: z.object({ host: z.string().regex(/^[a-z0-9.-]+$/), command: z.string() }),
  async execute({ host, command }) {
    // ruleid: ${RULE}
    const { stdout } = await execAsync(\`ssh ops@\${host} \${command}\`);
    return stdout;
  },
});`,
    },
  },
  {
    name: 'openai-agents: model-chosen path to writeFile',
    files: {
      'agent.ts': `${AGENTS}import { writeFile } from 'node:fs/promises';
export const save = tool({
  name: 'save_note',
  description: 'Save a note',
  parameters: z.object({ path: z.string(), content: z.string() }),
  execute: async (input) => {
    // ruleid: ${RULE}
    await writeFile(input.path, input.content);
    return 'saved';
  },
});`,
    },
  },
  {
    name: 'openai-agents: an agent handed every export of a tools module',
    files: {
      'tools.ts': `${AGENTS}
export const lookup = tool({ name: 'lookup', description: 'x', parameters: z.object({ id: z.number() }), execute: async ({ id }) => String(id) });
export const refund = tool({ name: 'refund', description: 'y', parameters: z.object({ id: z.number() }), execute: async ({ id }) => String(id) });`,
      'agent.ts': `import { Agent } from '@openai/agents';
import * as supportTools from './tools';
export const triage = new Agent({
  name: 'Triage',
  instructions: 'Help customers.',
  // ruleid: ${RULE}
  tools: Object.values(supportTools),
});`,
    },
  },
  {
    name: 'openai-agents: new Function on a free expression',
    files: {
      'agent.ts': `${AGENTS}
export const calc = tool({
  name: 'calc',
  description: 'Compute',
  parameters: z.object({ formula: z.string().max(200) }),
  execute: async ({ formula }) => {
    // ruleid: ${RULE}
    const f = new Function('x', \`return \${formula};\`);
    return String(f(1));
  },
});`,
    },
  },
  {
    name: 'langchain: tool() with raw SQL',
    files: {
      'tools.ts': `${LC}import { db } from './db';
export const search = tool(
  async ({ company }) => {
    // ruleid: ${RULE}
    const rows = await db.query(\`select * from customers where company like '%\${company}%'\`);
    return JSON.stringify(rows);
  },
  { name: 'search_customers', description: 'Search customers', schema: z.object({ company: z.string() }) },
);`,
      'db.ts': `export const db = { query: async (sql: string) => [sql] };`,
    },
  },
  {
    name: 'langchain: DynamicTool passes its string to a shell',
    files: {
      'tools.ts': `${LC}import { execSync } from 'child_process';
export const shell = new DynamicTool({
  name: 'shell',
  description: 'Run a shell command',
  func: async (input: string) => {
    // ruleid: ${RULE}
    return execSync(input).toString();
  },
});`,
    },
  },
  {
    name: 'langchain: DynamicStructuredTool deletes a model-chosen file',
    files: {
      'tools.ts': `${LC}import fs from 'fs';
export const remove = new DynamicStructuredTool({
  name: 'delete_file',
  description: 'Delete a file',
  schema: z.object({ target: z.string() }),
  func: async ({ target }) => {
    // ruleid: ${RULE}
    fs.rmSync(target, { recursive: true });
    return 'deleted';
  },
});`,
    },
  },
  {
    name: 'langchain: class extending StructuredTool, used by an agent in another file',
    files: {
      'shell-tool.ts': `${LC}import { execSync } from 'node:child_process';
export class ShellTool extends StructuredTool {
  name = 'shell';
  description = 'Run a command';
  schema = z.object({ command: z.string() });
  async _call({ command }: { command: string }) {
    // ruleid: ${RULE}
    return execSync(command).toString();
  }
}`,
      'agent.ts': `import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { ChatOpenAI } from '@langchain/openai';
import { ShellTool } from './shell-tool';
export const agent = createReactAgent({ llm: new ChatOpenAI({ model: 'gpt-4o' }), tools: [new ShellTool()] });`,
    },
  },
  {
    name: 'langchain: class extending Tool reads a model-chosen file',
    files: {
      'tools.ts': `${LC}import { readFileSync } from 'node:fs';
class FileReader extends Tool {
  name = 'read_file';
  description = 'Read a file by path';
  async _call(input: string) {
    // ruleid: ${RULE}
    return readFileSync(input, 'utf8');
  }
}
export const tools = [new FileReader()];`,
    },
  },
  {
    name: 'langchain: class extending DynamicTool hands super() a function declared below',
    files: {
      'shell.ts': `import { DynamicTool } from 'langchain/tools';
import { exec } from 'child_process';
export class ShellTool extends DynamicTool {
  constructor() {
    super({ name: 'Shell', description: 'Runs an arbitrary shell command', func: execPromise });
  }
}
function execPromise(command: string) {
  return new Promise<string>((resolve) => {
    // ruleid: ${RULE}
    exec(command, (err, stdout, stderr) => resolve(err ? String(err) : stdout + stderr));
  });
}`,
      'agent.ts': `import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { ChatOpenAI } from '@langchain/openai';
import { ShellTool } from './shell';
export const agent = createReactAgent({ llm: new ChatOpenAI({ model: 'gpt-4o' }), tools: [new ShellTool()] });`,
    },
  },
  {
    name: 'langchain: tool() without a schema reads its input',
    files: {
      'tools.ts': `${LC}
// ruleid: ${RULE}
export const echo = tool(async (input) => \`You said \${JSON.stringify(input)}\`, { name: 'echo', description: 'Echo' });`,
    },
  },
  {
    name: 'mcp: registerTool with a raw shape runs a command',
    files: {
      'server.ts': `${MCP}import { execSync } from 'node:child_process';
server.registerTool('run', { description: 'Run a command', inputSchema: { command: z.string() } }, async ({ command }) => {
  // ruleid: ${RULE}
  const out = execSync(command, { encoding: 'utf8' });
  return { content: [{ type: 'text', text: out }] };
});`,
    },
  },
  {
    name: 'mcp: server.tool(name, description, shape, cb) reads any file',
    files: {
      'server.ts': `${MCP}import { readFile } from 'node:fs/promises';
server.tool('read_file', 'Read a file', { path: z.string() }, async (args) => {
  // ruleid: ${RULE}
  const text = await readFile(args.path, 'utf8');
  return { content: [{ type: 'text', text }] };
});`,
    },
  },
  {
    name: 'mcp low-level: CallToolRequestSchema handler reads request.params.arguments',
    files: {
      'server.ts': `import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import * as fs from 'node:fs/promises';
const server = new Server({ name: 'fs', version: '1.0.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { name, arguments: args } = request.params;
  if (name === 'read_file') {
    // ruleid: ${RULE}
    const text = await fs.readFile(String(args?.path), 'utf8');
    return { content: [{ type: 'text', text }] };
  }
  throw new Error('unknown tool');
});`,
    },
  },
  {
    name: 'mcp low-level: arguments parsed with a free-form zod schema, helper in another file',
    files: {
      'handlers.ts': `import { exec } from 'node:child_process';
export function runCommand(cmd: string) {
  // ruleid: ${RULE}
  exec(cmd);
}`,
      'server.ts': `import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { runCommand } from './handlers';
const RunArgs = z.object({ cmd: z.string() });
const server = new Server({ name: 'ops', version: '1.0.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { cmd } = RunArgs.parse(request.params.arguments);
  runCommand(cmd);
  return { content: [] };
});`,
    },
  },
  {
    name: 'mastra: execute({ context }) runs context.command',
    files: {
      'tools.ts': `${MASTRA}import { exec } from 'node:child_process';
import { promisify } from 'node:util';
const execAsync = promisify(exec);
export const runbook = createTool({
  id: 'run-command',
  description: 'Run a remediation command',
  inputSchema: z.object({ command: z.string() }),
  execute: async ({ context }) => {
    // ruleid: ${RULE}
    const { stdout } = await execAsync(context.command, { timeout: 60_000 });
    return { stdout };
  },
});`,
    },
  },
  {
    name: 'mastra: execute(inputData, context) (1.0) fetches a model-chosen URL',
    files: {
      'tools.ts': `${MASTRA}
export const httpTool = createTool({
  id: 'http',
  description: 'Call an HTTP endpoint',
  inputSchema: z.object({ url: z.string(), method: z.enum(['GET', 'POST']) }),
  execute: async (inputData, context) => {
    // ruleid: ${RULE}
    const res = await fetch(inputData.url, { method: inputData.method });
    return { status: res.status, by: context?.agent?.agentId };
  },
});`,
    },
  },
  {
    name: 'mastra: createTool with no input schema',
    files: {
      'tools.ts': `${MASTRA}
// ruleid: ${RULE}
export const note = createTool({
  id: 'note',
  description: 'Write a note',
  execute: async (input) => ({ saved: JSON.stringify(input).length }),
});`,
    },
  },
  {
    name: 'anthropic: betaZodTool runs a command',
    files: {
      'tools.ts': `import { betaZodTool } from '@anthropic-ai/sdk/helpers/beta/zod';
import { z } from 'zod';
import { execSync } from 'node:child_process';
export const bash = betaZodTool({
  name: 'bash',
  description: 'Run bash',
  inputSchema: z.object({ cmd: z.string() }),
  run: async (input) => {
    // ruleid: ${RULE}
    return execSync(input.cmd).toString();
  },
});`,
    },
  },
  {
    name: 'anthropic: betaTool with a JSON schema deletes a path',
    files: {
      'tools.ts': `import { betaTool } from '@anthropic-ai/sdk/helpers/beta/json-schema';
import { rm } from 'node:fs/promises';
export const cleanup = betaTool({
  name: 'cleanup',
  description: 'Delete a directory',
  inputSchema: { type: 'object', properties: { dir: { type: 'string' } }, required: ['dir'] },
  run: async ({ dir }) => {
    // ruleid: ${RULE}
    await rm(dir, { recursive: true, force: true });
    return 'done';
  },
});`,
    },
  },
  {
    name: 'openai: zodFunction for runTools passes options to a shell',
    files: {
      'invoices.ts': `import { zodFunction } from 'openai/helpers/zod';
import { z } from 'zod';
import { execSync } from 'node:child_process';
export const tools = [
  zodFunction({
    name: 'render_pdf',
    parameters: z.object({ invoiceId: z.string().uuid(), options: z.string() }),
    function: async ({ invoiceId, options }) => {
      // ruleid: ${RULE}
      return execSync(\`wkhtmltopdf \${options} /srv/\${invoiceId}.html /tmp/out.pdf\`).toString();
    },
  }),
];`,
    },
  },
  {
    name: 'prisma and knex raw SQL with a model-chosen column',
    files: {
      'tools.ts': `${AI}import { prisma } from './db';
import knex from 'knex';
const kx = knex({ client: 'pg' });
export const sortUsers = tool({
  description: 'List users sorted by a column',
  inputSchema: z.object({ column: z.string() }),
  execute: async ({ column }) => {
    // ruleid: ${RULE}
    const a = await prisma.$queryRawUnsafe(\`SELECT id FROM users ORDER BY \${column}\`);
    // ruleid: ${RULE}
    const b = await kx.raw('select id from users order by ' + column);
    return [a, b];
  },
});`,
      'db.ts': `export const prisma = { $queryRawUnsafe: async (q: string) => [q] };`,
    },
  },
  {
    name: 'schema declared in another file, tool in a third, agent handed a registry by name',
    files: {
      'schemas.ts': `import { z } from 'zod';
export const ExecInput = z.object({ script: z.string().min(1) });`,
      'tools.ts': `import { tool } from '@openai/agents';
import { execSync } from 'node:child_process';
import { ExecInput } from './schemas';
export const execTool = tool({
  name: 'exec',
  description: 'Execute',
  parameters: ExecInput,
  execute: async ({ script }) => {
    // ruleid: ${RULE}
    return execSync(script).toString();
  },
});
export const readTool = tool({ name: 'read', description: 'x', parameters: ExecInput, execute: async () => 'ok' });
export const toolRegistry = [execTool, readTool];`,
      'agent.ts': `import { Agent } from '@openai/agents';
import { toolRegistry } from './tools';
export const ops = new Agent({
  name: 'Ops',
  instructions: 'Operate.',
  // ruleid: ${RULE}
  tools: toolRegistry,
});`,
    },
  },
  {
    name: 'array argument mapped to file reads',
    files: {
      'tools.ts': `${AI}import { readFile } from 'node:fs/promises';
export const readMany = tool({
  description: 'Read files',
  inputSchema: z.object({ files: z.array(z.string()) }),
  execute: async ({ files }) => {
    // ruleid: ${RULE}
    return Promise.all(files.map((f) => readFile(f, 'utf8')));
  },
});`,
    },
  },
  {
    name: 'a check on a different argument restricts nothing',
    files: {
      'tools.ts': `${AI}import { execSync } from 'node:child_process';
const HOSTS = ['web-1', 'web-2'];
export const remote = tool({
  description: 'Run on a host',
  inputSchema: z.object({ host: z.string(), cmd: z.string() }),
  execute: async (args) => {
    if (!HOSTS.includes(args.host)) throw new Error('unknown host');
    // ruleid: ${RULE}
    return execSync(\`ssh \${args.host} \${args.cmd}\`).toString();
  },
});`,
    },
  },
  {
    name: 'Bun file and spawn APIs; a zod object converted with z.toJSONSchema',
    files: {
      'tools.ts': `import { tool, jsonSchema } from 'ai';
import z from 'zod/v4';
const readSchema = z.object({ path: z.string(), mode: z.enum(['text', 'json']) });
export const read = tool({
  description: 'Read a file',
  inputSchema: jsonSchema(z.toJSONSchema(readSchema)),
  execute: async ({ path, mode }: { path: string; mode: string }) => {
    // ruleid: ${RULE}
    const file = Bun.file(path);
    return mode === 'json' ? file.json() : file.text();
  },
});
export const sh = tool({
  description: 'Run a script',
  inputSchema: z.object({ script: z.string() }),
  execute: async ({ script }) => {
    // ruleid: ${RULE}
    const proc = Bun.spawn(['sh', '-c', script]);
    return proc.exited;
  },
});`,
    },
  },
  {
    name: 'mcp: registerTool with a zod object and a schema taken from .shape',
    files: {
      'server.ts': `${MCP}import { exec } from 'node:child_process';
const RunSchema = z.object({ command: z.string(), cwd: z.string().optional() });
server.registerTool('run', { description: 'Run', inputSchema: RunSchema.shape }, async (args) => {
  // ruleid: ${RULE}
  exec(args.command, { cwd: args.cwd });
  return { content: [] };
});
server.registerTool('run2', { description: 'Run', inputSchema: z.object({ command: z.string() }) }, async ({ command }) => {
  // ruleid: ${RULE}
  exec(command);
  return { content: [] };
});`,
    },
  },
  {
    name: 'openai: function tools dispatched by hand, arguments from JSON.parse',
    files: {
      'agent.ts': `import OpenAI from 'openai';
import { execSync } from 'node:child_process';
const openai = new OpenAI();
const tools = [
  { type: 'function' as const, function: { name: 'run_shell', description: 'Run a command', parameters: { type: 'object', properties: { command: { type: 'string' } }, required: ['command'] } } },
];
export async function ops(question: string) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: question }], tools });
  const message = completion.choices[0].message;
  for (const toolCall of message.tool_calls ?? []) {
    const args = JSON.parse(toolCall.function.arguments);
    switch (toolCall.function.name) {
      case 'run_shell':
        // ruleid: ${RULE}
        return execSync(args.command).toString();
    }
  }
  return message.content;
}`,
    },
  },
  {
    name: 'anthropic: a manual tool_use loop, the handler in another file',
    files: {
      'handlers.ts': `import { readFile } from 'node:fs/promises';
export async function readNote(input: { path: string }) {
  // ruleid: ${RULE}
  return readFile(input.path, 'utf8');
}`,
      'loop.ts': `import Anthropic from '@anthropic-ai/sdk';
import { readNote } from './handlers';
const anthropic = new Anthropic();
export async function ask(question: string) {
  const response = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    messages: [{ role: 'user', content: question }],
    tools: [{ name: 'read_note', description: 'Read a note', input_schema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } }],
  });
  for (const block of response.content) {
    if (block.type === 'tool_use' && block.name === 'read_note') return readNote(block.input as { path: string });
  }
  return null;
}`,
    },
  },
  {
    name: 'google-genai: functionCalls args to fetch',
    files: {
      'agent.ts': `import { GoogleGenAI, Type } from '@google/genai';
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
const fetchDecl = { name: 'fetch_url', description: 'Fetch a URL', parameters: { type: Type.OBJECT, properties: { url: { type: Type.STRING } } } };
export async function browse(prompt: string) {
  const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: prompt, config: { tools: [{ functionDeclarations: [fetchDecl] }] } });
  for (const call of response.functionCalls ?? []) {
    const { url } = call.args as { url: string };
    // ruleid: ${RULE}
    return (await fetch(url)).text();
  }
  return response.text;
}`,
    },
  },
  {
    name: 'spec tools without a schema: an Anthropic spec taking any object, a Gemini declaration with no parameters, both dispatched by hand',
    files: {
      'sales.ts': `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
// ruleid: ${RULE}
const sendEmail: Anthropic.Tool = { name: 'send_email', description: 'Send an email', input_schema: { type: 'object' } };
async function executeTool(name: string, input: any) {
  switch (name) {
    case 'send_email':
      return fetch('https://api.mail.example.com/send', { method: 'POST', body: JSON.stringify(input) });
  }
}
export async function draft(q: string) {
  const res = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [{ role: 'user', content: q }], tools: [sendEmail] });
  for (const block of res.content) if (block.type === 'tool_use') await executeTool(block.name, block.input);
}`,
      'ops.ts': `import { GoogleGenAI } from '@google/genai';
import { execFile } from 'node:child_process';
const ai = new GoogleGenAI({});
const declarations = [
  // ruleid: ${RULE}
  { name: 'restart_service', description: 'Restart a service. Pass {service}.' },
];
function callFunction(name: string, args: Record<string, any>) {
  if (name === 'restart_service') return execFile('systemctl', ['restart', args.service]);
}
export async function investigate(question: string) {
  const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: question, config: { tools: [{ functionDeclarations: declarations }] } });
  for (const call of response.functionCalls ?? []) callFunction(call.name!, call.args ?? {});
}`,
    },
  },
  {
    name: 'spec tools sharing a dispatcher: the branch that holds the sink decides which schema applies',
    files: {
      'files.ts': `import OpenAI from 'openai';
import { readFile, writeFile } from 'node:fs/promises';
const openai = new OpenAI();
const tools = [
  { type: 'function' as const, function: { name: 'read_report', parameters: { type: 'object', properties: { path: { type: 'string', enum: ['q1.md', 'q2.md'] } } } } },
  { type: 'function' as const, function: { name: 'save_note', parameters: { type: 'object', properties: { path: { type: 'string' }, text: { type: 'string' } } } } },
];
async function runTool(name: string, args: { path: string; text?: string }) {
  switch (name) {
    case 'read_report':
      // ok: ${RULE}
      return readFile(args.path, 'utf8');
    case 'save_note':
      // ruleid: ${RULE}
      return writeFile(args.path, args.text ?? '');
  }
}
export async function ask(q: string) {
  const res = await openai.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: q }], tools });
  for (const call of res.choices[0].message.tool_calls ?? []) await runTool(call.function.name, JSON.parse(call.function.arguments));
}`,
    },
  },
  {
    name: 'spec tools run through a handler map indexed by the tool name',
    files: {
      'agent.ts': `import OpenAI from 'openai';
import { exec } from 'node:child_process';
const openai = new OpenAI();
const handlers: Record<string, (args: any) => unknown> = {
  run_shell: (args: { command: string }) => {
    // ruleid: ${RULE}
    return exec(args.command);
  },
  uptime: () => exec('uptime'),
};
export async function ops(q: string) {
  const response = await openai.responses.create({
    model: 'gpt-4.1',
    input: q,
    tools: [
      { type: 'function', name: 'run_shell', parameters: { type: 'object', properties: { command: { type: 'string' } } }, strict: true },
      { type: 'function', name: 'uptime', parameters: { type: 'object', properties: {}, additionalProperties: false }, strict: true },
      { type: 'web_search' },
    ],
  });
  for (const item of response.output) if (item.type === 'function_call') await handlers[item.name](JSON.parse(item.arguments));
}`,
    },
  },
];

const valid: MarkedCase[] = [
  {
    name: 'spec tools: a Gemini Type.INTEGER parameter is no free text',
    files: {
      'metrics.ts': `import { GoogleGenAI, Type } from '@google/genai';
import pg from 'pg';
const ai = new GoogleGenAI({});
const db = new pg.Pool();
const errorRate = { name: 'error_rate', parameters: { type: Type.OBJECT, properties: { minutes: { type: Type.INTEGER } }, required: ['minutes'] } };
async function callFunction(name: string, args: Record<string, any>) {
  if (name === 'error_rate') {
    // ok: ${RULE}
    return db.query(\`SELECT errors FROM http_minutely WHERE minute > now() - interval '\${args.minutes} minutes'\`);
  }
}
export async function investigate(question: string) {
  const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: question, config: { tools: [{ functionDeclarations: [errorRate] }] } });
  for (const call of response.functionCalls ?? []) await callFunction(call.name!, call.args ?? {});
}`,
    },
  },
  {
    name: 'spec tools: a declaration without parameters whose branch reads no arguments, and a provider-run tool',
    files: {
      'ops.ts': `import { GoogleGenAI } from '@google/genai';
import Anthropic from '@anthropic-ai/sdk';
import { execFile } from 'node:child_process';
const ai = new GoogleGenAI({});
const anthropic = new Anthropic();
// ok: ${RULE}
const uptime = { name: 'uptime', description: 'Host uptime' };
async function callFunction(name: string, args: Record<string, unknown>) {
  if (name === 'uptime') return execFile('uptime', []);
  return { error: 'unknown function', args };
}
export async function investigate(question: string) {
  const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: question, config: { tools: [{ functionDeclarations: [uptime] }] } });
  for (const call of response.functionCalls ?? []) await callFunction(call.name!, call.args ?? {});
  return anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 512,
    messages: [{ role: 'user', content: question }],
    // ok: ${RULE}
    tools: [{ type: 'web_search_20250305', name: 'web_search', max_uses: 3 }],
  });
}`,
    },
  },
  {
    name: 'ai: enum command, number limit',
    files: {
      'tools.ts': `${AI}import { execSync } from 'node:child_process';
export const gitLog = tool({
  description: 'Show commits',
  inputSchema: z.object({ branch: z.enum(['main', 'develop']), limit: z.number().int().min(1).max(50) }),
  execute: async ({ branch, limit }) => {
    // ok: ${RULE}
    return execSync(\`git log --oneline -n \${limit} \${branch}\`, { encoding: 'utf8' });
  },
});`,
    },
  },
  {
    name: 'ai: fixed binary with an argument array',
    files: {
      'tools.ts': `${AI}import { execFileSync } from 'node:child_process';
export const grep = tool({
  description: 'Search the docs',
  inputSchema: z.object({ pattern: z.string() }),
  execute: async ({ pattern }) => {
    // ok: ${RULE}
    return execFileSync('rg', ['--fixed-strings', pattern, '/srv/docs'], { encoding: 'utf8', shell: false });
  },
});`,
    },
  },
  {
    name: 'ai: path.resolve + startsWith(root) before the read',
    files: {
      'tools.ts': `${AI}import { readFile } from 'node:fs/promises';
import path from 'node:path';
const ROOT = path.resolve(process.cwd(), 'content');
export const readContent = tool({
  description: 'Read content',
  inputSchema: z.object({ file: z.string() }),
  execute: async ({ file }) => {
    const full = path.resolve(ROOT, file);
    if (!full.startsWith(ROOT + path.sep)) throw new Error('outside content');
    // ok: ${RULE}
    return readFile(full, 'utf8');
  },
});`,
    },
  },
  {
    name: 'ai: path.relative and a .. check',
    files: {
      'tools.ts': `${AI}import * as fs from 'node:fs';
import * as path from 'node:path';
const ROOT = '/srv/data';
export const read = tool({
  description: 'Read data',
  inputSchema: z.object({ name: z.string() }),
  execute: async ({ name }) => {
    const target = path.join(ROOT, name);
    const rel = path.relative(ROOT, target);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return 'refused';
    // ok: ${RULE}
    return fs.readFileSync(target, 'utf8');
  },
});`,
    },
  },
  {
    name: 'ai: path.basename drops directories',
    files: {
      'tools.ts': `${AI}import { readFile } from 'node:fs/promises';
import path from 'node:path';
export const avatar = tool({
  description: 'Read an avatar',
  inputSchema: z.object({ file: z.string() }),
  execute: async ({ file }) => {
    // ok: ${RULE}
    return readFile(path.join('/srv/avatars', path.basename(file)));
  },
});`,
    },
  },
  {
    name: 'ai: fixed host, model chooses only the query',
    files: {
      'tools.ts': `${AI}
export const weather = tool({
  description: 'Weather for a city',
  inputSchema: z.object({ city: z.string().min(1) }),
  execute: async ({ city }) => {
    // ok: ${RULE}
    const res = await fetch(\`https://wttr.in/\${encodeURIComponent(city)}?format=j1\`);
    return res.json();
  },
});`,
    },
  },
  {
    name: 'ai: new URL(path, base) with searchParams, and an env base followed by a path',
    files: {
      'tools.ts': `${AI}
const BASE = process.env.SEARCH_API ?? 'https://search.example.com';
export const search = tool({
  description: 'Search',
  inputSchema: z.object({ q: z.string() }),
  execute: async ({ q }) => {
    const url = new URL('/v1/search', BASE);
    url.searchParams.set('q', q);
    // ok: ${RULE}
    const a = await fetch(url);
    // ok: ${RULE}
    const b = await fetch(\`\${BASE}/v1/suggest?q=\${encodeURIComponent(q)}\`);
    return [await a.json(), await b.json()];
  },
});`,
    },
  },
  {
    name: 'ai: host allow list on new URL(url).hostname',
    files: {
      'tools.ts': `${AI}
const ALLOWED_HOSTS = new Set(['docs.github.com', 'nodejs.org']);
export const readDocs = tool({
  description: 'Read docs',
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    const { hostname, protocol } = new URL(url);
    if (protocol !== 'https:' || !ALLOWED_HOSTS.has(hostname)) throw new Error('host not allowed');
    // ok: ${RULE}
    return (await fetch(url)).text();
  },
});`,
    },
  },
  {
    name: 'ai: parameterized query and a sql tagged template',
    files: {
      'tools.ts': `${AI}import { Pool } from 'pg';
import postgres from 'postgres';
const pool = new Pool();
const sql = postgres();
export const orders = tool({
  description: 'Orders of a customer',
  inputSchema: z.object({ customer: z.string() }),
  execute: async ({ customer }) => {
    // ok: ${RULE}
    const a = await pool.query('select * from orders where customer = $1', [customer]);
    // ok: ${RULE}
    const b = await sql\`select * from orders where customer = \${customer}\`;
    return [a.rows, b];
  },
});`,
    },
  },
  {
    name: 'ai: anchored regex schema, lookup in a fixed map',
    files: {
      'tools.ts': `${AI}import { execSync } from 'node:child_process';
const COMMANDS: Record<string, string> = { status: 'git status', diff: 'git diff --stat' };
export const repo = tool({
  description: 'Repo info',
  inputSchema: z.object({ slug: z.string().regex(/^[a-z0-9-]{1,40}$/), action: z.string() }),
  execute: async ({ slug, action }) => {
    // ok: ${RULE}
    const a = execSync(\`ls /repos/\${slug}\`).toString();
    // ok: ${RULE}
    const b = execSync(COMMANDS[action] ?? 'true').toString();
    return a + b;
  },
});`,
    },
  },
  {
    name: 'ai: switch on the argument with literal cases',
    files: {
      'tools.ts': `${AI}import { execSync } from 'node:child_process';
export const svc = tool({
  description: 'Service control',
  inputSchema: z.object({ action: z.string() }),
  execute: async ({ action }) => {
    switch (action) {
      case 'status':
      case 'restart':
        // ok: ${RULE}
        return execSync(\`systemctl \${action} web\`).toString();
      default:
        return 'unknown action';
    }
  },
});`,
    },
  },
  {
    name: 'ai: allow-list guard that throws, and a ternary and && guard',
    files: {
      'tools.ts': `${AI}import { execSync } from 'node:child_process';
const ALLOWED = ['uptime', 'df -h'];
export const ops = tool({
  description: 'Ops',
  inputSchema: z.object({ cmd: z.string(), other: z.string() }),
  execute: async ({ cmd, other }) => {
    if (!ALLOWED.includes(cmd)) throw new Error('not allowed');
    // ok: ${RULE}
    const a = execSync(cmd).toString();
    // ok: ${RULE}
    const b = ALLOWED.includes(other) ? execSync(other).toString() : '';
    // ok: ${RULE}
    const c = ALLOWED.indexOf(other) !== -1 && execSync(other).toString();
    return a + b + c;
  },
});`,
    },
  },
  {
    name: 'cross-file: an assert helper whose body checks an allow list',
    files: {
      'lib/policy.ts': `const HOSTS = new Set(['api.github.com']);
export function checkHost(url: string): void {
  if (!HOSTS.has(new URL(url).hostname)) throw new Error('host not allowed');
}`,
      'tools.ts': `${AGENTS}import { checkHost } from './lib/policy';
export const gh = tool({
  name: 'github_get',
  description: 'GET from GitHub',
  parameters: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    checkHost(url);
    // ok: ${RULE}
    return (await fetch(url)).text();
  },
});`,
    },
  },
  {
    name: 'cross-file: a helper that keeps paths under a root',
    files: {
      'lib/paths.ts': `import path from 'node:path';
const ROOT = '/srv/workspace';
export function resolveInWorkspace(p: string) {
  const full = path.resolve(ROOT, p);
  if (!full.startsWith(ROOT + path.sep)) throw new Error('outside workspace');
  return full;
}`,
      'tools.ts': `${MASTRA}import { readFile } from 'node:fs/promises';
import { resolveInWorkspace } from './lib/paths';
export const readWs = createTool({
  id: 'read-workspace-file',
  description: 'Read a workspace file',
  inputSchema: z.object({ path: z.string() }),
  execute: async ({ context }) => {
    // ok: ${RULE}
    return { text: await readFile(resolveInWorkspace(context.path), 'utf8') };
  },
});`,
    },
  },
  {
    name: 'ai: refine with an allow list, JSON schema enum',
    files: {
      'tools.ts': `${AI.replace('tool, generateText', 'tool, jsonSchema')}import { execSync } from 'node:child_process';
const TARGETS = ['build', 'test'];
export const make = tool({
  description: 'Run a make target',
  inputSchema: z.object({ target: z.string().refine((t) => TARGETS.includes(t)) }),
  // ok: ${RULE}
  execute: async ({ target }) => execSync(\`make \${target}\`).toString(),
});
export const npmRun = tool({
  description: 'Run an npm script',
  inputSchema: jsonSchema<{ script: string }>({ type: 'object', properties: { script: { type: 'string', enum: ['lint', 'test'] } } }),
  // ok: ${RULE}
  execute: async ({ script }) => execSync(\`npm run \${script}\`).toString(),
});`,
    },
  },
  {
    name: 'mcp: server.tool without a schema gets no arguments; a schema-less low-level list handler',
    files: {
      'server.ts': `${MCP}import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { ListToolsRequestSchema, ReadResourceRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { readFile } from 'node:fs/promises';
// ok: ${RULE}
server.tool('server_time', 'Current server time', async (extra) => ({ content: [{ type: 'text', text: new Date().toISOString() + String(extra.sessionId) }] }));
const low = new Server({ name: 'res', version: '1.0.0' }, { capabilities: { resources: {} } });
low.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: [] }));
low.setRequestHandler(ReadResourceRequestSchema, async (request) => {
  // ok: ${RULE}
  const text = await readFile(new URL(request.params.uri).pathname.replace(/^\\/+/, '/srv/res/'), 'utf8');
  return { contents: [{ uri: request.params.uri, text }] };
});`,
    },
  },
  {
    name: 'mcp: enum and number arguments',
    files: {
      'server.ts': `${MCP}import { execFileSync, execSync } from 'node:child_process';
server.registerTool('restart', { description: 'Restart a service', inputSchema: { service: z.enum(['web', 'worker']), delay: z.number().int().max(60) } }, async ({ service, delay }) => {
  // ok: ${RULE}
  execSync(\`sleep \${delay} && systemctl restart \${service}\`);
  // ok: ${RULE}
  execFileSync('logger', [\`restarted \${service}\`]);
  return { content: [{ type: 'text', text: 'ok' }] };
});`,
    },
  },
  {
    name: 'mcp low-level: arguments parsed with an enum schema',
    files: {
      'server.ts': `import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { execSync } from 'node:child_process';
const Args = z.object({ service: z.enum(['web', 'db']) });
const server = new Server({ name: 'ops', version: '1.0.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { service } = Args.parse(request.params.arguments);
  // ok: ${RULE}
  execSync(\`systemctl status \${service}\`);
  const result = Args.safeParse(request.params.arguments);
  if (!result.success) throw new Error('bad arguments');
  // ok: ${RULE}
  execSync(\`systemctl restart \${result.data.service}\`);
  return { content: [] };
});`,
    },
  },
  {
    name: 'langchain: DynamicTool whose input only picks a query parameter; class tool with enum schema',
    files: {
      'tools.ts': `${LC}import { execSync } from 'node:child_process';
export const wiki = new DynamicTool({
  name: 'wiki',
  description: 'Search Wikipedia',
  // ok: ${RULE}
  func: async (input: string) => (await fetch(\`https://en.wikipedia.org/w/api.php?action=query&srsearch=\${encodeURIComponent(input)}\`)).text(),
});
export class ServiceTool extends StructuredTool {
  name = 'service_status';
  description = 'Service status';
  schema = z.object({ service: z.enum(['web', 'db']) });
  async _call({ service }: { service: 'web' | 'db' }) {
    // ok: ${RULE}
    return execSync(\`systemctl status \${service}\`).toString();
  }
}`,
    },
  },
  {
    name: 'langchain: agent given an explicit tool list',
    files: {
      'tools.ts': `${LC}
export const a = tool(async ({ q }) => q, { name: 'a', description: 'a', schema: z.object({ q: z.enum(['x']) }) });
export const b = tool(async ({ q }) => q, { name: 'b', description: 'b', schema: z.object({ q: z.enum(['y']) }) });`,
      'agent.ts': `import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { ChatOpenAI } from '@langchain/openai';
import { a, b } from './tools';
export const agent = createReactAgent({
  llm: new ChatOpenAI({ model: 'gpt-4o' }),
  // ok: ${RULE}
  tools: [a, b],
});`,
    },
  },
  {
    name: 'ai: arguments used only in a response or a log, numbers coerced',
    files: {
      'tools.ts': `${AI}import { Pool } from 'pg';
const pool = new Pool();
export const lookup = tool({
  description: 'Look up an order',
  inputSchema: z.object({ orderId: z.string(), note: z.string() }),
  execute: async ({ orderId, note }) => {
    console.log('lookup', orderId, note);
    // ok: ${RULE}
    const { rows } = await pool.query(\`select * from orders where id = \${Number(orderId)} limit \${parseInt(note, 10)}\`);
    return { orderId, rows };
  },
});`,
    },
  },
  {
    name: 'ai: characters stripped to an allow list, elements filtered by an allow list',
    files: {
      'tools.ts': `${AI}import { execSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
const KNOWN = new Set(['a.md', 'b.md']);
export const tidy = tool({
  description: 'Tidy',
  inputSchema: z.object({ name: z.string(), files: z.array(z.string()) }),
  execute: async ({ name, files }) => {
    const safe = name.replace(/[^a-zA-Z0-9_-]/g, '');
    // ok: ${RULE}
    execSync(\`touch /tmp/\${safe}.lock\`);
    // ok: ${RULE}
    return Promise.all(files.filter((f) => KNOWN.has(f)).map((f) => readFile(\`/srv/docs/\${f}\`, 'utf8')));
  },
});`,
    },
  },
  {
    name: 'ai: model-written content to a fixed path',
    files: {
      'tools.ts': `${AI}import { writeFile, appendFile } from 'node:fs/promises';
export const journal = tool({
  description: 'Append to the journal',
  inputSchema: z.object({ entry: z.string() }),
  execute: async ({ entry }) => {
    // ok: ${RULE}
    await appendFile('/srv/journal.log', entry + '\\n');
    // ok: ${RULE}
    await writeFile(new URL('./last-entry.txt', import.meta.url), entry);
    return 'ok';
  },
});`,
    },
  },
  {
    name: 'a sink fed by config, not by a tool',
    files: {
      'deploy.ts': `${AI}import { execSync } from 'node:child_process';
export function deploy() {
  // ok: ${RULE}
  return execSync(process.env.DEPLOY_CMD ?? 'true');
}
export const deployTool = tool({ description: 'Deploy', inputSchema: z.object({ confirm: z.boolean() }), execute: async ({ confirm }) => (confirm ? deploy() : 'skipped') });`,
    },
  },
  {
    name: 'mastra 1.0: the second parameter is the context, not model input',
    files: {
      'tools.ts': `${MASTRA}import { readFile } from 'node:fs/promises';
export const profile = createTool({
  id: 'profile',
  description: 'Read the caller profile',
  inputSchema: z.object({ section: z.enum(['bio', 'prefs']) }),
  execute: async (inputData, context) => {
    // ok: ${RULE}
    return readFile(\`/srv/profiles/\${context?.requestContext?.get('userId')}/\${inputData.section}.json\`, 'utf8');
  },
});`,
    },
  },
  {
    name: 'no-schema tools that read nothing',
    files: {
      'tools.ts': `${MASTRA}
// ok: ${RULE}
export const clock = createTool({ id: 'clock', description: 'Time', execute: async () => ({ now: Date.now() }) });
// ok: ${RULE}
export const ping = createTool({ id: 'ping', description: 'Ping', execute: async (_input) => ({ pong: true }) });`,
    },
  },
  {
    name: 'prefix allow list with some(), and an allow-list predicate in another file',
    files: {
      'lib/allow.ts': `const PREFIXES = ['https://api.github.com/', 'https://status.example.com/'];
export function isAllowedUrl(url: string): boolean {
  return PREFIXES.some((p) => url.startsWith(p));
}`,
      'tools.ts': `${AI}import { isAllowedUrl } from './lib/allow';
const PREFIXES = ['https://api.github.com/'];
export const gh = tool({
  description: 'GET',
  inputSchema: z.object({ url: z.string(), alt: z.string() }),
  execute: async ({ url, alt }) => {
    if (!PREFIXES.some((p) => url.startsWith(p))) throw new Error('no');
    if (!url.startsWith('https://api.github.com/')) throw new Error('not GitHub');
    // ok: ${RULE}
    const a = await fetch(url);
    if (!isAllowedUrl(alt)) return 'refused';
    // ok: ${RULE}
    const b = await fetch(alt);
    return [a.status, b.status];
  },
});`,
    },
  },
  {
    name: 'equality with constants and an early continue in a loop',
    files: {
      'tools.ts': `${AGENTS}import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
export const batch = tool({
  name: 'batch',
  description: 'Batch',
  parameters: z.object({ mode: z.string(), files: z.array(z.string()) }),
  execute: async ({ mode, files }) => {
    if (mode !== 'fast' && mode !== 'full') throw new Error('bad mode');
    // ok: ${RULE}
    execSync(\`./scan --\${mode}\`);
    const out: string[] = [];
    for (const f of files) {
      if (!/^[a-z0-9_-]+\\.txt$/.test(f)) continue;
      // ok: ${RULE}
      out.push(readFileSync(\`/srv/in/\${f}\`, 'utf8'));
    }
    return out.join('\\n');
  },
});`,
    },
  },
  {
    name: 'an allow list named in the config',
    config: { allowListChecks: ['approveTable'] },
    files: {
      'lib/policy.ts': `export function approveTable(name: string) {
  return name;
}`,
      'tools.ts': `${AI}import { approveTable } from './lib/policy';
import { Pool } from 'pg';
const pool = new Pool();
export const count = tool({
  description: 'Count rows',
  inputSchema: z.object({ table: z.string() }),
  execute: async ({ table }) => {
    // ok: ${RULE}
    return pool.query(\`select count(*) from \${approveTable(table)}\`);
  },
});`,
    },
  },
  {
    name: 'other clients named like databases are not SQL',
    files: {
      'tools.ts': `${AI}import OpenAI from 'openai';
const client = new OpenAI();
export const ask = tool({
  description: 'Ask',
  inputSchema: z.object({ q: z.string() }),
  execute: async ({ q }) => {
    // ok: ${RULE}
    const r = await client.responses.create({ model: 'gpt-4o', input: q });
    return r.output_text;
  },
});`,
    },
  },
  {
    name: 'cross-file: the check in the tool, the command run by a helper in another file',
    files: {
      'lib/run.ts': `import { execSync } from 'node:child_process';
export function run(command: string) {
  // ok: ${RULE}
  return execSync(command, { encoding: 'utf8' });
}`,
      'tools.ts': `${AGENTS}import { run } from './lib/run';
const DIAGNOSTICS = new Set(['uptime', 'free -m']);
export const diag = tool({
  name: 'diagnostic',
  description: 'Run a diagnostic',
  parameters: z.object({ command: z.string() }),
  execute: async (input) => {
    if (!DIAGNOSTICS.has(input.command)) return 'not an approved diagnostic';
    return run(input.command);
  },
});`,
    },
  },
  {
    name: 'hand-dispatched tool calls: enum arguments, parameterized queries, plain completions',
    files: {
      'agent.ts': `import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { execSync } from 'node:child_process';
import { Pool } from 'pg';
const openai = new OpenAI();
const anthropic = new Anthropic();
const pool = new Pool();
export async function ops(question: string) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1',
    messages: [{ role: 'user', content: question }],
    tools: [{ type: 'function', function: { name: 'restart', parameters: { type: 'object', properties: { service: { type: 'string', enum: ['web', 'worker'] } } }, strict: true } }],
  });
  for (const toolCall of completion.choices[0].message.tool_calls ?? []) {
    const { service } = JSON.parse(toolCall.function.arguments);
    // ok: ${RULE}
    execSync(\`systemctl restart \${service}\`);
  }
}
export async function lookup(question: string) {
  const response = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 512,
    messages: [{ role: 'user', content: question }],
    tools: [{ name: 'find_order', input_schema: { type: 'object', properties: { orderId: { type: 'string' } } } }],
  });
  for (const block of response.content) {
    if (block.type !== 'tool_use') continue;
    const { orderId } = block.input as { orderId: string };
    // ok: ${RULE}
    return pool.query('select * from orders where id = $1', [orderId]);
  }
}
export async function summarize(text: string) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: text }] });
  // ok: ${RULE}
  return execSync(\`echo \${JSON.stringify(completion.choices[0].message.content)}\`).toString();
}`,
    },
  },
];

describe(RULE, () => {
  testCaseTableSize(RULE, [...invalid, ...valid], 25);
  describe('invalid', () => testMarkedCases(RULE, invalid));
  describe('valid', () => testMarkedCases(RULE, valid));

  it('without the config entry the named check is just a function', () => {
    const c = valid.find((x) => x.name === 'an allow list named in the config')!;
    const findings = analyzeFiles(c.files).findings.filter((f) => f.ruleId === RULE);
    assert.equal(findings.length, 1);
  });

  describe('messages', () => {
    it('say what, why and what to do, and point at the tool and the source', () => {
      const [f] = expectMarks(invalid[0].files, RULE);
      assert.match(f.message, /^Tool "runShell" passes argument `command`, which the model chooses, to a shell command \(child_process\.execSync\)/);
      assert.match(f.message, /prompt injection can run any command/);
      assert.match(f.message, /execFile/);
      assert.equal(f.related.length, 1);
      assert.match(f.related[0].message, /tool "runShell" is defined here/);
      assert.ok(f.flow && f.flow.length >= 2, 'has a source-to-sink flow');
      assert.equal(f.flow![0].message, 'argument `command`');
    });

    it('names a hand-dispatched tool call by the name the code checks', () => {
      const c = invalid.find((x) => x.name.startsWith('openai: function tools dispatched by hand'))!;
      const [f] = expectMarks(c.files, RULE);
      assert.match(f.message, /^The tool call "run_shell" dispatched from openai\.chat\.completions\.create\(\) passes argument `command`, which the model chooses, to a shell command/);
      assert.match(f.related[0].message, /the model call whose tool calls this code runs/);
    });

    it('names the registry and counts its tools', () => {
      const c = invalid.find((x) => x.name.startsWith('openai-agents: an agent handed'))!;
      const [f] = expectMarks(c.files, RULE);
      assert.match(f.message, /Agent "Triage" is handed every tool in a registry \(2 tools\)/);
    });

    it('reports a shared helper once, with every tool that reaches it', () => {
      const files = {
        'lib/run.ts': `import { execSync } from 'node:child_process';\nexport const run = (c: string) => execSync(c);`,
        'tools.ts': `${AI}import { run } from './lib/run';
export const a = tool({ description: 'a', inputSchema: z.object({ c: z.string() }), execute: async ({ c }) => run(c) });
export const b = tool({ description: 'b', inputSchema: z.object({ d: z.string() }), execute: async ({ d }) => run(d) });`,
      };
      const findings = analyzeFiles(files).findings.filter((f) => f.ruleId === RULE);
      assert.equal(findings.length, 1);
      assert.deepEqual(findings[0].related.map((r) => r.message).sort(), ['tool "a" is defined here', 'tool "b" is defined here']);
    });
  });

  describe('suggested allow-list guard', () => {
    const withFix = invalid.filter((c) => !/registry|every export|z\.any|no input schema|without a schema/.test(c.name));

    for (const c of withFix) {
      it(`works for: ${c.name}`, () => {
        const all = expectMarks(c.files, RULE);
        const findings = all.filter((f) => f.fixes.length > 0);
        assert.ok(findings.length > 0, 'a fix is offered');
        if (all.length === 1) {
          assertFixWorks(c.files, findings[0]);
          return;
        }
        // Several findings: lines shift after a fix, so compare what is left instead of lines.
        for (const f of findings) {
          const fixed = applyFix(c.files, f.fixes[0]);
          for (const [name, text] of Object.entries(fixed)) if (text !== c.files[name]) assert.deepEqual(syntaxErrors(name, text), [], name);
          const after = analyzeFiles(fixed).findings.filter((x) => x.ruleId === RULE);
          // A guard placed before one sink may also cover later sinks of the same value.
          assert.ok(after.length < all.length, `"${f.fixes[0].title}" removes its finding`);
          assert.ok(!after.some((x) => x.message === f.message && x.range.file === f.range.file && x.range.startPos.column === f.range.startPos.column), 'the fixed finding is gone');
        }
      });
    }

    it('declares an empty set and throws for values outside it', () => {
      const [f] = expectMarks(invalid[0].files, RULE);
      assert.equal(f.fixes[0].kind, 'suggestion');
      const fixed = applyFix(invalid[0].files, f.fixes[0]);
      assert.match(fixed['tools.ts'], /child_process';\n\n\/\/ The values this tool may pass on; empty, the check below refuses everything\.\nconst ALLOWED_COMMAND_VALUES: ReadonlySet<string> = new Set<string>\(\[\]\);\n\nexport const runShell/);
      assert.match(fixed['tools.ts'], /\n {4}if \(typeof command !== 'string' \|\| !ALLOWED_COMMAND_VALUES\.has\(command\)\) throw new Error\('command is not an allowed value'\);\n {4}return execSync/);
    });

    it('turns an expression body into a block', () => {
      const files = { 'tools.ts': `${AI}import { execSync } from 'node:child_process';\nexport const t = tool({ description: 'x', inputSchema: z.object({ cmd: z.string() }), execute: async ({ cmd }) => execSync(cmd) });\n` };
      const [f] = analyzeFiles(files).findings.filter((x) => x.ruleId === RULE);
      const fixed = assertFixWorks(files, f);
      assert.match(fixed['tools.ts'], /execute: async \(\{ cmd \}\) => \{\n {2}if \(typeof cmd !== 'string' \|\| !ALLOWED_CMD_VALUES\.has\(cmd\)\) throw new Error\('cmd is not an allowed value'\);\n {2}return execSync\(cmd\);\n\}/);
    });

    it('picks a fresh name when the file already has one', () => {
      const files = {
        'tools.ts': `${AI}import { execSync } from 'node:child_process';
export const a = tool({ description: 'a', inputSchema: z.object({ cmd: z.string() }), execute: async ({ cmd }) => { return execSync(cmd); } });
export const b = tool({ description: 'b', inputSchema: z.object({ cmd: z.string() }), execute: async ({ cmd }) => { return execSync(cmd); } });`,
      };
      const [first] = analyzeFiles(files).findings.filter((f) => f.ruleId === RULE);
      const once = assertFixWorks(files, first);
      const [second] = analyzeFiles(once).findings.filter((f) => f.ruleId === RULE);
      const twice = assertFixWorks(once, second);
      assert.match(twice['tools.ts'], /const ALLOWED_CMD_VALUES_2: ReadonlySet<string>/);
      assert.deepEqual(analyzeFiles(twice).findings.filter((f) => f.ruleId === RULE), []);
    });

    it('type-checks', () => {
      // One program for every fixed fixture (lib files load once); each fixture in its own folder.
      const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], noResolve: true, types: [] } });
      const checks: Array<{ file: string; label: string }> = [];
      let n = 0;
      for (const c of withFix) {
        for (const f of analyzeFiles(c.files).findings.filter((x) => x.ruleId === RULE && x.fixes.length)) {
          const fixed = applyFix(c.files, f.fixes[0]);
          const dir = `/p${n++}`;
          for (const [name, text] of Object.entries(fixed)) {
            project.createSourceFile(`${dir}/${name}`, text);
            if (text !== c.files[name]) checks.push({ file: `${dir}/${name}`, label: `${c.name} (${name})` });
          }
        }
      }
      assert.ok(checks.length >= withFix.length);
      for (const { file, label } of checks) {
        const sf = project.getSourceFileOrThrow(file);
        const lines = sf.getFullText().split('\n');
        // Only the lines the fix wrote count: the fixture itself has no node_modules.
        const errors = sf.getPreEmitDiagnostics().filter((d) => /ALLOWED_\w+_VALUES/.test(lines[(d.getLineNumber() ?? 1) - 1] ?? ''));
        assert.deepEqual(errors.map((d) => `${d.getLineNumber()}: ${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n')}`), [], label);
      }
    });
  });
});
