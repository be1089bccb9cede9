import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFiles } from '../helpers/marks.js';
import { testCaseTableSize, testMarkedCases, type MarkedCase } from '../helpers/case-table.js';
import { applyFix, assertFixWorks } from '../helpers/fixes.js';

const ID = 'require-audit-logging';

const PINO = `import pino from 'pino';\nexport const logger = pino({ level: 'info' });\n`;
const WINSTON = `import winston from 'winston';\nexport const log = winston.createLogger({ transports: [new winston.transports.Console()] });\n`;

const cases: MarkedCase[] = [
  {
    name: 'openai: no log at all, console output only, and a pino log around the call',
    files: {
      'lib/logger.ts': PINO,
      'chat.ts': `import OpenAI from 'openai';
import { logger } from './lib/logger';
const openai = new OpenAI();
export async function bare(q: string) {
  // ruleid: ${ID}
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
}
export async function consoleOnly(q: string) {
  console.log('asking', q);
  // ruleid: ${ID}
  const res = await openai.responses.create({ model: 'gpt-4.1', input: q });
  console.info(res.output_text);
  return res.output_text;
}
export async function logged(q: string) {
  logger.info({ event: 'model_call', chars: q.length }, 'asking the model');
  // ok: ${ID}
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
}
`,
    },
  },
  {
    name: 'a log in some other function is not around the call',
    files: {
      'a.ts': `import Anthropic from '@anthropic-ai/sdk';
import pino from 'pino';
const logger = pino();
const anthropic = new Anthropic();
export function boot() {
  logger.info('booted');
}
export async function ask(q: string) {
  // ruleid: ${ID}
  return anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, messages: [{ role: 'user', content: q }] });
}
`,
    },
  },
  {
    name: 'winston, bunyan, a custom-named pino instance and a child logger count',
    files: {
      'lib/log.ts': WINSTON,
      'a.ts': `import Anthropic from '@anthropic-ai/sdk';
import bunyan from 'bunyan';
import pino from 'pino';
import { log } from './lib/log';
const anthropic = new Anthropic();
const audit = bunyan.createLogger({ name: 'audit' });
const appLog = pino();
export async function w(q: string) {
  log.info('asking', { q });
  // ok: ${ID}
  return anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, messages: [{ role: 'user', content: q }] });
}
export async function b(q: string) {
  audit.info({ q }, 'asking');
  // ok: ${ID}
  return anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, messages: [{ role: 'user', content: q }] });
}
export async function p(q: string, requestId: string) {
  const reqLog = appLog.child({ requestId });
  reqLog.debug({ q }, 'asking');
  // ok: ${ID}
  return anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, messages: [{ role: 'user', content: q }] });
}
`,
    },
  },
  {
    name: 'opentelemetry: inside startActiveSpan, inside a span wrapper imported from utils',
    files: {
      'lib/tracing.ts': `import { trace, type Span } from '@opentelemetry/api';
export const tracer = trace.getTracer('agents');
export async function withSpan<T>(name: string, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, async (span) => {
    try {
      return await fn(span);
    } finally {
      span.end();
    }
  });
}
`,
      'gen.ts': `import { GoogleGenAI } from '@google/genai';
import { tracer, withSpan } from './lib/tracing';
const ai = new GoogleGenAI({});
export async function direct(q: string) {
  return tracer.startActiveSpan('gemini.generate', async (span) => {
    // ok: ${ID}
    const r = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: q });
    span.end();
    return r.text;
  });
}
export async function wrapped(q: string) {
  // ok: ${ID}
  return withSpan('gemini.generate', () => ai.models.generateContent({ model: 'gemini-2.5-flash', contents: q }));
}
export async function untraced(q: string) {
  // ruleid: ${ID}
  return ai.models.generateContent({ model: 'gemini-2.5-flash', contents: q });
}
export async function chat(q: string) {
  const session = ai.chats.create({ model: 'gemini-2.5-flash' });
  // ruleid: ${ID}
  return session.sendMessage({ message: q });
}
`,
    },
  },
  {
    name: 'a caller that logs around the helper that calls the model',
    files: {
      'lib/logger.ts': PINO,
      'lib/ask.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function askModel(q: string) {
  // ok: ${ID}
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
}
export async function askUnlogged(q: string) {
  // ruleid: ${ID}
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
}
`,
      'routes.ts': `import express from 'express';
import { logger } from './lib/logger';
import { askModel, askUnlogged } from './lib/ask';
export const router = express.Router();
router.post('/ask', async (req, res) => {
  logger.info({ route: '/ask' }, 'ask');
  res.json(await askModel(String(req.body.q)));
});
router.post('/ask2', async (req, res) => {
  res.json(await askUnlogged(String(req.body.q)));
});
`,
    },
  },
  {
    name: 'a logging wrapper of the project, imported from another file',
    files: {
      'lib/audit.ts': `import pino from 'pino';
const logger = pino();
export async function withAuditLog<T>(name: string, meta: object, fn: () => Promise<T>): Promise<T> {
  logger.info({ name, ...meta }, 'start');
  try {
    return await fn();
  } finally {
    logger.info({ name }, 'end');
  }
}
export async function timed<T>(fn: () => Promise<T>): Promise<T> {
  const t = Date.now();
  try { return await fn(); } finally { console.log('took', Date.now() - t); }
}
`,
      'job.ts': `import OpenAI from 'openai';
import { withAuditLog, timed } from './lib/audit';
const client = new OpenAI();
export async function digest(text: string) {
  return withAuditLog('digest', { bytes: text.length }, () =>
    // ok: ${ID}
    client.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: text }] }),
  );
}
export async function digestTimed(text: string) {
  return timed(() =>
    // ruleid: ${ID}
    client.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: text }] }),
  );
}
`,
    },
  },
  {
    name: 'vercel ai: telemetry on per call counts, off or missing does not; tools follow their call',
    files: {
      'lib/tools.ts': `import { tool } from 'ai';
