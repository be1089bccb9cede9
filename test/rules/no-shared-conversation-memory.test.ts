import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Project, ts } from 'ts-morph';
import { analyzeFiles } from '../helpers/marks.js';
import { testCaseTableSize, testMarkedCases, type MarkedCase } from '../helpers/case-table.js';
import { assertFixWorks } from '../helpers/fixes.js';

const ID = 'no-shared-conversation-memory';

/** Each case is a small project: marks say what must and must not be reported. */
const cases: MarkedCase[] = [
  {
    name: 'vercel ai: one module-level history for every request; a Map keyed by session id is fine',
    files: {
      'app/api/chat/route.ts': `import { generateText, type ModelMessage } from 'ai';
import { openai } from '@ai-sdk/openai';
// ruleid: ${ID}
const history: ModelMessage[] = [];
// ok: ${ID}
const historyBySession = new Map<string, ModelMessage[]>();
export async function POST(req: Request) {
  const { message, sessionId } = await req.json();
  history.push({ role: 'user', content: message });
  const { text } = await generateText({ model: openai('gpt-4o'), messages: history });
  history.push({ role: 'assistant', content: text });
  const mine = historyBySession.get(sessionId) ?? [];
  mine.push({ role: 'user', content: message });
  historyBySession.set(sessionId, mine);
  await generateText({ model: openai('gpt-4o'), messages: mine });
  return Response.json({ text });
}
`,
    },
  },
  {
    name: 'openai: a transcript with a system message, spread into the request; a record keyed by user id is fine',
    files: {
      'chat.ts': `import express from 'express';
import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
const openai = new OpenAI();
// ruleid: ${ID}
const transcript: ChatCompletionMessageParam[] = [{ role: 'system', content: 'You are helpful.' }];
// ok: ${ID}
const byUser: Record<string, ChatCompletionMessageParam[]> = {};
export const router = express.Router();
router.post('/chat', async (req, res) => {
  transcript.push({ role: 'user', content: req.body.message });
  const out = await openai.chat.completions.create({ model: 'gpt-4o', messages: [...transcript] });
  const userId = String(req.body.userId);
  byUser[userId] ??= [];
  byUser[userId].push({ role: 'user', content: req.body.message });
  await openai.chat.completions.create({ model: 'gpt-4o', messages: byUser[userId] });
  res.json(out.choices[0].message);
});
`,
    },
  },
  {
    name: 'anthropic: a reassigned module-level dictation log; a per-visit map is fine',
    files: {
      'notes.ts': `import Anthropic from '@anthropic-ai/sdk';
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
const anthropic = new Anthropic();
// ruleid: ${ID}
let dictation: MessageParam[] = [];
// ok: ${ID}
const dictationByVisit = new Map<string, MessageParam[]>();
export async function add(visitId: string, text: string) {
  dictation = [...dictation, { role: 'user', content: text }];
  const turns = dictationByVisit.get(visitId) ?? [];
  dictationByVisit.set(visitId, [...turns, { role: 'user', content: text }]);
  await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, messages: dictationByVisit.get(visitId)! });
  return anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, messages: dictation });
}
`,
    },
  },
  {
    name: 'langchain: a module-level BaseMessage array and a chat-history object; a per-request array is fine',
    files: {
      'drafter.ts': `import { ChatOpenAI } from '@langchain/openai';
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { InMemoryChatMessageHistory } from '@langchain/core/chat_history';
const llm = new ChatOpenAI({ model: 'gpt-4o' });
// ruleid: ${ID}
const chatHistory: BaseMessage[] = [new SystemMessage('You draft e-mails.')];
// ruleid: ${ID}
const memory = new InMemoryChatMessageHistory();
export async function draft(request: string) {
  chatHistory.push(new HumanMessage(request));
  const reply = await llm.invoke(chatHistory);
  chatHistory.push(new AIMessage(String(reply.content)));
  await memory.addMessage(new HumanMessage(request));
  await llm.invoke(await memory.getMessages());
  // ok: ${ID}
  const local: BaseMessage[] = [new SystemMessage('You draft e-mails.'), new HumanMessage(request)];
  return llm.invoke(local);
}
`,
    },
  },
  {
    name: 'langchain: a BufferMemory handed to a ConversationChain used by a route',
    files: {
      'chain.ts': `import { ConversationChain } from 'langchain/chains';
import { BufferMemory } from 'langchain/memory';
import { ChatOpenAI } from '@langchain/openai';
// ruleid: ${ID}
const memory = new BufferMemory();
const chain = new ConversationChain({ llm: new ChatOpenAI({ model: 'gpt-4o' }), memory });
export async function reply(message: string) {
  return chain.call({ input: message });
}
`,
    },
  },
  {
    name: 'google genai: module-level history handed to chats.create; a map of chats by session is fine',
    files: {
      'concierge.ts': `import { GoogleGenAI, type Chat, type Content } from '@google/genai';
const ai = new GoogleGenAI({});
// ruleid: ${ID}
const history: Content[] = [];
// ok: ${ID}
const chatsBySession = new Map<string, Chat>();
export async function ask(sessionId: string, message: string) {
  history.push({ role: 'user', parts: [{ text: message }] });
  const chat = ai.chats.create({ model: 'gemini-2.5-flash', history });
  let mine = chatsBySession.get(sessionId);
  if (!mine) {
    mine = ai.chats.create({ model: 'gemini-2.5-flash' });
    chatsBySession.set(sessionId, mine);
  }
  await mine.sendMessage({ message });
  return chat.sendMessage({ message });
}
`,
    },
  },
  {
    name: '@openai/agents: a module-level thread reassigned from the run history',
    files: {
      'support.ts': `import { Agent, run, type AgentInputItem } from '@openai/agents';
const agent = new Agent({ name: 'support', instructions: 'Help.' });
// ruleid: ${ID}
let researchThread: AgentInputItem[] = [];
export async function research(question: string) {
  const result = await run(agent, researchThread.concat({ role: 'user', content: question }));
  researchThread = result.history;
  return result.finalOutput;
}
`,
    },
  },
  {
    name: 'mastra: recent turns pushed by a route and passed to generate',
    files: {
      'routes.ts': `import { Hono } from 'hono';
import { Agent } from '@mastra/core/agent';
import { openai } from '@ai-sdk/openai';
const agent = new Agent({ name: 'support', instructions: 'Help.', model: openai('gpt-4o') });
// ruleid: ${ID}
const recentTurns: Array<{ role: 'user' | 'assistant'; content: string }> = [];
const app = new Hono();
app.post('/chat', async (c) => {
  const { message } = await c.req.json();
  recentTurns.push({ role: 'user', content: message });
  const result = await agent.generate(recentTurns);
  recentTurns.push({ role: 'assistant', content: result.text });
  return c.json({ text: result.text });
});
export default app;
`,
    },
  },
  {
    name: 'cross-file: an exported conversation array written and read by a route in another module',
    files: {
      'memory.ts': `import type { ModelMessage } from 'ai';
// ruleid: ${ID}
export const conversation: ModelMessage[] = [];
`,
      'route.ts': `import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { conversation } from './memory';
export async function POST(req: Request) {
  const { message } = await req.json();
  conversation.push({ role: 'user', content: message });
  return streamText({ model: openai('gpt-4o'), messages: conversation }).toTextStreamResponse();
}
`,
    },
  },
  {
    name: 'a singleton service keeps history in a field; a per-request service is fine',
    files: {
      'service.ts': `import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
const openai = new OpenAI();
class ChatService {
  // ruleid: ${ID}
  private history: ChatCompletionMessageParam[] = [];
  async reply(message: string) {
    this.history.push({ role: 'user', content: message });
    const out = await openai.chat.completions.create({ model: 'gpt-4o', messages: this.history });
    return out.choices[0].message.content;
  }
}
export const chatService = new ChatService();
class Session {
  // ok: ${ID}
  private messages: ChatCompletionMessageParam[] = [];
  async reply(message: string) {
    this.messages.push({ role: 'user', content: message });
    return openai.chat.completions.create({ model: 'gpt-4o', messages: this.messages });
  }
}
export async function handle(message: string) {
  return new Session().reply(message);
}
`,
    },
  },
  {
    name: 'maps keyed by a constant or by agent name are shared; a composite session key is fine',
    files: {
      'store.ts': `import { generateText, type ModelMessage } from 'ai';
import { openai } from '@ai-sdk/openai';
// ruleid: ${ID}
const memories = new Map<string, ModelMessage[]>();
// ruleid: ${ID}
const threads: Record<string, ModelMessage[]> = {};
// ok: ${ID}
const conversations = new Map<string, ModelMessage[]>();
export async function chat(agentName: string, userId: string, threadId: string, message: string) {
  const shared = memories.get('default') ?? [];
  shared.push({ role: 'user', content: message });
  memories.set('default', shared);
  await generateText({ model: openai('gpt-4o'), messages: memories.get('default')! });
  threads[agentName] = [...(threads[agentName] ?? []), { role: 'user', content: message }];
  await generateText({ model: openai('gpt-4o'), messages: threads[agentName] });
  const key = \`\${userId}:\${threadId}\`;
  const mine = conversations.get(key) ?? [];
  conversations.set(key, [...mine, { role: 'user', content: message }]);
  return generateText({ model: openai('gpt-4o'), messages: conversations.get(key)! });
}
`,
    },
  },
  {
    name: 'read-only examples, and stores never fed to a model, are fine',
    files: {
      'fewshot.ts': `import { generateText, type ModelMessage } from 'ai';
import { openai } from '@ai-sdk/openai';
// ok: ${ID}
const FEW_SHOT: ModelMessage[] = [{ role: 'user', content: '2+2?' }, { role: 'assistant', content: '4' }];
// ok: ${ID}
const auditMessages: Array<{ role: string; content: string }> = [];
// ok: ${ID}
const embeddingsCache = new Map<string, number[]>();
export async function ask(q: string) {
  auditMessages.push({ role: 'user', content: q });
  embeddingsCache.set(q, [1, 2, 3]);
  return generateText({ model: openai('gpt-4o'), messages: [...FEW_SHOT, { role: 'user', content: q }] });
}
`,
    },
  },
  {
    name: 'langgraph: a checkpointer with a fixed thread id in a handler; a thread per session is fine',
    files: {
      'agent.ts': `import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { MemorySaver } from '@langchain/langgraph';
import { ChatOpenAI } from '@langchain/openai';
// ok: ${ID}
const checkpointer = new MemorySaver();
const agent = createReactAgent({ llm: new ChatOpenAI({ model: 'gpt-4o' }), tools: [], checkpointer });
export async function reply(message: string, sessionId: string) {
  await agent.invoke({ messages: [{ role: 'user', content: message }] }, { configurable: {
    // ruleid: ${ID}
    thread_id: 'support-thread',
  } });
  return agent.invoke({ messages: [{ role: 'user', content: message }] }, { configurable: {
    // ok: ${ID}
    thread_id: sessionId,
  } });
}
`,
    },
  },
  {
    name: 'mastra memory: a constant thread for every caller; thread and resource from the session are fine',
    files: {
      'chat.ts': `import { Agent } from '@mastra/core/agent';
import { Memory } from '@mastra/memory';
import { openai } from '@ai-sdk/openai';
const agent = new Agent({ name: 'support', instructions: 'Help.', model: openai('gpt-4o'), memory: new Memory() });
export async function chat(message: string, session: { id: string; userId: string }) {
  await agent.generate(message, { memory: {
    // ruleid: ${ID}
    thread: 'default',
    resource: 'app',
  } });
  return agent.generate(message, { memory: {
    // ok: ${ID}
    thread: session.id,
    resource: session.userId,
  } });
}
`,
    },
  },
  {
    name: 'more shared shapes: an untyped array, a nested array in a state object, a store named for sessions but not keyed',
    files: {
      'server.ts': `import express from 'express';
import OpenAI from 'openai';
const openai = new OpenAI();
// ruleid: ${ID}
let messages: any[] = [];
// ruleid: ${ID}
const state = { turns: [] as Array<{ role: 'user' | 'assistant'; content: string }> };
// ruleid: ${ID}
const sessionHistory: Array<{ role: 'user'; content: string }> = [];
export const app = express();
app.post('/a', async (req, res) => {
  messages.push({ role: 'user', content: req.body.q });
  res.json(await openai.chat.completions.create({ model: 'gpt-4o', messages }));
});
app.post('/b', async (req, res) => {
  state.turns.push({ role: 'user', content: req.body.q });
  res.json(await openai.chat.completions.create({ model: 'gpt-4o', messages: state.turns }));
});
app.post('/c', async (req, res) => {
  sessionHistory.push({ role: 'user', content: req.body.q });
  res.json(await openai.chat.completions.create({ model: 'gpt-4o', messages: sessionHistory }));
});
`,
    },
  },
  {
    name: 'one chat session created at module level; a chat per request is fine',
    files: {
      'gemini.ts': `import { GoogleGenAI } from '@google/genai';
import { GoogleGenerativeAI } from '@google/generative-ai';
const ai = new GoogleGenAI({});
const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);
// ruleid: ${ID}
const chat = ai.chats.create({ model: 'gemini-2.5-flash' });
// ruleid: ${ID}
const legacyChat = genAI.getGenerativeModel({ model: 'gemini-1.5-pro' }).startChat();
export async function ask(message: string) {
  await legacyChat.sendMessage(message);
  return chat.sendMessage({ message });
}
export async function askAlone(message: string) {
  // ok: ${ID}
  const mine = ai.chats.create({ model: 'gemini-2.5-flash' });
  return mine.sendMessage({ message });
}
`,
    },
  },
  {
    name: 'langchain memories and langchain v1 createAgent: a summary memory in a chain, a checkpointer on a fixed thread',
    files: {
      'chains.ts': `import { ConversationChain } from 'langchain/chains';
import { ConversationSummaryMemory } from 'langchain/memory';
import { createAgent } from 'langchain';
import { MemorySaver } from '@langchain/langgraph';
import { ChatOpenAI } from '@langchain/openai';
const llm = new ChatOpenAI({ model: 'gpt-4o' });
// ruleid: ${ID}
const summary = new ConversationSummaryMemory({ llm });
export const chain = new ConversationChain({ llm, memory: summary });
const agent = createAgent({ model: 'openai:gpt-4o', tools: [], checkpointer: new MemorySaver() });
export async function reply(message: string) {
  // ruleid: ${ID}
  return agent.invoke({ messages: [{ role: 'user', content: message }] }, { configurable: { thread_id: '1' } });
}
`,
    },
  },
  {
    name: 'per-session shapes: request-session keys, hono context keys, RunnableWithMessageHistory, a WeakMap, a database',
    files: {
      'keyed.ts': `import express from 'express';
import { Hono } from 'hono';
import { generateText, type ModelMessage } from 'ai';
import { openai } from '@ai-sdk/openai';
import { InMemoryChatMessageHistory } from '@langchain/core/chat_history';
import { RunnableWithMessageHistory } from '@langchain/core/runnables';
import { ChatOpenAI } from '@langchain/openai';
import { db } from './db';
// ok: ${ID}
const histories = new Map<string, ModelMessage[]>();
// ok: ${ID}
const byUser = new Map<string, ModelMessage[]>();
// ok: ${ID}
const messageHistories: Record<string, InMemoryChatMessageHistory> = {};
// ok: ${ID}
const perRequest = new WeakMap<object, ModelMessage[]>();
export const router = express.Router();
router.post('/chat', async (req: any, res) => {
  const h = histories.get(req.session.id) ?? [];
  h.push({ role: 'user', content: req.body.q });
  histories.set(req.session.id, h);
  perRequest.set(req, h);
  res.json(await generateText({ model: openai('gpt-4o'), messages: h }));
});
const app = new Hono();
app.post('/chat', async (c: any) => {
  const list = byUser.get(c.get('userId')) ?? [];
  list.push({ role: 'user', content: await c.req.text() });
  byUser.set(c.get('userId'), list);
  return c.json(await generateText({ model: openai('gpt-4o'), messages: list }));
});
export const withHistory = new RunnableWithMessageHistory({
  runnable: new ChatOpenAI({ model: 'gpt-4o' }),
  getMessageHistory: (sessionId: string) => {
    if (!messageHistories[sessionId]) messageHistories[sessionId] = new InMemoryChatMessageHistory();
    return messageHistories[sessionId];
  },
});
export async function fromDb(conversationId: string, q: string) {
  // ok: ${ID}
  const past: ModelMessage[] = await db.messages.findMany({ where: { conversationId } });
  return generateText({ model: openai('gpt-4o'), messages: [...past, { role: 'user', content: q }] });
}
`,
      'db.ts': `export const db = { messages: { findMany: async (_q: unknown): Promise<any[]> => [] } };
`,
    },
  },
  {
    name: 'constants and threads from the caller are fine; a script without parameters runs one conversation',
    files: {
      'graph.ts': `import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { MemorySaver } from '@langchain/langgraph';
import { ChatOpenAI } from '@langchain/openai';
import type { ModelMessage } from 'ai';
// ok: ${ID}
const SYSTEM: ModelMessage = { role: 'system', content: 'You are helpful.' };
const agent = createReactAgent({ llm: new ChatOpenAI({ model: 'gpt-4o' }), tools: [], checkpointer: new MemorySaver() });
export async function reply(message: string, config: { configurable: { thread_id: string } }) {
  void SYSTEM;
  // ok: ${ID}
  return agent.invoke({ messages: [{ role: 'user', content: message }] }, config);
}
async function main() {
  // ok: ${ID}
  await agent.invoke({ messages: [{ role: 'user', content: 'hi' }] }, { configurable: { thread_id: 'cli' } });
}
void main;
`,
    },
  },
  {
    name: 'a singleton exported as default keeps messages; a singleton keyed by session and a tool registry are fine',
    files: {
      'assistant.ts': `import Anthropic from '@anthropic-ai/sdk';
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
const anthropic = new Anthropic();
// ok: ${ID}
const registeredTools: Array<{ name: string }> = [];
function buildMessages(turns: MessageParam[], q: string): MessageParam[] {
  return [...turns, { role: 'user', content: q }];
}
class Assistant {
  // ruleid: ${ID}
  messages: MessageParam[] = [];
  // ok: ${ID}
  bySession = new Map<string, MessageParam[]>();
  register(name: string) {
    registeredTools.push({ name });
  }
  async ask(q: string) {
    this.messages.push({ role: 'user', content: q });
    return anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, messages: buildMessages(this.messages, q) });
  }
  async askIn(sessionId: string, q: string) {
    const turns = this.bySession.get(sessionId) ?? [];
    this.bySession.set(sessionId, [...turns, { role: 'user', content: q }]);
    return anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, messages: this.bySession.get(sessionId)! });
  }
}
export default new Assistant();
`,
    },
  },
  {
    name: 'fastify: a conversation log read through a helper',
    files: {
      'server.ts': `import Fastify from 'fastify';
import OpenAI from 'openai';
const openai = new OpenAI();
// ruleid: ${ID}
const conversationLog: Array<{ role: 'user' | 'assistant'; content: string }> = [];
function recent() {
  return conversationLog.slice(-20);
}
export const app = Fastify();
app.post('/chat', async (request: any) => {
  conversationLog.push({ role: 'user', content: request.body.message });
  return openai.chat.completions.create({ model: 'gpt-4o', messages: recent() });
});
app.post('/once', async (request: any) => {
  // ok: ${ID}
  const turns: Array<{ role: 'user'; content: string }> = [];
  turns.push({ role: 'user', content: request.body.message });
  return openai.chat.completions.create({ model: 'gpt-4o', messages: turns });
});
`,
      'cli.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
// ruleid: ${ID}
const replHistory: Array<{ role: 'user'; content: string }> = [];
export async function ask(line: string) {
  replHistory.push({ role: 'user', content: line });
  return openai.chat.completions.create({ model: 'gpt-4o', messages: replHistory });
}
`,
    },
  },
  {
    name: 'long-term memory in one vector store: shared unless searched with a per-user filter',
    files: {
      'facts.ts': `import { MemoryVectorStore } from 'langchain/vectorstores/memory';
import { OpenAIEmbeddings, ChatOpenAI } from '@langchain/openai';
const llm = new ChatOpenAI({ model: 'gpt-4o' });
// ruleid: ${ID}
const memoryStore = new MemoryVectorStore(new OpenAIEmbeddings());
// ok: ${ID}
const userMemories = new MemoryVectorStore(new OpenAIEmbeddings());
export async function remember(userId: string, fact: string) {
  await memoryStore.addDocuments([{ pageContent: fact, metadata: {} }]);
  await userMemories.addDocuments([{ pageContent: fact, metadata: { userId } }]);
}
export async function recall(userId: string, q: string) {
  const shared = await memoryStore.similaritySearch(q, 4);
  const mine = await userMemories.similaritySearch(q, 4, (doc) => doc.metadata.userId === userId);
  return llm.invoke(\`Known facts: \${shared.map((d) => d.pageContent).join('; ')} \${mine.map((d) => d.pageContent).join('; ')}\\n\${q}\`);
}
`,
    },
  },
  {
    name: 'an agent imported through a root alias (~/ or @/) is fed a module-level transcript; one per thread is fine',
    files: {
      'src/agents/index.ts': `import { anthropic } from '@ai-sdk/anthropic';
import { ToolLoopAgent } from 'ai';
export const helpdesk = new ToolLoopAgent({ model: anthropic('claude-sonnet-4-5'), instructions: 'Answer IT questions.' });
`,
      'src/routes/helpdesk.ts': `import { helpdesk } from '~/agents';
// ruleid: ${ID}
let transcript: Array<{ role: 'user' | 'assistant'; content: string }> = [];
export async function ask(question: string) {
  transcript = [...transcript, { role: 'user', content: question }];
  const out = await helpdesk.generate({ messages: transcript });
  return out.text;
}
// ok: ${ID}
const transcripts: Record<string, Array<{ role: 'user' | 'assistant'; content: string }>> = {};
export async function askInThread(threadId: string, question: string) {
  const mine = (transcripts[threadId] ??= []);
  mine.push({ role: 'user', content: question });
  return (await helpdesk.generate({ messages: mine })).text;
}
`,
    },
  },
];

testMarkedCases(ID, cases);
testCaseTableSize(ID, cases, 25);

test('the finding names the store, why it is shared, and where it is written', () => {
  const f = analyzeFiles(cases[0].files).findings.filter((x) => x.ruleId === ID);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /`history` is a module-level conversation store/);
  assert.match(f[0].message, /Keep history per session/);
  assert.ok(f[0].related.length >= 1);
});

/** Type errors of in-memory files with small stubs for the SDKs they import (strict mode). */
function typeErrors(files: Record<string, string>): string[] {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] } });
  project.createSourceFile(
    '/stubs.d.ts',
    `declare module 'ai' {
  export type ModelMessage = { role: 'user' | 'assistant' | 'system'; content: string };
  export function generateText(o: { model: unknown; messages: ModelMessage[] }): Promise<{ text: string }>;
}
declare module '@ai-sdk/openai' { export function openai(id: string): unknown; }
`,
  );
  for (const [name, text] of Object.entries(files)) project.createSourceFile(`/${name}`, text);
  return project.getPreEmitDiagnostics().map((d) => ts.flattenDiagnosticMessageText(d.getMessageText() as string, '\n'));
}

