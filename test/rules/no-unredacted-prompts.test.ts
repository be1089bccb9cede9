import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFiles } from '../helpers/marks.js';
import { testCaseTableSize, testMarkedCases, type MarkedCase } from '../helpers/case-table.js';
import { applyFix, syntaxErrors } from '../helpers/fixes.js';

const parses = (text: string) => syntaxErrors('a.ts', text).length === 0;

const ID = 'no-unredacted-prompts';

const OPENAI_CLIENT = `import OpenAI from 'openai';\nexport const openai = new OpenAI();\n`;
const REDACT = `export function redactPII(text: string): string {\n  return text.replace(/\\S+@\\S+/g, '[EMAIL]');\n}\nexport function maskEmail(email: string): string {\n  return email.replace(/^[^@]+/, '***');\n}\n`;

/** Each case is a small project: marks say what must and must not be reported. */
const cases: MarkedCase[] = [
  {
    name: 'openai chat.completions: customer fields in a user message; ids and plan are fine',
    files: {
      'lib/openai.ts': OPENAI_CLIENT,
      'support.ts': `import { openai } from './lib/openai';
interface Customer { id: string; email: string; plan: string; phone: string }
export async function reply(customer: Customer, question: string) {
  return openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'You are a support agent.' },
      // ruleid: ${ID}
      { role: 'user', content: \`Customer \${customer.email} asks: \${question}\` },
      // ok: ${ID}
      { role: 'user', content: \`Customer id \${customer.id} on plan \${customer.plan}\` },
    ],
  });
}
`,
    },
  },
  {
    name: 'openai responses: whole user record as input, a secret env var in the instructions',
    files: {
      'report.ts': `import OpenAI from 'openai';
const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export async function summarize(user: { id: string; name: string }) {
  const res = await client.responses.create({
    model: 'gpt-4.1',
    // ruleid: ${ID}
    instructions: \`Call the billing API with \${process.env.STRIPE_SECRET_KEY} when needed.\`,
    // ruleid: ${ID}
    input: \`Summarize this account: \${JSON.stringify(user)}\`,
  });
  return res.output_text;
}
`,
    },
  },
  {
    name: 'the whole environment dumped into a prompt; a plain env setting is fine',
    files: {
      'debug.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function explain(log: string) {
  await openai.chat.completions.create({
    model: 'gpt-4.1',
    // ruleid: ${ID}
    messages: [{ role: 'user', content: \`Env: \${JSON.stringify(process.env, null, 2)}\\n\${log}\` }],
  });
  await openai.chat.completions.create({
    model: 'gpt-4.1',
    // ok: ${ID}
    messages: [{ role: 'user', content: \`Running in \${process.env.NODE_ENV} with model \${process.env.MODEL_NAME}\` }],
  });
}
`,
    },
  },
  {
    name: 'express: raw request headers, the authorization header and cookies; content-type and the body text are fine',
    files: {
      'routes.ts': `import express from 'express';
import OpenAI from 'openai';
const openai = new OpenAI();
export const router = express.Router();
router.post('/chat', async (req, res) => {
  const out = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      // ruleid: ${ID}
      { role: 'user', content: \`Headers: \${JSON.stringify(req.headers)}\` },
      // ruleid: ${ID}
      { role: 'user', content: \`Token: \${req.headers.authorization}\` },
      // ruleid: ${ID}
      { role: 'user', content: \`Session: \${req.cookies.session}\` },
      // ruleid: ${ID}
      { role: 'user', content: \`Key: \${req.get('X-Api-Key')}\` },
      // ok: ${ID}
      { role: 'user', content: \`Format: \${req.headers['content-type']} \${req.get('accept-language')}\` },
      // ok: ${ID}
      { role: 'user', content: String(req.body.message) },
    ],
  });
  res.json(out.choices[0].message);
});
`,
    },
  },
  {
    name: 'destructured personal fields',
    files: {
      'a.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function greet(customer: { email: string; phone: string; id: string }) {
  const { email, phone, id } = customer;
  return openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      // ruleid: ${ID}
      { role: 'user', content: \`Write to \${email} or call \${phone}\` },
      // ok: ${ID}
      { role: 'user', content: \`Reference \${id}\` },
    ],
  });
}
`,
    },
  },
  {
    name: 'data built in one module and sent in another, through a helper parameter and return value',
    files: {
      'lib/context.ts': `export interface Customer { id: string; email: string; plan: string }
export function describeCustomer(c: Customer): string {
  return \`\${c.email} (\${c.plan})\`;
}
export function describePlan(c: Customer): string {
  return \`plan \${c.plan}, id \${c.id}\`;
}
`,
      'lib/openai.ts': OPENAI_CLIENT,
      'chat.ts': `import { openai } from './lib/openai';
import { describeCustomer, describePlan, type Customer } from './lib/context';
export async function answer(customer: Customer, q: string) {
  return openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      // ruleid: ${ID}
      { role: 'user', content: describeCustomer(customer) },
      // ok: ${ID}
      { role: 'user', content: describePlan(customer) },
      { role: 'user', content: q },
    ],
  });
}
`,
    },
  },
  {
    name: 'a system prompt exported from another file carries a secret',
    files: {
      'prompts.ts': `export const SYSTEM = \`You are the ops bot. Admin token: \${process.env.ADMIN_TOKEN}\`;
export const SAFE_SYSTEM = 'You are the ops bot.';
`,
      'ops.ts': `import Anthropic from '@anthropic-ai/sdk';
import { SYSTEM, SAFE_SYSTEM } from './prompts';
const anthropic = new Anthropic();
export async function ops(q: string) {
  await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 512,
    // ruleid: ${ID}
    system: SYSTEM,
    messages: [{ role: 'user', content: q }],
  });
  await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 512,
    // ok: ${ID}
    system: SAFE_SYSTEM,
    messages: [{ role: 'user', content: q }],
  });
}
`,
    },
  },
  {
    name: 'anthropic: patient records are health data, every clinical field counts',
    files: {
      'clinic.ts': `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export async function triage(patient: { id: string; diagnosis: string; medications: string[]; visitCount: number }) {
  return anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    // ruleid: ${ID}
    system: \`Known diagnosis: \${patient.diagnosis}\`,
    messages: [
      // ruleid: ${ID}
      { role: 'user', content: \`Chart: \${JSON.stringify(patient, null, 2)}\` },
      // ruleid: ${ID}
      { role: 'user', content: \`Current medications: \${patient.medications.join(', ')}\` },
      // ok: ${ID}
      { role: 'user', content: \`Patient \${patient.id}\` },
    ],
  });
}
`,
    },
  },
  {
    name: 'vercel ai: prompt, messages and system',
    files: {
      'route.ts': `import { generateText, streamText, generateObject } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
export async function POST(req: Request) {
  const { user, profile, customer, question } = await req.json();
  await generateText({
    model: openai('gpt-4o'),
    // ruleid: ${ID}
    prompt: \`Call \${user.phoneNumber} back about \${question}\`,
  });
  streamText({
    model: openai('gpt-4o'),
    // ruleid: ${ID}
    messages: [{ role: 'user', content: \`Ship to \${profile.homeAddress}\` }],
  });
  await generateObject({
    model: openai('gpt-4o'),
    schema: z.object({ email: z.string(), risk: z.number() }),
    // ruleid: ${ID}
    system: \`Card on file: \${customer.creditCard}\`,
    // ok: ${ID}
    prompt: \`Score the risk of order volume \${customer.orderCount} on plan \${customer.plan}\`,
  });
}
`,
    },
  },
  {
    name: 'langchain: invoke with a string and with message classes',
    files: {
      'chain.ts': `import { ChatOpenAI } from '@langchain/openai';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
const model = new ChatOpenAI({ model: 'gpt-4o' });
export async function run(user: { ssn: string; plan: string }, account: { id: string }, question: string) {
  // ruleid: ${ID}
  await model.invoke(\`Verify the identity with SSN \${user.ssn}\`);
  await model.invoke([
    new SystemMessage('You verify identities.'),
    // ruleid: ${ID}
    new HumanMessage(JSON.stringify(account)),
    // ok: ${ID}
    new HumanMessage(question),
  ]);
  // ok: ${ID}
  await model.invoke(\`Which features come with the \${user.plan} plan?\`);
}
`,
    },
  },
  {
    name: 'langgraph: createReactAgent prompt with a secret, invoke messages with an email',
    files: {
      'agent.ts': `import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { ChatAnthropic } from '@langchain/anthropic';
const llm = new ChatAnthropic({ model: 'claude-sonnet-4-5' });
// ruleid: ${ID}
export const agent = createReactAgent({ llm, tools: [], prompt: \`Use password \${process.env.DB_PASSWORD} for reports.\` });
export const safeAgent = createReactAgent({ llm, tools: [], prompt: 'You write reports.' });
export async function ask(contactEmail: string, q: string) {
  // ruleid: ${ID}
  await agent.invoke({ messages: [{ role: 'user', content: \`Reply to \${contactEmail}: \${q}\` }] });
  // ok: ${ID}
  await safeAgent.invoke({ messages: [{ role: 'user', content: q }] });
}
`,
    },
  },
  {
    name: 'openai agents: instructions (string and function) and run() input, including message helpers',
    files: {
      'agents.ts': `import { Agent, run, user } from '@openai/agents';
type Ctx = { email: string; tier: string };
// ruleid: ${ID}
export const concierge = new Agent({ name: 'concierge', instructions: \`The customer is \${process.env.VIP_FULLNAME ?? ''} \${globalThis.customer.fullName}\` });
// ruleid: ${ID}
export const support = new Agent<Ctx>({ name: 'support', instructions: (rc) => \`Customer email: \${rc.context.email}\` });
export const tiered = new Agent<Ctx>({ name: 'tiered', instructions: (rc) => \`Customer tier: \${rc.context.tier}\` });
export async function handle(customer: { phone: string; id: string }, question: string) {
  // ruleid: ${ID}
  await run(support, \`Call back on \${customer.phone}\`);
  // ruleid: ${ID}
  await run(support, [user(\`On file: \${JSON.stringify(customer)}\`), user(question)]);
  // ok: ${ID}
  await run(tiered, [user(question)], { context: { email: 'local only', tier: 'gold' } });
}
`,
    },
  },
  {
    name: 'mastra: agent.generate with a string and with messages',
    files: {
      'mastra.ts': `import { Agent } from '@mastra/core/agent';
import { openai } from '@ai-sdk/openai';
export const helper = new Agent({ name: 'helper', instructions: 'Help members.', model: openai('gpt-4o') });
export async function go(member: { dateOfBirth: string; homeAddress: string; plan: string }, question: string) {
  // ruleid: ${ID}
  await helper.generate(\`Member born \${member.dateOfBirth} asks: \${question}\`);
  await helper.generate([
    // ruleid: ${ID}
    { role: 'user', content: \`Deliver to \${member.homeAddress}\` },
    // ok: ${ID}
    { role: 'user', content: \`Plan \${member.plan}: \${question}\` },
  ]);
}
`,
    },
  },
  {
    name: 'google genai: contents, systemInstruction and chat sendMessage',
    files: {
      'gemini.ts': `import { GoogleGenAI } from '@google/genai';
const ai = new GoogleGenAI({});
export async function travel(patient: { mrn: string }, user: { email: string }, listing: { name: string; city: string }, headers: Record<string, string>, req: { headers: Record<string, string> }) {
  await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    // ruleid: ${ID}
    contents: \`Advice for record \${patient.mrn}\`,
    // ruleid: ${ID}
    config: { systemInstruction: \`Reply to \${user.email}\` },
  });
  await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    // ok: ${ID}
    contents: \`Caption for \${listing.name} in \${listing.city}\`,
  });
  const chat = ai.chats.create({ model: 'gemini-2.5-flash' });
  // ruleid: ${ID}
  await chat.sendMessage({ message: JSON.stringify(req.headers) });
  void headers;
}
`,
    },
  },
  {
    name: 'records loaded by a getter or an ORM call are person records',
    files: {
      'lib/db.ts': `export const prisma: any = {};
export async function getCustomer(id: string) {
  return prisma.customer.findUnique({ where: { id } });
}
`,
      'handler.ts': `import OpenAI from 'openai';
import { prisma, getCustomer } from './lib/db';
const openai = new OpenAI();
export async function h(id: string) {
  const u = await prisma.user.findUnique({ where: { id } });
  await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      // ruleid: ${ID}
      { role: 'user', content: JSON.stringify(u) },
      // ruleid: ${ID}
      { role: 'user', content: JSON.stringify(await getCustomer(id)) },
      // ok: ${ID}
      { role: 'user', content: \`Order \${(await prisma.order.findUnique({ where: { id } })).status}\` },
    ],
  });
}
`,
    },
  },
  {
    name: 'conversation history: a personal field pushed into the messages array',
    files: {
      'history.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function chat(user: { email: string; id: string }, q: string) {
  const messages: Array<{ role: 'user' | 'system'; content: string }> = [{ role: 'system', content: 'Be brief.' }];
  messages.push({ role: 'user', content: \`I am \${user.email}\` });
  messages.push({ role: 'user', content: q });
  // ruleid: ${ID}
  return openai.chat.completions.create({ model: 'gpt-4o', messages });
}
export async function chatSafe(user: { email: string; id: string }, q: string) {
  const messages: Array<{ role: 'user' | 'system'; content: string }> = [{ role: 'system', content: 'Be brief.' }];
  messages.push({ role: 'user', content: \`I am user \${user.id}\` });
  messages.push({ role: 'user', content: q });
  // ok: ${ID}
  return openai.chat.completions.create({ model: 'gpt-4o', messages });
}
`,
    },
  },
  {
    name: 'spreads and array methods keep the data',
    files: {
      'bulk.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function bulk(customers: Array<{ email: string; total: number }>, customer: { email: string }) {
  const snapshot = { ...customer, note: 'vip' };
  await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      // ruleid: ${ID}
      { role: 'user', content: \`Mailing list: \${customers.map((c) => c.email).join(', ')}\` },
      // ruleid: ${ID}
      { role: 'user', content: JSON.stringify(snapshot) },
      // ok: ${ID}
      { role: 'user', content: \`Totals: \${customers.map((c) => c.total).join(', ')}\` },
      // ok: ${ID}
      { role: 'user', content: \`\${customers.length} customers\` },
    ],
  });
}
`,
    },
  },
  {
    name: 'next.js and hono request header getters',
    files: {
      'app/api/route.ts': `import { generateText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
export async function POST(request: Request) {
  // ruleid: ${ID}
  await generateText({ model: anthropic('claude-haiku-4-5'), prompt: \`Cookie: \${request.headers.get('cookie')}\` });
  // ok: ${ID}
  await generateText({ model: anthropic('claude-haiku-4-5'), prompt: \`Language: \${request.headers.get('accept-language')}\` });
}
`,
      'hono.ts': `import { Hono } from 'hono';
import { Agent } from '@mastra/core/agent';
import { openai } from '@ai-sdk/openai';
const ops = new Agent({ name: 'ops', instructions: 'Ops.', model: openai('gpt-4o') });
export const app = new Hono();
app.post('/x', async (c) => {
  // ruleid: ${ID}
  const r = await ops.generate(\`Use these credentials: \${c.req.header('Authorization')}\`);
  // ok: ${ID}
  const s = await ops.generate(\`Question: \${c.req.query('q')}\`);
  return c.json({ r: r.text, s: s.text });
});
`,
    },
  },
  {
    name: 'compound names: the personal part is the head noun',
    files: {
      'names.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function draft(customerEmail: string, billingAddress: string, authToken: string, inboundEmailBody: string, emailSubject: string, pageToken: string, serverAddress: string, cacheKey: string, maxTokens: number) {
  await openai.chat.completions.create({
    model: 'gpt-4o',
    max_tokens: maxTokens,
    messages: [
      // ruleid: ${ID}
      { role: 'user', content: \`To \${customerEmail}\` },
      // ruleid: ${ID}
      { role: 'user', content: \`Bill to \${billingAddress}\` },
      // ruleid: ${ID}
      { role: 'user', content: \`Use \${authToken}\` },
      // ok: ${ID}
      { role: 'user', content: \`Subject \${emailSubject}: \${inboundEmailBody}\` },
      // ok: ${ID}
      { role: 'user', content: \`Next page \${pageToken} from \${serverAddress}, cache \${cacheKey}\` },
    ],
  });
}
`,
    },
  },
  {
    name: 'a configured sensitive field name',
    config: JSON.stringify({ sensitiveFields: ['taxCode'] }),
    files: {
      'tax.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function tax(client: { taxCode: string; country: string }) {
  await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      // ruleid: ${ID}
      { role: 'user', content: \`Tax code \${client.taxCode}\` },
      // ok: ${ID}
      { role: 'user', content: \`Country \${client.country}\` },
    ],
  });
}
`,
    },
  },
  {
    name: 'a class that keeps its client in a field',
    files: {
      'svc.ts': `import OpenAI from 'openai';
export class Assistant {
  private client = new OpenAI();
  async ask(user: { email: string; id: string }, q: string) {
    return this.client.chat.completions.create({
      model: 'gpt-4o',
      messages: [
        // ruleid: ${ID}
        { role: 'user', content: \`\${user.email}: \${q}\` },
      ],
    });
  }
}
`,
    },
  },
  // ---- safe counterparts ----
  {
    name: 'redacted values: default names, field-specific maskers, imported from another file',
    files: {
      'lib/redact.ts': REDACT,
      'lib/privacy.ts': `export const scrub = (s: string) => s.replace(/\\d/g, '#');\nexport function anonymizePatient<T>(p: T): T { return p; }\n`,
      'lib/openai.ts': OPENAI_CLIENT,
      'ok.ts': `import { openai } from './lib/openai';
import { redactPII, maskEmail } from './lib/redact';
import { scrub, anonymizePatient } from './lib/privacy';
export async function ok(customer: { email: string; phone: string }, patient: { diagnosis: string }, note: string) {
  await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      // ok: ${ID}
      { role: 'user', content: \`From \${maskEmail(customer.email)}: \${redactPII(note)}\` },
      // ok: ${ID}
      { role: 'user', content: \`Phone \${scrub(customer.phone)}\` },
      // ok: ${ID}
      { role: 'user', content: redactPII(JSON.stringify(customer)) },
      // ok: ${ID}
      { role: 'user', content: JSON.stringify(anonymizePatient(patient)) },
    ],
  });
}
`,
    },
  },
  {
    name: 'a redaction helper of the project that does not look like one counts once configured',
    config: JSON.stringify({ redactors: ['privacy.clean', 'toModelSafe'] }),
    files: {
      'lib/safe.ts': `export function toModelSafe(s: string) { return s.slice(0, 3) + '…'; }\n`,
      'lib/privacy.ts': `export const privacy = { clean: (s: string) => s.replace(/@/g, ' at ') };\n`,
      'a.ts': `import OpenAI from 'openai';
import { toModelSafe } from './lib/safe';
import { privacy } from './lib/privacy';
const openai = new OpenAI();
export async function a(user: { email: string; phone: string }) {
  await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      // ok: ${ID}
      { role: 'user', content: toModelSafe(user.email) },
      // ok: ${ID}
      { role: 'user', content: privacy.clean(user.phone) },
    ],
  });
}
`,
    },
  },
  {
    name: 'the same helper without configuration is not a redactor',
    files: {
      'lib/safe.ts': `export function toModelSafe(s: string) { return s.slice(0, 3) + '…'; }\n`,
      'a.ts': `import OpenAI from 'openai';
import { toModelSafe } from './lib/safe';
const openai = new OpenAI();
export async function a(user: { email: string }) {
  await openai.chat.completions.create({
    model: 'gpt-4o',
    // ruleid: ${ID}
    messages: [{ role: 'user', content: toModelSafe(user.email) }],
  });
}
`,
    },
  },
  {
    name: 'a helper in another file that redacts before returning',
    files: {
      'lib/redact.ts': REDACT,
      'lib/profile.ts': `import { redactPII } from './redact';
export function safeProfile(u: { name: string; email: string; plan: string }) {
  return { name: redactPII(u.name), email: redactPII(u.email), plan: u.plan };
}
`,
      'a.ts': `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { safeProfile } from './lib/profile';
export async function a(user: { name: string; email: string; plan: string }) {
  // ok: ${ID}
  await generateText({ model: openai('gpt-4o'), prompt: JSON.stringify(safeProfile(user)) });
}
`,
    },
  },
  {
    name: 'tempting negatives: ids, product data, counts, benign object literals, token budgets',
    files: {
      'neg.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function neg(user: { id: string; plan: string; tier: string }, product: { name: string; price: number }, users: unknown[], session: { id: string }) {
  const { id } = user;
  await openai.chat.completions.create({
    model: 'gpt-4o',
    max_tokens: 200,
    messages: [
      // ok: ${ID}
      { role: 'user', content: \`User \${id} (\${user.tier}) asks about \${product.name} at \${product.price}\` },
      // ok: ${ID}
      { role: 'user', content: JSON.stringify({ plan: user.plan, id: user.id }) },
      // ok: ${ID}
      { role: 'user', content: \`\${users.length} users, session \${session.id}\` },
    ],
  });
}
`,
    },
  },
  {
    name: 'sensitive data that goes elsewhere than the model',
    files: {
      'elsewhere.ts': `import OpenAI from 'openai';
import pino from 'pino';
const logger = pino();
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
export async function f(customer: { email: string; id: string }, question: string) {
  logger.info({ email: customer.email }, 'asked');
  if (!customer.email) throw new Error('no email');
  await fetch('https://crm.example.com/touch', { method: 'POST', body: JSON.stringify(customer) });
  // ok: ${ID}
  const out = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });
  return out.choices[0].message.content;
}
`,
    },
  },
  {
    name: 'structured-output schemas and tool definitions are not prompts',
    files: {
      'schema.ts': `import { generateObject, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const lookup = tool({ description: 'Find a customer by email', inputSchema: z.object({ email: z.string() }), execute: async ({ email }) => ({ found: email.length > 0 }) });
export async function s(text: string) {
  // ok: ${ID}
  return generateObject({ model: openai('gpt-4o'), schema: z.object({ email: z.string(), phone: z.string() }), prompt: \`Extract contact details from: \${text}\`, tools: { lookup } });
}
`,
    },
  },
  {
    name: 'openai agents: local run context is not sent to the model',
    files: {
      'ctx.ts': `import { Agent, run } from '@openai/agents';
const agent = new Agent({ name: 'a', instructions: 'Answer billing questions.' });
export async function go(user: { email: string; id: string }, question: string) {
  // ok: ${ID}
  return run(agent, question, { context: { user } });
}
`,
    },
  },
  {
    name: 'mastra memory ids and google genai product captions',
    files: {
      'm.ts': `import { Agent } from '@mastra/core/agent';
import { GoogleGenAI } from '@google/genai';
import { openai } from '@ai-sdk/openai';
const agent = new Agent({ name: 'm', instructions: 'Be helpful.', model: openai('gpt-4o') });
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
export async function m(userId: string, threadId: string, question: string, item: { title: string; category: string }) {
  // ok: ${ID}
  await agent.generate(question, { memory: { thread: threadId, resource: userId } });
  // ok: ${ID}
  await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: \`Describe \${item.title} (\${item.category})\`, config: { systemInstruction: 'Write captions.' } });
}
`,
    },
  },
  {
    name: 'anthropic: a redacted chart and a record with only non-personal fields',
    files: {
      'lib/pii.ts': `export function scrubPatientRecord<T extends object>(p: T): T { return p; }\n`,
      'chart.ts': `import Anthropic from '@anthropic-ai/sdk';
import { scrubPatientRecord } from './lib/pii';
const anthropic = new Anthropic();
export async function c(patient: { id: string; diagnosis: string }, clinic: { name: string; city: string }) {
  const chart = scrubPatientRecord(patient);
  return anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 500,
    // ok: ${ID}
    system: \`You work for \${clinic.name} in \${clinic.city}.\`,
    // ok: ${ID}
    messages: [{ role: 'user', content: JSON.stringify(chart) }],
  });
}
`,
    },
  },
  {
    name: 'langchain: runnables derived from a chat model (structured output, bound tools)',
    files: {
      'extract.ts': `import { ChatAnthropic } from '@langchain/anthropic';
import { z } from 'zod';
const model = new ChatAnthropic({ model: 'claude-sonnet-4-5' });
const extractor = model.withStructuredOutput(z.object({ intent: z.string() }));
export async function classify(applicant: { fullName: string; plan: string }, note: string) {
  // ruleid: ${ID}
  await extractor.invoke(\`Applicant \${applicant.fullName} writes: \${note}\`);
  // ruleid: ${ID}
  await model.bindTools([]).invoke([['human', JSON.stringify(applicant)]]);
  // ok: ${ID}
  await extractor.invoke(\`Plan \${applicant.plan}: \${note}\`);
}
`,
    },
  },
  {
    name: 'streamed model tokens are not auth tokens',
    files: {
      'stream.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function chat(history: Array<{ role: 'user' | 'assistant'; content: string }>, q: string) {
  let answer = '';
  const stream = await openai.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [...history, { role: 'user', content: q }] });
  for await (const chunk of stream) {
    const token = chunk.choices[0]?.delta?.content ?? '';
    answer += token;
  }
  history.push({ role: 'assistant', content: answer });
  // ok: ${ID}
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [...history, { role: 'user', content: 'Shorter, please.' }] });
}
`,
    },
  },
  {
    name: 'a message list written out in a variable: reported where each message takes the data',
    files: {
      'worker.ts': `import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
const openai = new OpenAI();
export async function draft(customer: { id: string; email: string }, label: string) {
  const messages: ChatCompletionMessageParam[] = [
    {
      role: 'system',
      content: [
        // ruleid: ${ID}
        \`Quote incidents with the token \${process.env.STATUS_PAGE_TOKEN}.\`,
        // ok: ${ID}
        \`You draft replies for \${label} tickets.\`,
      ].join('\\n'),
    },
    // ruleid: ${ID}
    { role: 'user', content: \`Customer record: \${JSON.stringify(customer)}\` },
    // ok: ${ID}
    { role: 'user', content: \`Customer id: \${customer.id}\` },
  ];
  // ok: ${ID}
  return openai.chat.completions.create({ model: 'gpt-4.1', messages });
}
`,
    },
  },
  {
    name: 'a tool result goes back to the model: a whole contact record returned by a tool; a masked one is fine',
    files: {
      'server.ts': `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
interface Contact { id: string; email: string; phone: string; company: string }
async function getContact(id: string): Promise<Contact> {
  const res = await fetch(\`https://crm.example.com/contacts/\${encodeURIComponent(id)}\`);
  return (await res.json()) as Contact;
}
function maskContact(c: Contact) {
  return { id: c.id, company: c.company };
}
const server = new McpServer({ name: 'crm', version: '1.0.0' });
server.registerTool('get_contact', { description: 'Fetch a contact', inputSchema: { contactId: z.string() } }, async ({ contactId }) => {
  const contact = await getContact(contactId);
  // ruleid: ${ID}
  return { content: [{ type: 'text', text: JSON.stringify(contact) }] };
});
server.registerTool('get_contact_brief', { description: 'Fetch a contact brief', inputSchema: { contactId: z.string() } }, async ({ contactId }) => {
  const contact = await getContact(contactId);
  // ok: ${ID}
  return { content: [{ type: 'text', text: JSON.stringify(maskContact(contact)) }] };
});
server.registerTool('contact_company', { description: 'The company of a contact', inputSchema: { contactId: z.string() } }, async ({ contactId }) => {
  const contact = await getContact(contactId);
  // ok: ${ID}
  return { content: [{ type: 'text', text: contact.company }] };
});
`,
    },
  },
  {
    name: 'vercel ai tool: a returned personal field reaches the model, an id does not',
    files: {
      'tools.ts': `import { tool } from 'ai';
import { z } from 'zod';
import { db } from './db';
export const lookupUser = tool({
  description: 'Look up a user',
  inputSchema: z.object({ id: z.string() }),
  execute: async ({ id }) => {
    const user = await db.users.findById(id);
    // ruleid: ${ID}
    return { id: user.id, email: user.email };
  },
});
export const userExists = tool({
  description: 'Whether a user exists',
  inputSchema: z.object({ id: z.string() }),
  execute: async ({ id }) => {
    const user = await db.users.findById(id);
    // ok: ${ID}
    return { id: user.id, exists: !!user };
  },
});
`,
      'db.ts': `export const db: any = {};\n`,
    },
  },
  {
    name: 'root-relative imports (@/lib/...) reach the agent they name; a collection keyed by user is not a person record',
    files: {
      'lib/ai/agents.ts': `import { openai } from '@ai-sdk/openai';
import { ToolLoopAgent } from 'ai';
export const reportsAgent = new ToolLoopAgent({ model: openai('gpt-4o-mini'), instructions: 'Write short reports.' });
`,
      'app/actions/report.ts': `import { reportsAgent } from '@/lib/ai/agents';
const notesByUser = new Map<string, string[]>();
export async function weekly(customers: Array<{ id: string; email: string }>, userId: string) {
  await reportsAgent.generate({
    // ruleid: ${ID}
    prompt: \`New customers: \${JSON.stringify(customers)}\`,
  });
  await reportsAgent.generate({
    // ok: ${ID}
    prompt: \`Notes: \${(notesByUser.get(userId) ?? []).join(', ')}\`,
  });
}
`,
    },
  },
];

testMarkedCases(ID, cases);
testCaseTableSize(ID, cases, 30);

test('the finding names the data, the model call, and the related source location', () => {
  const { findings } = analyzeFiles({
    'lib/ctx.ts': `export function context(customer: { email: string }) {\n  return \`Contact: \${customer.email}\`;\n}\n`,
    'a.ts': `import OpenAI from 'openai';\nimport { context } from './lib/ctx';\nconst openai = new OpenAI();\nexport async function a(customer: { email: string }) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: context(customer) }] });\n}\n`,
  });
  const f = findings.filter((x) => x.ruleId === ID);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /customer\.email reaches the model input of openai\.chat\.completions\.create\(\)/);
  assert.ok(f[0].related.some((r) => r.range.file.endsWith('lib/ctx.ts')), 'related location points at the source in the other file');
  assert.ok((f[0].flow ?? []).length >= 2, 'carries the flow steps');
});

test('fix: wraps the field in the project redactor and imports it in the file style', () => {
  const files = {
    'lib/redact.ts': REDACT,
    'lib/openai.js': '',
    'src/chat.ts': `import OpenAI from 'openai';\nimport { helper } from '../lib/openai.js';\nconst openai = new OpenAI();\nexport async function a(customer: { phone: string }) {\n  void helper;\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`Call \${customer.phone}\` }] });\n}\n`,
  };
  const { findings } = analyzeFiles(files);
  const f = findings.find((x) => x.ruleId === ID)!;
  assert.equal(f.fixes.length, 1);
  assert.equal(f.fixes[0].kind, 'suggestion');
  const after = applyFix(files, f.fixes[0]);
  assert.match(after['src/chat.ts'], /\$\{redactPII\(customer\.phone\)\}/);
  assert.match(after['src/chat.ts'], /import \{ redactPII \} from '\.\.\/lib\/redact\.js';/);
  assert.ok(parses(after['src/chat.ts']));
  assert.deepEqual(analyzeFiles(after).findings.filter((x) => x.ruleId === ID), [], 'finding gone after the fix');
});

test('fix: picks the field-specific redactor, stringifies whole records for a string redactor, applies once', () => {
  const files = {
    'lib/redact.ts': REDACT,
    'a.ts': `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function a(customer: { email: string }, user: { id: string }) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`\${customer.email} \${user}\` }, { role: 'user', content: JSON.stringify(customer) }] });\n}\n`,
  };
  let current = files;
  for (let i = 0; i < 3; i++) {
    const f = analyzeFiles(current).findings.find((x) => x.ruleId === ID);
    if (!f) break;
    current = applyFix(current, f.fixes[0]);
    assert.ok(parses(current['a.ts']), current['a.ts']);
  }
  const text = current['a.ts'];
  assert.match(text, /maskEmail\(customer\.email\)/);
  assert.match(text, /redactPII\(JSON\.stringify\(user\)\)/);
  assert.match(text, /redactPII\(JSON\.stringify\(customer\)\)/);
  assert.equal((text.match(/^import \{ /gm) ?? []).length, 2, 'each redactor imported once');
  assert.deepEqual(analyzeFiles(current).findings.filter((x) => x.ruleId === ID), []);
});

test('no redactor in the project: no fix, and the message says how to configure one', () => {
  const { findings } = analyzeFiles({
    'a.ts': `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function a(customer: { email: string }) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: customer.email }] });\n}\n`,
  });
  const f = findings.find((x) => x.ruleId === ID)!;
  assert.deepEqual(f.fixes, []);
  assert.match(f.message, /redactors/);
});