import { z } from 'zod';
// ok: ${ID}
export const traced = tool({ description: 'Weather', inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => ({ city, temp: 20 }) });
// ruleid: ${ID}
export const untraced = tool({ description: 'Stock', inputSchema: z.object({ sku: z.string() }), execute: async ({ sku }) => ({ sku, count: 3 }) });
`,
      'route.ts': `import { generateText, streamText, generateObject } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
import { traced, untraced } from './lib/tools';
export async function POST(req: Request) {
  const { q } = await req.json();
  // ok: ${ID}
  await generateText({ model: openai('gpt-4o'), prompt: q, tools: { traced }, experimental_telemetry: { isEnabled: true, functionId: 'weather' } });
  // ruleid: ${ID}
  await generateText({ model: openai('gpt-4o'), prompt: q, tools: { untraced }, experimental_telemetry: { isEnabled: false } });
  // ruleid: ${ID}
  const s = streamText({ model: openai('gpt-4o'), prompt: q, experimental_telemetry: { functionId: 'no-flag' } });
  // ruleid: ${ID}
  const o = await generateObject({ model: openai('gpt-4o'), schema: z.object({ a: z.string() }), prompt: q });
  return Response.json({ s: await s.text, o: o.object });
}
`,
    },
  },
  {
    name: 'vercel ai agent: telemetry in the agent settings covers its calls and tools',
    files: {
      'agent.ts': `import { Experimental_Agent as Agent, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
// ok: ${ID}
const lookup = tool({ description: 'Lookup', inputSchema: z.object({ id: z.string() }), execute: async ({ id }) => ({ id }) });
// ruleid: ${ID}
const other = tool({ description: 'Other', inputSchema: z.object({ id: z.string() }), execute: async ({ id }) => ({ id }) });
const tracedAgent = new Agent({ model: openai('gpt-4o'), tools: { lookup }, experimental_telemetry: { isEnabled: true } });
const plainAgent = new Agent({ model: openai('gpt-4o'), tools: { other } });
export async function go(q: string) {
  // ok: ${ID}
  await tracedAgent.generate({ prompt: q });
  // ruleid: ${ID}
  await plainAgent.generate({ prompt: q });
}
`,
    },
  },
  {
    name: 'langchain: callbacks on the call or the model count; a bare invoke does not',
    files: {
      'lc.ts': `import { ChatOpenAI } from '@langchain/openai';
import { ChatAnthropic } from '@langchain/anthropic';
import { CallbackHandler } from '@langfuse/langchain';
const handler = new CallbackHandler();
const model = new ChatOpenAI({ model: 'gpt-4o' });
const tracedModel = new ChatAnthropic({ model: 'claude-sonnet-4-5', callbacks: [handler] });
export async function go(q: string) {
  // ok: ${ID}
  await model.invoke(q, { callbacks: [handler] });
  // ok: ${ID}
  await tracedModel.invoke(q);
  // ruleid: ${ID}
  await model.invoke(q);
  // ruleid: ${ID}
  await model.stream([['human', q]]);
}
`,
    },
  },
  {
    name: 'langchain tools and a langgraph agent',
    files: {
      'lib/logger.ts': PINO,
      'tools.ts': `import { tool, DynamicStructuredTool } from '@langchain/core/tools';
import { z } from 'zod';
import { logger } from './lib/logger';
// ruleid: ${ID}
export const search = tool(async ({ q }) => \`results for \${q}\`, { name: 'search', description: 'Search', schema: z.object({ q: z.string() }) });
// ok: ${ID}
export const fetchDoc = tool(async ({ id }) => { logger.info({ tool: 'fetch_doc', id }, 'tool call'); return id; }, { name: 'fetch_doc', description: 'Fetch', schema: z.object({ id: z.string() }) });
// ruleid: ${ID}
export const calc = new DynamicStructuredTool({ name: 'calc', description: 'Add', schema: z.object({ a: z.number(), b: z.number() }), func: async ({ a, b }) => String(a + b) });
`,
      'agent.ts': `import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { ChatOpenAI } from '@langchain/openai';
import { search, fetchDoc, calc } from './tools';
const agent = createReactAgent({ llm: new ChatOpenAI({ model: 'gpt-4o' }), tools: [search, fetchDoc, calc] });
export async function ask(q: string) {
  // ruleid: ${ID}
  return agent.invoke({ messages: [{ role: 'user', content: q }] });
}
`,
    },
  },
  {
    name: 'openai agents: tracing is on by default for runs and function tools',
    files: {
      'agents.ts': `import { Agent, run, tool } from '@openai/agents';
import { z } from 'zod';
// ok: ${ID}
const lookup = tool({ name: 'lookup', description: 'Lookup an order', parameters: z.object({ id: z.string() }), execute: async ({ id }) => id });
const agent = new Agent({ name: 'support', instructions: 'Help.', tools: [lookup] });
export async function go(q: string) {
  // ok: ${ID}
  return run(agent, q);
}
`,
    },
  },
  {
    name: 'openai agents: with tracing switched off project-wide, runs and tools need their own logs',
    files: {
      'config.ts': `import { setTracingDisabled } from '@openai/agents';\nsetTracingDisabled(true);\n`,
      'lib/logger.ts': PINO,
      'agents.ts': `import { Agent, run, tool } from '@openai/agents';
import { z } from 'zod';
import { logger } from './lib/logger';
// ruleid: ${ID}
const lookup = tool({ name: 'lookup', description: 'Lookup an order', parameters: z.object({ id: z.string() }), execute: async ({ id }) => id });
// ok: ${ID}
const refund = tool({
  name: 'refund',
  description: 'Refund an order',
  parameters: z.object({ id: z.string() }),
  async execute({ id }) {
    logger.info({ tool: 'refund', id }, 'tool call');
    return 'ok';
  },
});
const agent = new Agent({ name: 'support', instructions: 'Help.', tools: [lookup, refund] });
export async function go(q: string) {
  // ruleid: ${ID}
  return run(agent, q);
}
export async function goLogged(q: string) {
  logger.info({ agent: agent.name }, 'run');
  // ok: ${ID}
  return run(agent, q);
}
`,
    },
  },
  {
    name: 'mastra: no telemetry configured means no framework trace',
    files: {
      'mastra/index.ts': `import { Mastra } from '@mastra/core';
import { helper } from './agent';
export const mastra = new Mastra({ agents: { helper }, telemetry: { enabled: false } });
`,
      'mastra/agent.ts': `import { Agent } from '@mastra/core/agent';
import { createTool } from '@mastra/core/tools';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
// ruleid: ${ID}
export const weather = createTool({ id: 'weather', description: 'Weather', inputSchema: z.object({ city: z.string() }), execute: async ({ context }) => ({ city: context.city }) });
export const helper = new Agent({ name: 'helper', instructions: 'Help.', model: openai('gpt-4o'), tools: { weather } });
export async function ask(q: string) {
  // ruleid: ${ID}
  return helper.generate(q);
}
`,
    },
  },
  {
    name: 'mastra: telemetry or observability on the Mastra instance traces agents and tools',
    files: {
      'mastra/index.ts': `import { Mastra } from '@mastra/core/mastra';
import { helper } from './agent';
export const mastra = new Mastra({ agents: { helper }, observability: { default: { enabled: true } } });
`,
      'mastra/agent.ts': `import { Agent } from '@mastra/core/agent';
import { createTool } from '@mastra/core/tools';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
// ok: ${ID}
export const weather = createTool({ id: 'weather', description: 'Weather', inputSchema: z.object({ city: z.string() }), execute: async ({ context }) => ({ city: context.city }) });
export const helper = new Agent({ name: 'helper', instructions: 'Help.', model: openai('gpt-4o'), tools: { weather } });
export async function ask(q: string) {
  // ok: ${ID}
  return helper.generate(q);
}
`,
    },
  },
  {
    name: 'mcp: registered tools with and without a log',
    files: {
      'lib/logger.ts': PINO,
      'server.ts': `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { logger } from './lib/logger';
const server = new McpServer({ name: 'files', version: '1.0.0' });
// ruleid: ${ID}
server.registerTool('list', { description: 'List', inputSchema: { dir: z.string() } }, async ({ dir }) => ({ content: [{ type: 'text', text: dir }] }));
// ok: ${ID}
server.registerTool('stat', { description: 'Stat', inputSchema: { file: z.string() } }, async ({ file }) => {
  logger.info({ tool: 'stat', file }, 'tool call');
  return { content: [{ type: 'text', text: file }] };
});
`,
    },
  },
  {
    name: 'anthropic beta tool runner: the tool run function needs its own log',
    files: {
      'ops.ts': `import Anthropic from '@anthropic-ai/sdk';
import { betaZodTool } from '@anthropic-ai/sdk/helpers/beta/zod';
import { z } from 'zod';
const anthropic = new Anthropic();
// ruleid: ${ID}
const uptime = betaZodTool({ name: 'uptime', description: 'Uptime', inputSchema: z.object({ host: z.string() }), run: async ({ host }) => host });
export async function ops(q: string) {
  // ruleid: ${ID}
  return anthropic.beta.messages.toolRunner({ model: 'claude-sonnet-4-5', max_tokens: 512, tools: [uptime], messages: [{ role: 'user', content: q }] });
}
`,
    },
  },
  {
    name: 'langsmith and langfuse wrappers trace the client; traceable traces the function',
    files: {
      'wrapped.ts': `import OpenAI from 'openai';
import { wrapOpenAI } from 'langsmith/wrappers';
import { traceable } from 'langsmith/traceable';
import { observeOpenAI } from '@langfuse/openai';
const ls = wrapOpenAI(new OpenAI());
const lf = observeOpenAI(new OpenAI());
const plain = new OpenAI();
export async function a(q: string) {
  // ok: ${ID}
  await ls.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  // ok: ${ID}
  await lf.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
}
export const b = traceable(async (q: string) => {
  // ok: ${ID}
  return plain.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
}, { name: 'b' });
`,
    },
  },
  {
    name: 'logger on the request, on this, in sentry and datadog spans',
    files: {
      'svc.ts': `import OpenAI from 'openai';
import * as Sentry from '@sentry/node';
import tracer from 'dd-trace';
import type { Logger } from 'pino';
const openai = new OpenAI();
export class Svc {
  constructor(private logger: Logger) {}
  async a(q: string) {
    this.logger.info({ q }, 'ask');
    // ok: ${ID}
    return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  }
}
export async function handler(req: { log: { info(o: object, m: string): void }; body: { q: string } }) {
  req.log.info({ q: req.body.q }, 'ask');
  // ok: ${ID}
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.body.q }] });
}
export async function sentry(q: string) {
  return Sentry.startSpan({ name: 'llm' }, () =>
    // ok: ${ID}
    openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] }),
  );
}
export async function dd(q: string) {
  return tracer.trace('llm', () =>
    // ok: ${ID}
    openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] }),
  );
}
`,
    },
  },
  {
    name: 'scripts: a top-level log counts for top-level calls, not for functions',
    files: {
      'script.ts': `import OpenAI from 'openai';
import pino from 'pino';
const logger = pino();
const openai = new OpenAI();
logger.info('nightly summary starting');
// ok: ${ID}
const summary = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Summarize.' }] });
export async function later() {
  // ruleid: ${ID}
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Again.' }] });
}
void summary;
`,
      'bare-script.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
console.log('starting');
// ruleid: ${ID}
const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi.' }] });
void r;
`,
    },
  },
  {
    name: 'a configured audit function counts; a function that only prints does not',
    config: JSON.stringify({ loggers: ['track'] }),
    files: {
      'lib/track.ts': `export function track(event: string, data: object) { void event; void data; }\n`,
      'a.ts': `import OpenAI from 'openai';
import { track } from './lib/track';
const openai = new OpenAI();
const print = (...args: unknown[]) => console.log(...args);
export async function a(q: string) {
  track('model_call', { q });
  // ok: ${ID}
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
}
export async function b(q: string) {
  print('model call', q);
  // ruleid: ${ID}
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
}
`,
    },
  },
  {
    name: 'a tool whose execute calls a helper that logs',
    files: {
      'lib/audit.ts': `import pino from 'pino';\nconst logger = pino();\nexport function logToolCall(name: string, args: object) {\n  logger.info({ tool: name, args }, 'tool call');\n}\nexport function describe(x: object) { return JSON.stringify(x); }\n`,
      'tools.ts': `import { tool } from 'ai';
import { z } from 'zod';
import { logToolCall, describe } from './lib/audit';
// ok: ${ID}
export const a = tool({ description: 'A', inputSchema: z.object({ x: z.string() }), execute: async (input) => { logToolCall('a', input); return input.x; } });
// ruleid: ${ID}
export const b = tool({ description: 'B', inputSchema: z.object({ x: z.string() }), execute: async (input) => describe(input) });
`,
    },
  },
  {
    name: 'calls inside callbacks and class methods',
    files: {
      'batch.ts': `import OpenAI from 'openai';
import pino from 'pino';
const openai = new OpenAI();
const logger = pino();
export async function batch(items: string[]) {
  return Promise.all(items.map(async (item) => {
    // ruleid: ${ID}
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: item }] });
    return r.choices[0].message.content;
  }));
}
export async function batchLogged(items: string[]) {
  return Promise.all(items.map(async (item, i) => {
    logger.info({ i }, 'item');
    // ok: ${ID}
    return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: item }] });
  }));
}
export class Summarizer {
  private client = new OpenAI();
  async run(text: string) {
    // ruleid: ${ID}
    return this.client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  }
}
`,
    },
  },
  {
    name: 'project-wide instrumentation: sentry with sampled tracing, traceloop, openinference; sentry without tracing does not count',
    files: {
      'instrument.ts': `import * as Sentry from '@sentry/node';\nSentry.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: 1.0 });\n`,
      'otel.ts': `import * as traceloop from '@traceloop/node-server-sdk';\ntraceloop.initialize({ appName: 'agents' });\n`,
      'a.ts': `import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
