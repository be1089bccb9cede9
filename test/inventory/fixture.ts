/**
 * A multi-framework agent project for inventory tests, with one of each asset the inventory lists:
 * a Next.js route, an Express route, AI SDK tools (dynamic and fixed-host fetch, eval, a database
 * reached through a helper), a LangChain class tool that spawns a shell, an @openai/agents agent
 * connected to an MCP server, a Mastra agent on a provider-prefixed model string, a shared and a
 * per-session conversation memory, a vector-store retrieval, and a hard-coded key.
 */

/** The hard-coded key in the fixture: no inventory output may contain it. */
export const FIXTURE_SECRET = 'sk-proj-Zt8Wq3LmX0vTn4Kp7Wd9Ys1Hb6Jc3Fg5Ne8Ra2Ux';

export const INVENTORY_FIXTURE: Record<string, string> = {
  'app/api/chat/route.ts': `import { generateText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
import { fetchPage, weather, runQuery, calculate } from '../../../lib/tools';
import { vectorStore } from '../../../lib/store';

const history: Array<{ role: 'user' | 'assistant'; content: string }> = [];

export async function POST(req: Request) {
  const { question } = await req.json();
  history.push({ role: 'user', content: question });
  const docs = await vectorStore.similaritySearch(question, 4);
  const { text } = await generateText({
    model: anthropic('claude-sonnet-4-5'),
    system: 'Answer with the documents below.',
    messages: [...history, { role: 'user', content: docs.map((d) => d.pageContent).join('\\n') }],
    tools: { fetchPage, weather, runQuery, calculate },
  });
  return Response.json({ text });
}
`,
  'lib/store.ts': `import { MemoryVectorStore } from 'langchain/vectorstores/memory';
import { OpenAIEmbeddings } from '@langchain/openai';

export const vectorStore = new MemoryVectorStore(new OpenAIEmbeddings());
`,
  'lib/db.ts': `import { Pool } from 'pg';

const db = new Pool();

export async function queryDb(sql: string) {
  const { rows } = await db.query(sql);
  return rows;
}
`,
  'lib/tools.ts': `import { tool } from 'ai';
import { z } from 'zod';
import { queryDb } from './db';

export const fetchPage = tool({
  description: 'Fetch a web page',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => (await fetch(url)).text(),
});

export const weather = tool({
  description: 'Current weather for a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => (await fetch(\`https://api.weather.example/v1/now?q=\${encodeURIComponent(city)}\`)).json(),
});

export const runQuery = tool({
  description: 'Run a read-only report query',
  inputSchema: z.object({ sql: z.string() }),
  execute: async ({ sql }) => queryDb(sql),
});

export const calculate = tool({
  description: 'Evaluate an arithmetic expression',
  inputSchema: z.object({ expression: z.string() }),
  execute: async ({ expression }) => String(eval(expression)),
});
`,
  'agents/ops.ts': `import { Agent, MCPServerStdio, run } from '@openai/agents';
import { StructuredTool } from '@langchain/core/tools';
import { spawn } from 'node:child_process';
import { z } from 'zod';

class ShellTool extends StructuredTool {
  name = 'shell';
  description = 'Run a command';
  schema = z.object({ command: z.string() });
  async _call({ command }: { command: string }) {
    return String(spawn('sh', ['-c', command]).pid);
  }
}

export const shell = new ShellTool();

const github = new MCPServerStdio({ name: 'github', fullCommand: 'npx -y @modelcontextprotocol/server-github' });

export const opsAgent = new Agent({
  name: 'Ops',
  instructions: 'Keep the service running.',
  model: 'gpt-4.1',
  tools: [shell],
  mcpServers: [github],
});

export async function handleIncident(report: string) {
  return run(opsAgent, report);
}
`,
  'agents/support.ts': `import { Agent } from '@mastra/core/agent';
import express from 'express';
import OpenAI from 'openai';

export const supportAgent = new Agent({
  name: 'support',
  instructions: 'Help customers.',
  model: 'openai/gpt-4o-mini',
});

const legacy = new OpenAI({ apiKey: '${FIXTURE_SECRET}' });
const conversations = new Map<string, Array<{ role: 'user' | 'assistant'; content: string }>>();

export const router = express.Router();

router.post('/support', async (req, res) => {
  const conversation = conversations.get(req.body.sessionId) ?? [];
  conversation.push({ role: 'user', content: req.body.message });
  conversations.set(req.body.sessionId, conversation);
  const answer = await supportAgent.generate(\`\${req.body.message} (customer \${req.body.email})\`);
  const summary = await legacy.chat.completions.create({ model: 'gpt-4o-mini', messages: conversation });
  res.json({ answer: answer.text, summary: summary.choices[0].message.content });
});
`,
};