const FIXABLE = {
  'route.ts': `import { generateText, type ModelMessage } from 'ai';
import { openai } from '@ai-sdk/openai';

const history: ModelMessage[] = [{ role: 'system', content: 'You are helpful.' }];

export async function POST(req: Request) {
  const { message, sessionId } = (await req.json()) as { message: string; sessionId: string };
  history.push({ role: 'user', content: message });
  const { text } = await generateText({ model: openai('gpt-4o'), messages: history });
  history.push({ role: 'assistant', content: text });
  return Response.json({ text, turns: history.length });
}
`,
};

test('suggestion: key the store by session; the result parses, type-checks, and is not reported again', () => {
  assert.deepEqual(typeErrors(FIXABLE), [], 'the fixture type-checks before the fix');
  const f = analyzeFiles(FIXABLE).findings.find((x) => x.ruleId === ID)!;
  assert.equal(f.fixes[0].kind, 'suggestion');
  const after = assertFixWorks(FIXABLE, f);
  const text = after['route.ts'];
  assert.match(text, /const historyBySession = new Map<string, ModelMessage\[\]>\(\);/);
  assert.match(text, /function historyFor\(sessionId: string\): ModelMessage\[\] \{/);
  assert.match(text, /historyFor\(String\(sessionId\)\)\.push\(\{ role: 'user', content: message \}\);/);
  assert.match(text, /messages: historyFor\(String\(sessionId\)\) \}/);
  assert.deepEqual(typeErrors(after), [], 'the fixed file type-checks');
  assert.deepEqual(analyzeFiles(after).findings.filter((x) => x.ruleId === ID), [], 'applying twice changes nothing');
});

test('no suggestion without a session id in scope, for an untyped store, or for a reassigned one', () => {
  const noKey = { 'route.ts': FIXABLE['route.ts'].replace(/, sessionId \}/, ' }').replace(/; sessionId: string/, '') };
  assert.deepEqual(analyzeFiles(noKey).findings.find((x) => x.ruleId === ID)!.fixes, []);
  const untyped = { 'route.ts': FIXABLE['route.ts'].replace('const history: ModelMessage[] =', 'const history =') };
  assert.deepEqual(analyzeFiles(untyped).findings.find((x) => x.ruleId === ID)!.fixes, []);
  const anthropic = analyzeFiles(cases[2].files).findings.find((x) => x.ruleId === ID)!;
  assert.deepEqual(anthropic.fixes, []);
});