const anthropic = new Anthropic();
const ai = new GoogleGenAI({});
export async function a(q: string) {
  // ok: ${ID}
  await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: q }] });
  // ok: ${ID}
  await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: q });
}
`,
    },
  },
  {
    name: 'sentry initialized without sampling traces records no spans',
    files: {
      'instrument.ts': `import * as Sentry from '@sentry/node';\nSentry.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: 0 });\n`,
      'a.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function a(q: string) {
  // ruleid: ${ID}
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
}
`,
    },
  },
  {
    name: 'a client routed through a logging gateway, and one that is not',
    files: {
      'a.ts': `import OpenAI from 'openai';
const viaGateway = new OpenAI({ baseURL: 'https://oai.helicone.ai/v1', defaultHeaders: { 'Helicone-Auth': \`Bearer \${process.env.HELICONE_API_KEY}\` } });
const direct = new OpenAI({ baseURL: 'https://api.openai.com/v1' });
export async function a(q: string) {
  // ok: ${ID}
  await viaGateway.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  // ruleid: ${ID}
  await direct.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
}
`,
    },
  },
  {
    name: 'spec tools: the dispatch branch or handler runs the tool; a log or span in it counts',
    files: {
      'lib/logger.ts': PINO,
      'sales.ts': `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
// ruleid: ${ID}
const crmLookup: Anthropic.Tool = { name: 'crm_lookup', description: 'Look up an account', input_schema: { type: 'object', properties: { id: { type: 'string' } } } };
async function executeTool(name: string, input: { id: string }) {
  switch (name) {
    case 'crm_lookup':
      return fetch('https://crm.example.com/accounts/' + encodeURIComponent(input.id));
  }
}
export async function draft(q: string) {
  // ruleid: ${ID}
  const res = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [{ role: 'user', content: q }], tools: [crmLookup] });
  for (const block of res.content) if (block.type === 'tool_use') await executeTool(block.name, block.input as { id: string });
}`,
      'billing.ts': `import OpenAI from 'openai';
import { trace } from '@opentelemetry/api';
import { logger } from './lib/logger';
const openai = new OpenAI();
const tracer = trace.getTracer('billing');
const tools = [
  // ok: ${ID}
  { type: 'function' as const, function: { name: 'invoice_total', parameters: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } } } },
];
export async function answer(q: string) {
  logger.info({ event: 'model_call' }, 'billing question');
  // ok: ${ID}
  const res = await openai.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: q }], tools });
  for (const call of res.choices[0].message.tool_calls ?? []) {
    if (call.type === 'function' && call.function.name === 'invoice_total') {
      await tracer.startActiveSpan('tool.invoice_total', async (span) => {
        span.end();
        return JSON.parse(call.function.arguments);
      });
    }
  }
}`,
      'ops.ts': `import { GoogleGenAI } from '@google/genai';
import { logger } from './lib/logger';
const ai = new GoogleGenAI({});
const handlers: Record<string, (args: any) => Promise<unknown>> = {
  restart: async (args: { service: string }) => {
    logger.info({ event: 'tool_call', tool: 'restart', service: args.service }, 'restart');
    return { ok: true };
  },
  status: async (args: { service: string }) => ({ up: args.service.length > 0 }),
};
const declarations = [
  // ok: ${ID}
  { name: 'restart', parameters: { type: 'object', properties: { service: { type: 'string' } } } },
  // ruleid: ${ID}
  { name: 'status', parameters: { type: 'object', properties: { service: { type: 'string' } } } },
];
export async function investigate(q: string) {
  logger.info({ event: 'model_call' }, 'ops question');
  // ok: ${ID}
  const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: q, config: { tools: [{ functionDeclarations: declarations }] } });
  return Promise.all((response.functionCalls ?? []).map((call) => handlers[call.name!](call.args)));
}`,
    },
  },
];

