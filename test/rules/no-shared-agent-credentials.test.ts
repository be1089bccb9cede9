/**
 * no-shared-agent-credentials: tables of multi-file fixtures with `// ruleid:` / `// ok:` marks over
 * @openai/agents, openai, the Vercel AI SDK, Anthropic, LangChain, Mastra, MCP and Google Gen AI;
 * then the message, the related locations (the other agents sharing the credential) and the
 * suggested fix, checked mechanically.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFiles, expectMarks } from '../helpers/marks.js';
import { testCaseTableSize, testMarkedCases, type MarkedCase } from '../helpers/case-table.js';
import { assertFixWorks } from '../helpers/fixes.js';

const RULE = 'no-shared-agent-credentials';


const openaiAgent = (name: string, extra = '') => `import { Agent } from '@openai/agents';
${extra}// ruleid: ${RULE}
export const ${name} = new Agent({ name: '${name}', instructions: 'You handle ${name} requests.', model: 'gpt-4.1-mini' });
`;

const mastraAgent = (id: string, model: string, mark: 'ruleid' | 'ok', header = `import { openai } from '@ai-sdk/openai';\n`) => `import { Agent } from '@mastra/core/agent';
${header}// ${mark}: ${RULE}
export const ${id}Agent = new Agent({ id: '${id}', name: '${id}', instructions: 'You are the ${id} agent.', model: ${model} });
`;

const mcpServer = (name: string, env: string, mark: 'ruleid' | 'ok') => `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
// ${mark}: ${RULE}
const server = new McpServer({ name: '${name}', version: '1.0.0' });
server.registerTool('get_${name}', { description: 'Read from ${name}', inputSchema: { id: z.string().uuid() } }, async ({ id }) => {
  const res = await fetch(\`https://${name}.example.com/items/\${id}\`, { headers: { Authorization: \`Bearer \${process.env.${env}}\` } });
  return { content: [{ type: 'text', text: await res.text() }] };
});
export default server;
`;

const invalid: MarkedCase[] = [
  {
    name: 'openai-agents: two agents on the default OpenAI key',
    files: { 'src/agents.ts': openaiAgent('refund') + openaiAgent('billing').split('\n').slice(1).join('\n') },
  },
  {
    name: 'openai-agents: setDefaultOpenAIKey in a config module, agents in two files',
    files: {
      'src/config.ts': `import { setDefaultOpenAIKey } from '@openai/agents';\nsetDefaultOpenAIKey(process.env.OPENAI_API_KEY!);\n`,
      'src/refund.ts': openaiAgent('refund', `import './config';\n`),
      'src/billing.ts': openaiAgent('billing', `import './config';\n`),
    },
  },
  {
    name: 'openai-agents: setDefaultOpenAIClient hands every agent one client',
    files: {
      'src/config.ts': `import OpenAI from 'openai';
import { setDefaultOpenAIClient } from '@openai/agents';
// ok: ${RULE}
const client = new OpenAI({ apiKey: process.env.AGENTS_OPENAI_KEY });
setDefaultOpenAIClient(client);
`,
      'src/refund.ts': openaiAgent('refund'),
      'src/triage.ts': openaiAgent('triage'),
    },
  },
  {
    name: 'openai-agents: a client exported from lib/openai.ts wrapped by agents in two files',
    files: {
      'src/lib/openai.ts': `import OpenAI from 'openai';
// ok: ${RULE}
export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
`,
      'src/agents/research.ts': `import { Agent, OpenAIResponsesModel } from '@openai/agents';
import { openai } from '../lib/openai';
// ruleid: ${RULE}
export const research = new Agent({ name: 'research', instructions: 'Research.', model: new OpenAIResponsesModel(openai, 'gpt-4.1') });
`,
      'src/agents/writer.ts': `import { Agent, OpenAIChatCompletionsModel } from '@openai/agents';
import { openai } from '../lib/openai';
// ruleid: ${RULE}
export const writer = new Agent({ name: 'writer', instructions: 'Write.', model: new OpenAIChatCompletionsModel(openai, 'gpt-4.1-mini') });
`,
    },
  },
  {
    name: 'openai: two modules build their own client from the default env var',
    files: {
      'src/support/chat.ts': `import OpenAI from 'openai';
// ruleid: ${RULE}
const openai = new OpenAI();
export const answer = (q: string) => openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: q }] });
`,
      'src/reports/report.ts': `import OpenAI from 'openai';
// ruleid: ${RULE}
const client = new OpenAI({ timeout: 60_000 });
export const brief = (q: string) => client.responses.create({ model: 'gpt-4.1', input: q });
`,
    },
  },
  {
    name: 'openai: an explicit env read and the SDK default are the same key',
    files: {
      'src/a.ts': `import OpenAI from 'openai';
// ruleid: ${RULE}
export const triage = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
`,
      'src/b.ts': `import { OpenAI } from 'openai';
// ruleid: ${RULE}
export const summarizer = new OpenAI();
`,
    },
  },
  {
    name: 'anthropic: two services read the same env var',
    files: {
      'src/services/intake.ts': `import Anthropic from '@anthropic-ai/sdk';
// ruleid: ${RULE}
const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
export const triage = (text: string) => anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [{ role: 'user', content: text }] });
`,
      'src/services/notes.ts': `import Anthropic from '@anthropic-ai/sdk';
// ruleid: ${RULE}
const claude = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
export const summarize = (text: string) => claude.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [{ role: 'user', content: text }] });
`,
    },
  },
  {
    name: 'ai-sdk: two agents on the default provider instance',
    files: {
      'lib/agents.ts': `import { Experimental_Agent as Agent } from 'ai';
import { openai } from '@ai-sdk/openai';
// ruleid: ${RULE}
export const docs = new Agent({ model: openai('gpt-4.1'), system: 'Answer docs questions.' });
// ruleid: ${RULE}
export const sales = new Agent({ model: openai('gpt-4.1-mini'), system: 'Qualify leads.' });
`,
    },
  },
  {
    name: 'ai-sdk: two routes create a provider from the same key',
    files: {
      'app/api/chat/route.ts': `import { streamText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
// ruleid: ${RULE}
const openai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });
export async function POST(req: Request) {
  const { prompt } = await req.json();
  return streamText({ model: openai('gpt-4.1'), prompt }).toTextStreamResponse();
}
`,
      'app/api/assistant/route.ts': `import { generateText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
// ruleid: ${RULE}
const openai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });
export async function POST(req: Request) {
  const { prompt } = await req.json();
  return Response.json(await generateText({ model: openai('gpt-4.1-mini'), prompt }));
}
`,
    },
  },
  {
    name: 'ai-sdk: agents with gateway model strings share AI_GATEWAY_API_KEY',
    files: {
      'lib/agents.ts': `import { ToolLoopAgent } from 'ai';
// ruleid: ${RULE}
export const researcher = new ToolLoopAgent({ model: 'openai/gpt-4.1', instructions: 'Research.' });
// ruleid: ${RULE}
export const critic = new ToolLoopAgent({ model: 'anthropic/claude-sonnet-4.5', instructions: 'Critique.' });
`,
    },
  },
  {
    name: 'langchain: one ChatOpenAI from lib/llm.ts powers two LangGraph agents',
    files: {
      'src/lib/llm.ts': `import { ChatOpenAI } from '@langchain/openai';
// ok: ${RULE}
export const llm = new ChatOpenAI({ model: 'gpt-4o-mini', apiKey: process.env.OPENAI_API_KEY });
`,
      'src/agents/sql.ts': `import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { llm } from '../lib/llm';
// ruleid: ${RULE}
export const sqlAgent = createReactAgent({ llm, tools: [] });
`,
      'src/agents/support.ts': `import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { llm } from '../lib/llm';
export const supportAgent = createReactAgent({
  // ruleid: ${RULE}
  llm: llm.bindTools([]),
  tools: [],
});
`,
    },
  },
  {
    name: 'langchain: createAgent model strings infer the same provider key',
    files: {
      'src/agents.ts': `import { createAgent } from 'langchain';
// ruleid: ${RULE}
export const planner = createAgent({ model: 'openai:gpt-4.1', tools: [] });
// ruleid: ${RULE}
export const coder = createAgent({ model: 'gpt-4.1-mini', tools: [] });
`,
    },
  },
  {
    name: 'langchain: chat models keyed from config.openai.apiKey in another module',
    files: {
      'src/config.ts': `export const config = { openai: { apiKey: process.env.OPENAI_API_KEY ?? '' }, port: 3000 };
`,
      'src/agents/research.ts': `import { ChatOpenAI } from '@langchain/openai';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { config } from '../config';
// ruleid: ${RULE}
export const research = createReactAgent({ llm: new ChatOpenAI({ apiKey: config.openai.apiKey }), tools: [] });
`,
      'src/agents/writer.ts': `import { ChatOpenAI } from '@langchain/openai';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { config } from '../config';
const model = new ChatOpenAI({ openAIApiKey: config.openai.apiKey, temperature: 0.7 });
// ruleid: ${RULE}
export const writer = createReactAgent({ llm: model, tools: [] });
`,
    },
  },
  {
    name: 'mastra: two agents on the default openai provider',
    files: {
      'src/mastra/agents/support.ts': mastraAgent('support', `openai('gpt-4o-mini')`, 'ruleid'),
      'src/mastra/agents/ops.ts': mastraAgent('ops', `openai('gpt-4o')`, 'ruleid'),
    },
  },
  {
    name: 'mastra: model-router strings of one provider',
    files: {
      'src/mastra/agents/support.ts': mastraAgent('support', `'openai/gpt-4o-mini'`, 'ruleid', ''),
      'src/mastra/agents/ops.ts': mastraAgent('ops', `'openai/gpt-4.1'`, 'ruleid', ''),
    },
  },
  {
    name: 'mastra: an explicit provider on OPENAI_API_KEY and the default provider',
    files: {
      'src/mastra/agents/billing.ts': mastraAgent('billing', `billingOpenAI('gpt-4o-mini')`, 'ruleid', `import { createOpenAI } from '@ai-sdk/openai';\nconst billingOpenAI = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });\n`),
      'src/mastra/agents/ops.ts': mastraAgent('ops', `openai('gpt-4o')`, 'ruleid'),
    },
  },
  {
    name: 'mcp: two servers call GitHub with one token',
    files: {
      'src/servers/issues.ts': mcpServer('issues', 'GITHUB_TOKEN', 'ruleid'),
      'src/servers/releases.ts': mcpServer('releases', 'GITHUB_TOKEN', 'ruleid'),
    },
  },
  {
    name: 'mcp: a module-level API client and a direct fetch read the same token',
    files: {
      'src/lib/github.ts': `import { Octokit } from '@octokit/rest';
export const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });
`,
      'src/servers/repos.ts': `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { octokit } from '../lib/github';
// ruleid: ${RULE}
const server = new McpServer({ name: 'repos', version: '1.0.0' });
server.tool('list_repos', async () => ({ content: [{ type: 'text', text: JSON.stringify(await octokit.repos.listForAuthenticatedUser()) }] }));
`,
      'src/servers/issues.ts': mcpServer('issues', 'GITHUB_TOKEN', 'ruleid'),
    },
  },
  {
    name: 'mcp: a tool that builds its own client is that client, not the server, sharing the key',
    files: {
      'src/servers/web.ts': `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import OpenAI from 'openai';
// ok: ${RULE}
const server = new McpServer({ name: 'web', version: '1.0.0' });
server.tool('summarize', async () => {
  // ruleid: ${RULE}
  const summarizer = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
  const r = await summarizer.responses.create({ model: 'gpt-4.1-mini', input: 'Summarize the status page.' });
  return { content: [{ type: 'text', text: r.output_text }] };
});
`,
      'src/lib/openai.ts': `import OpenAI from 'openai';
// ruleid: ${RULE}
export const openai = new OpenAI();
export const ask = (q: string) => openai.responses.create({ model: 'gpt-4.1', input: q });
`,
    },
  },
  {
    name: 'openai-agents: two stdio MCP servers launched with the same token',
    files: {
      'src/mcp.ts': `import { MCPServerStdio } from '@openai/agents';
// ruleid: ${RULE}
export const github = new MCPServerStdio({ name: 'github', fullCommand: 'github-mcp-server stdio', env: { GITHUB_PERSONAL_ACCESS_TOKEN: process.env.GITHUB_TOKEN! } });
// ruleid: ${RULE}
export const actions = new MCPServerStdio({ name: 'actions', fullCommand: 'actions-mcp stdio', env: { GH_TOKEN: process.env.GITHUB_TOKEN! } });
`,
    },
  },
  {
    name: 'google-genai: two clients on the default env var',
    files: {
      'src/concierge.ts': `import { GoogleGenAI } from '@google/genai';
// ruleid: ${RULE}
const ai = new GoogleGenAI({});
export const reply = (q: string) => ai.models.generateContent({ model: 'gemini-2.5-flash', contents: q });
`,
      'src/itinerary.ts': `import { GoogleGenAI } from '@google/genai';
// ruleid: ${RULE}
const genai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
export const plan = (q: string) => genai.models.generateContent({ model: 'gemini-2.5-pro', contents: q });
`,
    },
  },
  {
    name: 'one hard-coded key constant behind two clients',
    files: {
      'src/keys.ts': `export const KEY = 'sk-proj-Qm7Vx2Lp9Rt4Wz8Kc3Ny6Hb1Gd5Fs0Jq7Lm';\n`,
      'src/a.ts': `import Anthropic from '@anthropic-ai/sdk';
import { KEY } from './keys';
// ruleid: ${RULE}
export const a = new Anthropic({ apiKey: KEY });
`,
      'src/b.ts': `import Anthropic from '@anthropic-ai/sdk';
import { KEY } from './keys';
// ruleid: ${RULE}
export const b = new Anthropic({ apiKey: KEY });
`,
    },
  },
  {
    name: 'a secret looked up by the same name at runtime',
    files: {
      'src/a.ts': `import OpenAI from 'openai';
declare const secrets: { get(name: string): Promise<string> };
// ruleid: ${RULE}
export const a = new OpenAI({ apiKey: await secrets.get('openai/shared') });
`,
      'src/b.ts': `import OpenAI from 'openai';
declare const secrets: { get(name: string): Promise<string> };
// ruleid: ${RULE}
export const b = new OpenAI({ apiKey: await secrets.get('openai/shared') });
`,
    },
  },
  {
    name: 'getEnv(NAME) and process.env.NAME are one credential',
    files: {
      'src/env.ts': `export function getEnv(name: string): string { const v = process.env[name]; if (!v) throw new Error(name); return v; }\n`,
      'src/a.ts': `import OpenAI from 'openai';
import { getEnv } from './env';
// ruleid: ${RULE}
export const a = new OpenAI({ apiKey: getEnv('OPENAI_API_KEY') });
`,
      'src/b.ts': `import OpenAI from 'openai';
// ruleid: ${RULE}
export const b = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
`,
    },
  },
  {
    name: 'validated env object (t3-env) read by two clients',
    files: {
      'src/env.ts': `import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';
export const env = createEnv({ server: { OPENAI_API_KEY: z.string() }, runtimeEnv: process.env });
`,
      'src/a.ts': `import { createOpenAI } from '@ai-sdk/openai';
import { env } from './env';
// ruleid: ${RULE}
export const chatProvider = createOpenAI({ apiKey: env.OPENAI_API_KEY });
`,
      'src/b.ts': `import { createOpenAI } from '@ai-sdk/openai';
import { env } from './env';
// ruleid: ${RULE}
export const searchProvider = createOpenAI({ apiKey: env.OPENAI_API_KEY });
`,
    },
  },
  {
    name: 'Workers bindings: two handlers build clients from c.env',
    files: {
      'src/routes.ts': `import { Hono } from 'hono';
import OpenAI from 'openai';
const app = new Hono<{ Bindings: { OPENAI_API_KEY: string } }>();
app.post('/chat', async (c) => {
  // ruleid: ${RULE}
  const openai = new OpenAI({ apiKey: c.env.OPENAI_API_KEY });
  return c.json(await openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: await c.req.text() }] }));
});
app.post('/summarize', async (c) => {
  // ruleid: ${RULE}
  const summarizer = new OpenAI({ apiKey: c.env.OPENAI_API_KEY });
  return c.json(await summarizer.responses.create({ model: 'gpt-4.1', input: await c.req.text() }));
});
export default app;
`,
    },
  },
  {
    name: 'agentIdentities declaring the same identity for two agents',
    config: { agentIdentities: { refund: 'SUPPORT_AGENTS_KEY', billing: 'SUPPORT_AGENTS_KEY' } },
    files: { 'src/agents.ts': openaiAgent('refund') + openaiAgent('billing').split('\n').slice(1).join('\n') },
  },
  {
    name: 'an agent and a hand-rolled client on one key',
    files: {
      'src/agent.ts': openaiAgent('triage'),
      'src/summarize.ts': `import OpenAI from 'openai';
// ruleid: ${RULE}
const openai = new OpenAI();
export const summarize = (text: string) => openai.responses.create({ model: 'gpt-4.1-mini', input: text });
`,
    },
  },
  {
    name: 'agents whose own tools call Slack with one bot token',
    files: {
      'src/agents.ts': `import { Agent, tool } from '@openai/agents';
import { OpenAIResponsesModel } from '@openai/agents';
import OpenAI from 'openai';
import { z } from 'zod';
const post = (channel: string, text: string) =>
  fetch('https://slack.com/api/chat.postMessage', { method: 'POST', headers: { Authorization: \`Bearer \${process.env.SLACK_BOT_TOKEN}\` }, body: JSON.stringify({ channel, text }) });
const notifyOps = tool({ name: 'notify_ops', description: 'Notify ops', parameters: z.object({ text: z.string() }), execute: async ({ text }) => post('#ops', text) });
const notifySales = tool({ name: 'notify_sales', description: 'Notify sales', parameters: z.object({ text: z.string() }), execute: async ({ text }) => post('#sales', text) });
// ruleid: ${RULE}
export const ops = new Agent({ name: 'ops', instructions: 'Ops.', tools: [notifyOps], model: new OpenAIResponsesModel(new OpenAI({ apiKey: process.env.OPS_OPENAI_KEY }), 'gpt-4.1') });
// ruleid: ${RULE}
export const sales = new Agent({ name: 'sales', instructions: 'Sales.', tools: [notifySales], model: new OpenAIResponsesModel(new OpenAI({ apiKey: process.env.SALES_OPENAI_KEY }), 'gpt-4.1') });
`,
    },
  },
];

const valid: MarkedCase[] = [
  {
    name: 'a single agent',
    files: { 'src/agent.ts': openaiAgent('support').replace('ruleid', 'ok') },
  },
  {
    name: 'openai-agents: each agent with its own key',
    files: {
      'src/agents.ts': `import OpenAI from 'openai';
import { Agent, OpenAIResponsesModel } from '@openai/agents';
// ok: ${RULE}
const researchClient = new OpenAI({ apiKey: process.env.RESEARCH_AGENT_OPENAI_KEY });
// ok: ${RULE}
const writerClient = new OpenAI({ apiKey: process.env.WRITER_AGENT_OPENAI_KEY });
// ok: ${RULE}
export const research = new Agent({ name: 'research', instructions: 'Research.', model: new OpenAIResponsesModel(researchClient, 'gpt-4.1') });
// ok: ${RULE}
export const writer = new Agent({ name: 'writer', instructions: 'Write.', model: new OpenAIResponsesModel(writerClient, 'gpt-4.1') });
`,
    },
  },
  {
    name: 'ai-sdk: one provider per feature, each with its own key',
    files: {
      'lib/providers.ts': `import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
// ok: ${RULE}
export const researchAnthropic = createAnthropic({ apiKey: process.env.RESEARCH_ANTHROPIC_KEY });
// ok: ${RULE}
export const extractorOpenAI = createOpenAI({ apiKey: process.env.EXTRACTOR_OPENAI_KEY, project: 'proj_extractor' });
`,
    },
  },
  {
    name: 'agentIdentities: the deployment gives each agent its own value of the env var',
    config: { agentIdentities: { refund: 'refund-agent@workload', billing: 'billing-agent@workload' } },
    files: { 'src/agents.ts': (openaiAgent('refund') + openaiAgent('billing').split('\n').slice(1).join('\n')).replace(/ruleid/g, 'ok') },
  },
  {
    name: 'an agent and a tool server with distinct tokens',
    files: {
      'src/agent.ts': mastraAgent('support', `openai('gpt-4o')`, 'ok'),
      'src/server.ts': mcpServer('crm', 'CRM_API_TOKEN', 'ok'),
    },
  },
  {
    name: 'two MCP servers with distinct tokens',
    files: {
      'src/servers/issues.ts': mcpServer('issues', 'ISSUES_GITHUB_TOKEN', 'ok'),
      'src/servers/releases.ts': mcpServer('releases', 'RELEASES_GITHUB_TOKEN', 'ok'),
    },
  },
  {
    name: 'a client in a test file does not count',
    files: {
      'src/agent.ts': `import Anthropic from '@anthropic-ai/sdk';
// ok: ${RULE}
export const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
`,
      'src/__tests__/agent.test.ts': `import Anthropic from '@anthropic-ai/sdk';
// ok: ${RULE}
const mock = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY, baseURL: 'http://127.0.0.1:4010' });
export { mock };
`,
    },
  },
  {
    name: 'an embeddings client is infrastructure, not an agent',
    files: {
      'src/vector.ts': `import { OpenAIEmbeddings } from '@langchain/openai';
// ok: ${RULE}
export const embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small' });
`,
      'src/agent.ts': `import { ChatOpenAI } from '@langchain/openai';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
// ok: ${RULE}
export const agent = createReactAgent({ llm: new ChatOpenAI({ model: 'gpt-4o' }), tools: [] });
`,
    },
  },
  {
    name: 'an openai client used only for embeddings',
    files: {
      'src/embed.ts': `import OpenAI from 'openai';
// ok: ${RULE}
const openai = new OpenAI();
export const embed = (input: string) => openai.embeddings.create({ model: 'text-embedding-3-small', input });
`,
      'src/chat.ts': `import OpenAI from 'openai';
// ok: ${RULE}
const chat = new OpenAI();
export const answer = (q: string) => chat.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: q }] });
`,
    },
  },
  {
    name: 'bring-your-own-key clients per request',
    files: {
      'src/routes.ts': `import OpenAI from 'openai';
export async function chat(req: { headers: Record<string, string>; body: { q: string } }) {
  // ok: ${RULE}
  const openai = new OpenAI({ apiKey: req.headers['x-user-openai-key'] });
  return openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: req.body.q }] });
}
export async function summarize(req: { headers: Record<string, string>; body: { q: string } }) {
  // ok: ${RULE}
  const openai = new OpenAI({ apiKey: req.headers['x-user-openai-key'] });
  return openai.responses.create({ model: 'gpt-4.1', input: req.body.q });
}
`,
    },
  },
  {
    name: 'a client factory taking the key as a parameter',
    files: {
      'src/factory.ts': `import Anthropic from '@anthropic-ai/sdk';
// ok: ${RULE}
export const makeClient = (apiKey: string) => new Anthropic({ apiKey });
`,
      'src/a.ts': `import { makeClient } from './factory';
export const a = makeClient(process.env.A_KEY!);
export const b = makeClient(process.env.B_KEY!);
`,
    },
  },
  {
    name: 'one client module used by several routes (no agent constructs)',
    files: {
      'src/lib/openai.ts': `import OpenAI from 'openai';
// ok: ${RULE}
export const openai = new OpenAI();
`,
      'src/routes/chat.ts': `import { openai } from '../lib/openai';
export const chat = (q: string) => openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: q }] });
`,
      'src/routes/brief.ts': `import { openai } from '../lib/openai';
export const brief = (q: string) => openai.responses.create({ model: 'gpt-4.1', input: q });
`,
    },
  },
  {
    name: 'a tool shared by two agents is shared infrastructure',
    files: {
      'src/tools.ts': `import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
export const lookup = createTool({ id: 'lookup', description: 'Look up an order', inputSchema: z.object({ id: z.string() }), execute: async ({ context }) => fetch(\`https://orders.example.com/\${context.id}\`, { headers: { Authorization: \`Bearer \${process.env.ORDERS_TOKEN}\` } }).then((r) => r.json()) });
`,
      'src/agents.ts': `import { Agent } from '@mastra/core/agent';
import { createOpenAI } from '@ai-sdk/openai';
import { lookup } from './tools';
const a = createOpenAI({ apiKey: process.env.SUPPORT_OPENAI_KEY });
const b = createOpenAI({ apiKey: process.env.REFUNDS_OPENAI_KEY });
// ok: ${RULE}
export const support = new Agent({ name: 'support', instructions: 'Help.', model: a('gpt-4o'), tools: { lookup } });
// ok: ${RULE}
export const refunds = new Agent({ name: 'refunds', instructions: 'Refund.', model: b('gpt-4o'), tools: { lookup } });
`,
    },
  },
  {
    name: 'a database URL read by two agents tools locates a service; it is not an agent credential',
    files: {
      'src/agents.ts': `import { Agent } from '@mastra/core/agent';
import { createTool } from '@mastra/core/tools';
import { createAnthropic } from '@ai-sdk/anthropic';
import { Pool } from 'pg';
import { z } from 'zod';
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const orders = createTool({ id: 'orders', description: 'Orders', inputSchema: z.object({ id: z.string() }), execute: async ({ context }) => pool.query('select * from orders where id = $1', [context.id]) });
const invoices = createTool({ id: 'invoices', description: 'Invoices', inputSchema: z.object({ id: z.string() }), execute: async ({ context }) => pool.query('select * from invoices where id = $1', [context.id]) });
// ok: ${RULE}
export const ordersAgent = new Agent({ name: 'orders', instructions: 'Orders.', model: createAnthropic({ apiKey: process.env.ORDERS_ANTHROPIC_KEY })('claude-sonnet-4-5'), tools: { orders } });
// ok: ${RULE}
export const billingAgent = new Agent({ name: 'billing', instructions: 'Billing.', model: createAnthropic({ apiKey: process.env.BILLING_ANTHROPIC_KEY })('claude-sonnet-4-5'), tools: { invoices } });
`,
    },
  },
  {
    name: 'ai-sdk: the default provider instance in several routes without agent constructs',
    files: {
      'app/api/a/route.ts': `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
// ok: ${RULE}
export const POST = async (req: Request) => Response.json(await generateText({ model: openai('gpt-4.1'), prompt: await req.text() }));
`,
      'app/api/b/route.ts': `import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
// ok: ${RULE}
export const POST = async (req: Request) => streamText({ model: openai('gpt-4.1-mini'), prompt: await req.text() }).toTextStreamResponse();
`,
    },
  },
  {
    name: 'openai-agents: setDefaultOpenAIKey with a single agent',
    files: {
      'src/config.ts': `import { setDefaultOpenAIKey } from '@openai/agents';\n// ok: ${RULE}\nsetDefaultOpenAIKey(process.env.OPENAI_API_KEY!);\n`,
      'src/agent.ts': openaiAgent('support').replace('ruleid', 'ok'),
    },
  },
  {
    name: 'mastra: agents on different providers',
    files: {
      'src/mastra/agents/support.ts': mastraAgent('support', `openai('gpt-4o-mini')`, 'ok'),
      'src/mastra/agents/ops.ts': mastraAgent('ops', `anthropic('claude-sonnet-4-5')`, 'ok', `import { anthropic } from '@ai-sdk/anthropic';\n`),
    },
  },
  {
    name: 'mastra: model-router strings of different providers',
    files: {
      'src/mastra/agents/support.ts': mastraAgent('support', `'openai/gpt-4o-mini'`, 'ok', ''),
      'src/mastra/agents/ops.ts': mastraAgent('ops', `'anthropic/claude-sonnet-4-5'`, 'ok', ''),
    },
  },
  {
    name: 'langchain: two chat models, two env vars',
    files: {
      'src/agents.ts': `import { ChatOpenAI } from '@langchain/openai';
import { ChatAnthropic } from '@langchain/anthropic';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
// ok: ${RULE}
export const research = createReactAgent({ llm: new ChatOpenAI({ apiKey: process.env.RESEARCH_OPENAI_KEY }), tools: [] });
// ok: ${RULE}
export const writer = createReactAgent({ llm: new ChatAnthropic({ apiKey: process.env.WRITER_ANTHROPIC_KEY }), tools: [] });
`,
    },
  },
  {
    name: 'google-genai: per-service keys',
    files: {
      'src/a.ts': `import { GoogleGenAI } from '@google/genai';
// ok: ${RULE}
export const concierge = new GoogleGenAI({ apiKey: process.env.CONCIERGE_GEMINI_KEY });
`,
      'src/b.ts': `import { GoogleGenAI } from '@google/genai';
// ok: ${RULE}
export const planner = new GoogleGenAI({ apiKey: process.env.PLANNER_GEMINI_KEY });
`,
    },
  },
  {
    name: 'an agent whose model comes from a parameter',
    files: {
      'src/factory.ts': `import { Agent } from '@mastra/core/agent';
import type { LanguageModel } from 'ai';
export function makeAgent(name: string, model: LanguageModel) {
  // ok: ${RULE}
  return new Agent({ name, instructions: 'Help.', model });
}
`,
    },
  },
  {
    name: 'agents defined in test files',
    files: {
      'test/agents.test.ts': openaiAgent('a').replace('ruleid', 'ok') + openaiAgent('b').split('\n').slice(1).join('\n').replace('ruleid', 'ok'),
    },
  },
  {
    name: 'same base URL, different keys',
    files: {
      'src/a.ts': `import OpenAI from 'openai';
// ok: ${RULE}
export const a = new OpenAI({ apiKey: process.env.TRIAGE_KEY, baseURL: process.env.OPENAI_BASE_URL });
`,
      'src/b.ts': `import OpenAI from 'openai';
// ok: ${RULE}
export const b = new OpenAI({ apiKey: process.env.WRITER_KEY, baseURL: process.env.OPENAI_BASE_URL });
`,
    },
  },
  {
    name: 'tools with their own tokens per agent',
    files: {
      'src/agents.ts': `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
const gh = tool({ name: 'gh', description: 'GitHub', parameters: z.object({ q: z.string() }), execute: async ({ q }) => fetch(\`https://api.github.com/search/issues?q=\${encodeURIComponent(q)}\`, { headers: { Authorization: \`Bearer \${process.env.GITHUB_TOKEN}\` } }).then((r) => r.text()) });
const slack = tool({ name: 'slack', description: 'Slack', parameters: z.object({ text: z.string() }), execute: async ({ text }) => fetch('https://slack.com/api/chat.postMessage', { method: 'POST', headers: { Authorization: \`Bearer \${process.env.SLACK_BOT_TOKEN}\` }, body: text }).then((r) => r.text()) });
declare const researchModel: import('@openai/agents').Model;
declare const notifierModel: import('@openai/agents').Model;
// ok: ${RULE}
export const research = new Agent({ name: 'research', instructions: 'Research.', tools: [gh], model: researchModel });
// ok: ${RULE}
export const notifier = new Agent({ name: 'notifier', instructions: 'Notify.', tools: [slack], model: notifierModel });
`,
    },
  },
  {
    name: 'a module-level client with a key from a parameterless lookup used by one agent',
    files: {
      'src/agent.ts': `import { Agent } from '@mastra/core/agent';
import { createOpenAI } from '@ai-sdk/openai';
declare function loadKey(): string;
const provider = createOpenAI({ apiKey: loadKey() });
// ok: ${RULE}
export const agent = new Agent({ name: 'solo', instructions: 'Help.', model: provider('gpt-4o') });
`,
    },
  },
];

describe(RULE, () => {
  testCaseTableSize(RULE, [...invalid, ...valid], 25);
  describe('reports', () => testMarkedCases(RULE, invalid));
  describe('does not report', () => testMarkedCases(RULE, valid));

  describe('messages and related locations', () => {
    it('say what, why and what to do, and never show a hard-coded key', () => {
      for (const c of invalid) {
        for (const f of expectMarks(c.files, RULE, c.config)) {
          assert.match(f.message, /^The .+ authenticates with .+, the same credential as /, `what: ${f.message}`);
          assert.match(f.message, /cannot tell them apart/, 'why');
          assert.match(f.message, /Give each one its own credential \(e\.g\. process\.env\.[A-Z0-9_]+\)/, 'what to do');
          assert.ok(!f.message.includes('sk-proj-Qm7V'), `no key in the message: ${f.message}`);
        }
      }
    });

    it('names the other agents and points at them', () => {
      const c = invalid[1];
      const findings = expectMarks(c.files, RULE);
      assert.equal(findings.length, 2);
      const refund = findings.find((f) => f.range.file.endsWith('refund.ts'))!;
      assert.match(refund.message, /The agent "refund" authenticates with OPENAI_API_KEY, the same credential as agent "billing"/);
      assert.equal(refund.related.length, 1);
      assert.match(refund.related[0].range.file, /src\/billing\.ts$/);
      assert.equal(refund.related[0].range.startPos.line, 4);
      assert.match(refund.related[0].message, /agent "billing" uses the same credential/);
    });

    it('lists every other principal when several share', () => {
      const files = { 'src/a.ts': openaiAgent('a'), 'src/b.ts': openaiAgent('b'), 'src/c.ts': openaiAgent('c') };
      const findings = expectMarks(files, RULE);
      assert.equal(findings.length, 3);
      for (const f of findings) assert.equal(f.related.length, 2);
    });

    it('says when the SDK reads the key by default and when a tool uses it', () => {
      const [byDefault] = expectMarks(invalid[0].files, RULE);
      assert.match(byDefault.message, /OPENAI_API_KEY, which the SDK reads by default/);
      const slack = invalid.find((c) => c.name.startsWith('agents whose own tools'))!;
      const [viaTool] = expectMarks(slack.files, RULE);
      assert.match(viaTool.message, /SLACK_BOT_TOKEN \(in tool "notify_(ops|sales)"\)/);
    });

    it('names a declared identity and offers no rename that could not separate the agents', () => {
      const c = invalid.find((x) => x.name.startsWith('agentIdentities declaring'))!;
      for (const f of expectMarks(c.files, RULE, c.config)) {
        assert.match(f.message, /the identity "SUPPORT_AGENTS_KEY" declared in agentIdentities/);
        assert.deepEqual(f.fixes, []);
      }
    });

    it('masks a shared hard-coded key', () => {
      const c = invalid.find((x) => x.name.startsWith('one hard-coded key'))!;
      for (const f of expectMarks(c.files, RULE)) {
        assert.match(f.message, /a hard-coded key/);
        for (const r of f.related) assert.ok(!r.message.includes('Qm7Vx2Lp9Rt4'), r.message);
      }
    });
  });

  describe('fixes', () => {
    const fixable = [
      'openai: two modules build their own client from the default env var',
      'openai: an explicit env read and the SDK default are the same key',
      'anthropic: two services read the same env var',
      'ai-sdk: two routes create a provider from the same key',
      'mcp: two servers call GitHub with one token',
      'google-genai: two clients on the default env var',
      'Workers bindings: two handlers build clients from c.env',
    ];

    for (const name of fixable) {
      it(`gives a principal its own env var and the finding goes away: ${name}`, () => {
        const c = invalid.find((x) => x.name === name)!;
        const findings = expectMarks(c.files, RULE, c.config);
        for (const f of findings) {
          assert.equal(f.fixes[0]?.kind, 'suggestion');
          const fixed = assertFixWorks(c.files, f, c.config);
          // With two sharers, fixing one leaves the other alone with the key: no finding at all.
          if (findings.length === 2) assert.deepEqual(analyzeFiles(fixed, c.config).findings.filter((x) => x.ruleId === RULE), []);
        }
      });
    }

    it('adds an explicit key to a client that relied on the default', () => {
      const c = invalid.find((x) => x.name.startsWith('openai: two modules'))!;
      const findings = expectMarks(c.files, RULE);
      const chat = findings.find((f) => f.range.file.endsWith('chat.ts'))!;
      const report = findings.find((f) => f.range.file.endsWith('report.ts'))!;
      assert.match(assertFixWorks(c.files, chat)['src/support/chat.ts'], /new OpenAI\(\{ apiKey: process\.env\.CHAT_OPENAI_API_KEY \}\)/);
      assert.match(assertFixWorks(c.files, report)['src/reports/report.ts'], /new OpenAI\(\{ apiKey: process\.env\.REPORT_OPENAI_API_KEY, timeout: 60_000 \}\)/);
    });

    it('rewrites the env read where only this principal reads it', () => {
      const c = invalid.find((x) => x.name.startsWith('anthropic: two services'))!;
      const f = expectMarks(c.files, RULE).find((x) => x.range.file.endsWith('notes.ts'))!;
      assert.match(assertFixWorks(c.files, f)['src/services/notes.ts'], /new Anthropic\(\{ apiKey: process\.env\.NOTES_ANTHROPIC_API_KEY \}\)/);
    });

    it('offers no edit where the credential is shared code (one client module behind two agents)', () => {
      const c = invalid.find((x) => x.name.startsWith('langchain: one ChatOpenAI'))!;
      for (const f of expectMarks(c.files, RULE)) assert.deepEqual(f.fixes, []);
    });
  });
});