testMarkedCases(ID, cases);
testCaseTableSize(ID, cases, 30);

function only(files: Record<string, string>, config?: string) {
  return analyzeFiles(files, config).findings.filter((f) => f.ruleId === ID);
}

test('fix: logs with the pino logger the file already uses, object first', () => {
  const files = {
    'a.ts': `import OpenAI from 'openai';\nimport pino from 'pino';\nconst logger = pino();\nconst openai = new OpenAI();\nexport function boot() {\n  logger.info('boot');\n}\nexport async function ask(q: string) {\n  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });\n  return r;\n}\n`,
  };
  const [f] = only(files);
  assert.equal(f.fixes[0].kind, 'suggestion');
  const fixed = assertFixWorks(files, f);
  assert.match(fixed['a.ts'], /\n  logger\.info\(\{ event: 'model_call', call: 'openai\.chat\.completions\.create' \}, 'model call openai\.chat\.completions\.create'\);\n  const r = await/);
  assert.deepEqual(only(fixed), []);
});

test('fix: imports the project logger in the file style and uses the winston call shape', () => {
  const files = {
    'src/lib/log.ts': WINSTON,
    'src/lib/other.ts': `import { x } from './x.js';\nexport const y = x;\n`,
    'src/a.ts': `import Anthropic from '@anthropic-ai/sdk';\nimport { y } from './lib/other.js';\nconst anthropic = new Anthropic();\nexport const ask = (q: string) => anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: q + y }] });\n`,
  };
  const [f] = only(files);
  const fixed = assertFixWorks(files, f);
  assert.match(fixed['src/a.ts'], /import \{ log \} from '\.\/lib\/log\.js';/);
  assert.match(fixed['src/a.ts'], /=> \{\n  log\.info\('model call anthropic\.messages\.create', \{ event: 'model_call', call: 'anthropic\.messages\.create' \}\);\n  return anthropic\.messages\.create/);
});

test('fix: a tool with an expression body gets a block that logs its name and arguments', () => {
  const files = {
    'lib/logger.ts': PINO,
    'tools.ts': `import { tool } from 'ai';\nimport { z } from 'zod';\nexport const stock = tool({\n  description: 'Stock',\n  inputSchema: z.object({ sku: z.string(), store: z.string() }),\n  execute: async ({ sku, store }) => ({ sku, store, count: 3 }),\n});\n`,
  };
  const [f] = only(files);
  const fixed = assertFixWorks(files, f);
  assert.match(fixed['tools.ts'], /logger\.info\(\{ event: 'tool_call', tool: 'stock', sku, store \}, 'tool call'\);\n\s*return \(\{ sku, store, count: 3 \}\);/);
  assert.match(fixed['tools.ts'], /import \{ logger \} from '\.\/lib\/logger';/);
});

test('fix: a tool with a block body logs on its first line', () => {
  const files = {
    'lib/logger.ts': PINO,
    'tools.ts': `import { tool } from '@openai/agents';\nimport { setTracingDisabled } from '@openai/agents';\nimport { z } from 'zod';\nimport { logger } from './lib/logger';\nsetTracingDisabled(true);\nexport const refund = tool({\n  name: 'refund',\n  description: 'Refund',\n  parameters: z.object({ orderId: z.string() }),\n  async execute(input) {\n    return input.orderId;\n  },\n});\nexport function unused() {\n  logger.info('x');\n}\n`,
  };
  const [f] = only(files);
  const fixed = assertFixWorks(files, f);
  assert.match(fixed['tools.ts'], /async execute\(input\) \{\n    logger\.info\(\{ event: 'tool_call', tool: 'refund', input \}, 'tool call'\);\n    return input\.orderId;/);
});

test('fix: vercel ai without a logger offers to switch on telemetry', () => {
  const files = {
    'route.ts': `import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nexport async function summarize(text: string) {\n  const { text: out } = await generateText({\n    model: openai('gpt-4o'),\n    prompt: text,\n  });\n  return out;\n}\n`,
  };
  const [f] = only(files);
  assert.equal(f.fixes.length, 1);
  const fixed = applyFix(files, f.fixes[0]);
  assert.match(fixed['route.ts'], /    prompt: text,\n    experimental_telemetry: \{ isEnabled: true, functionId: 'summarize' \},\n  \}\);/);
  assertFixWorks(files, f);
});

test('no fix when no logger is in reach, or the only logger is local to another function', () => {
  const noLogger = { 'a.ts': `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function ask(q: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });\n}\n` };
  assert.deepEqual(only(noLogger)[0].fixes, []);
  const localLogger = {
    'a.ts': `import OpenAI from 'openai';\nimport pino from 'pino';\nconst openai = new OpenAI();\nexport function other() {\n  const log = pino();\n  log.info('x');\n}\nexport async function ask(q: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });\n}\n`,
  };
  assert.deepEqual(only(localLogger)[0].fixes, []);
});

test('the message says what, why and what to do', () => {
  const [f] = only({ 'a.ts': `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport const ask = (q: string) => openai.responses.create({ model: 'gpt-4.1', input: q });\n` });
  assert.match(f.message, /^Model call openai\.responses\.create\(\) has no structured log or trace span around it: .+\. Log the call with a structured logger/);
});
