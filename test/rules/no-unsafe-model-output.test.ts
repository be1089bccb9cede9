import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFiles } from '../helpers/marks.js';
import { testCaseTableSize, testMarkedCases, type MarkedCase } from '../helpers/case-table.js';

const ID = 'no-unsafe-model-output';

/** Each case is a small project: marks say what must and must not be reported. */
const cases: MarkedCase[] = [
  {
    name: 'openai chat: completion text into exec, eval and new Function; a schema enum and an allow list are fine',
    files: {
      'ops.ts': `import OpenAI from 'openai';
import { exec } from 'node:child_process';
import { z } from 'zod';
const openai = new OpenAI();
const ALLOWED = new Set(['uptime', 'df -h']);
const Action = z.object({ command: z.enum(['uptime', 'df -h']), reason: z.string() });
export async function remediate(incident: string) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: incident }] });
  const text = completion.choices[0].message.content ?? '';
  // ruleid: ${ID}
  exec(text);
  // ruleid: ${ID}
  eval(text);
  // ruleid: ${ID}
  const fn = new Function('row', text);
  const { command } = Action.parse(JSON.parse(text));
  // ok: ${ID}
  exec(command);
  if (!ALLOWED.has(text.trim())) throw new Error('not allowed');
  // ok: ${ID}
  exec(text.trim());
  return fn;
}
`,
    },
  },
  {
    name: 'vercel ai generateObject: a free-text field is raw SQL; an enum field picks a fixed query',
    files: {
      'insights.ts': `import { generateObject } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
import { Pool } from 'pg';
const pool = new Pool();
const REPORTS: Record<string, string> = { revenue: 'select * from revenue', churn: 'select * from churn' };
export async function ask(question: string) {
  const { object } = await generateObject({
    model: openai('gpt-4o'),
    schema: z.object({ sql: z.string(), report: z.enum(['revenue', 'churn']), limit: z.number() }),
    prompt: question,
  });
  // ruleid: ${ID}
  await pool.query(object.sql);
  // ok: ${ID}
  await pool.query(REPORTS[object.report]);
  // ok: ${ID}
  await pool.query(\`select * from events limit \${object.limit}\`);
  // ok: ${ID}
  await pool.query('select * from events where kind = $1', [object.sql]);
  // ok: ${ID}
  await pool.query(\`select * from \${object.report}_daily\`);
}
`,
    },
  },
  {
    name: 'anthropic: content block text into innerHTML; textContent and DOMPurify are fine',
    files: {
      'widget.ts': `import Anthropic from '@anthropic-ai/sdk';
import DOMPurify from 'dompurify';
const anthropic = new Anthropic({ dangerouslyAllowBrowser: true });
export async function render(container: HTMLElement, q: string) {
  const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [{ role: 'user', content: q }] });
  const block = msg.content[0];
  const text = block.type === 'text' ? block.text : '';
  // ruleid: ${ID}
  container.innerHTML = \`<div class="answer">\${text}</div>\`;
  // ok: ${ID}
  container.textContent = text;
  // ok: ${ID}
  container.innerHTML = DOMPurify.sanitize(text);
  // ok: ${ID}
  container.innerHTML = \`<small>\${msg.usage.output_tokens} tokens, id \${msg.id}</small>\`;
}
`,
    },
  },
  {
    name: 'markdown rendered with marked is still model HTML; document.write and insertAdjacentHTML too',
    files: {
      'chat.ts': `import { marked } from 'marked';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
export async function show(el: HTMLElement, q: string) {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: q });
  // ruleid: ${ID}
  el.innerHTML = await marked.parse(text);
  // ruleid: ${ID}
  document.write(text);
  // ruleid: ${ID}
  el.insertAdjacentHTML('beforeend', text);
}
`,
    },
  },
  {
    name: 'react: dangerouslySetInnerHTML with streamed model text; plain text children are fine',
    files: {
      'Answer.tsx': `import { useChat } from './useChat';
import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
export async function collect(q: string) {
  const result = streamText({ model: openai('gpt-4o'), prompt: q });
  let html = '';
  for await (const chunk of result.textStream) html += chunk;
  return html;
}
export async function Answer({ q }: { q: string }) {
  const html = await collect(q);
  void useChat;
  return (
    <div>
      <div
        // ruleid: ${ID}
        dangerouslySetInnerHTML={{ __html: html }}
      />
      <p
        // ok: ${ID}
        title={html}
      >
        {html}
      </p>
    </div>
  );
}
`,
      'useChat.ts': `export function useChat() { return {}; }\n`,
    },
  },
  {
    name: 'google genai: response.text into eval and a redirect; a lookup and an allow-list branch are fine',
    files: {
      'routes.ts': `import express from 'express';
import { GoogleGenAI } from '@google/genai';
const ai = new GoogleGenAI({});
const GUIDES = new Set(['/guides/visa', '/guides/health']);
export const router = express.Router();
router.get('/guide', async (req, res) => {
  const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: String(req.query.q) });
  // ruleid: ${ID}
  res.redirect(response.text?.trim() ?? '/guides');
});
router.get('/guide2', async (req, res) => {
  const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: String(req.query.q) });
  const candidate = response.text?.trim() ?? '';
  // ok: ${ID}
  res.redirect(GUIDES.has(candidate) ? candidate : '/guides');
});
export async function cost(expr: string) {
  const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: expr });
  // ruleid: ${ID}
  return Number(eval(response.text ?? '0'));
}
`,
    },
  },
  {
    name: 'mastra: agent output into execAsync and c.redirect; a route map lookup is fine',
    files: {
      'routes.ts': `import { Hono } from 'hono';
import { promisify } from 'node:util';
import { exec } from 'node:child_process';
import { Agent } from '@mastra/core/agent';
import { openai } from '@ai-sdk/openai';
const execAsync = promisify(exec);
const agent = new Agent({ name: 'ops', instructions: 'Ops.', model: openai('gpt-4o') });
const STATUS_PAGES: Record<string, string> = { api: '/status/api', web: '/status/web' };
const app = new Hono();
app.post('/remediate', async (c) => {
  const plan = await agent.generate('Reply with one shell command.');
  // ruleid: ${ID}
  const { stdout } = await execAsync(plan.text.trim());
  return c.json({ stdout });
});
app.get('/status', async (c) => {
  const pick = await agent.generate('Which status page?');
  // ruleid: ${ID}
  return c.redirect(pick.text.trim());
});
app.get('/status2', async (c) => {
  const pick = await agent.generate('Which status page?');
  // ok: ${ID}
  return c.redirect(STATUS_PAGES[pick.text.trim()] ?? '/status');
});
export default app;
`,
    },
  },
  {
    name: '@openai/agents: finalOutput into a redirect and a dynamic import',
    files: {
      'route.ts': `import { Agent, run } from '@openai/agents';
import type { Request, Response } from 'express';
const router = new Agent({ name: 'router', instructions: 'Pick a URL.' });
export async function go(req: Request, res: Response) {
  const result = await run(router, String(req.body.q));
  // ruleid: ${ID}
  res.redirect(String(result.finalOutput).trim());
}
export async function plugin(name: string) {
  const result = await run(router, name);
  // ruleid: ${ID}
  return import(\`./plugins/\${result.finalOutput}\`);
}
`,
    },
  },
  {
    name: 'cross-file: a helper returns model text, a route writes a file named by it; basename and a slug are fine',
    files: {
      'lib/llm.ts': `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export async function draftNote(visit: string): Promise<{ fileName: string; body: string }> {
  const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 800, messages: [{ role: 'user', content: visit }] });
  const text = msg.content[0].type === 'text' ? msg.content[0].text : '';
  const [fileName, ...rest] = text.split('\\n');
  return { fileName, body: rest.join('\\n') };
}
`,
      'notes.ts': `import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { draftNote } from './lib/llm';
const NOTES_DIR = '/var/notes';
export async function save(visit: string) {
  const { fileName, body } = await draftNote(visit);
  // ruleid: ${ID}
  await writeFile(path.join(NOTES_DIR, fileName), body, 'utf8');
  // ok: ${ID}
  await writeFile(path.join(NOTES_DIR, path.basename(fileName)), body, 'utf8');
  const safeName = fileName.replace(/[^a-z0-9-]/gi, '-');
  // ok: ${ID}
  await writeFile(path.join(NOTES_DIR, \`\${safeName}.md\`), body, 'utf8');
  // ok: ${ID}
  await writeFile(path.join(NOTES_DIR, 'latest.md'), body, 'utf8');
}
`,
    },
  },
  {
    name: 'langchain: AIMessage content into a vm script and a raw knex query; a tagged sql template is fine',
    files: {
      'sql.ts': `import { ChatOpenAI } from '@langchain/openai';
import vm from 'node:vm';
import knex from 'knex';
import { sql } from 'drizzle-orm';
const db = knex({ client: 'pg' });
const llm = new ChatOpenAI({ model: 'gpt-4o' });
export async function run(q: string) {
  const ai = await llm.invoke(q);
  const code = String(ai.content);
  // ruleid: ${ID}
  vm.runInNewContext(code, {});
  // ruleid: ${ID}
  await db.raw(code);
  // ok: ${ID}
  return db.execute(sql\`select * from t where x = \${code}\`);
}
`,
    },
  },
  {
    name: 'openai responses: output_text into a redirect; a validated lookup is fine; metadata into a file path is fine',
    files: {
      'help.ts': `import OpenAI from 'openai';
import { writeFileSync } from 'node:fs';
import type { Request, Response } from 'express';
const client = new OpenAI();
const ARTICLES: Record<string, string> = { billing: '/help/billing', returns: '/help/returns' };
export async function route(req: Request, res: Response) {
  const response = await client.responses.create({ model: 'gpt-4.1-nano', input: String(req.body.q) });
  // ok: ${ID}
  writeFileSync(\`/tmp/responses/\${response.id}.json\`, JSON.stringify(response));
  const target = ARTICLES[response.output_text.trim()] ?? '/help';
  // ok: ${ID}
  res.redirect(target);
  // ruleid: ${ID}
  res.redirect(response.output_text.trim());
}
`,
    },
  },
  {
    name: 'structured output parsed with zod: a free string field reaches the shell; a constrained one does not',
    files: {
      'plan.ts': `import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { spawnSync } from 'node:child_process';
import { z } from 'zod';
const client = new OpenAI();
const Plan = z.object({ tool: z.enum(['git', 'npm']), script: z.string() });
export async function plan(task: string) {
  const completion = await client.chat.completions.parse({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: task }],
    response_format: zodResponseFormat(Plan, 'plan'),
  });
  const parsed = completion.choices[0].message.parsed!;
  // ok: ${ID}
  spawnSync(parsed.tool, ['status']);
  // ruleid: ${ID}
  spawnSync('sh', ['-c', parsed.script]);
  const again = Plan.parse(JSON.parse(completion.choices[0].message.content ?? '{}'));
  // ruleid: ${ID}
  spawnSync('bash', ['-c', again.script]);
  // ok: ${ID}
  spawnSync(again.tool, ['--version']);
}
`,
    },
  },
  {
    name: 'redirect shapes: a Location header, writeHead, window.location; a relative redirect built from a route id is fine',
    files: {
      'server.ts': `import http from 'node:http';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
export const server = http.createServer(async (req, res) => {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: req.url ?? '' });
  if (req.url === '/a') {
    // ruleid: ${ID}
    res.setHeader('Location', text);
  } else if (req.url === '/b') {
    // ruleid: ${ID}
    res.writeHead(302, { Location: text });
  } else {
    // ok: ${ID}
    res.writeHead(302, { Location: \`/articles/\${Number(text)}\` });
  }
  res.end();
});
export async function client(q: string) {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: q });
  // ruleid: ${ID}
  window.location.href = text;
}
`,
    },
  },
  {
    name: 'model output shown as text, logged, or returned in JSON is fine',
    files: {
      'ok.ts': `import OpenAI from 'openai';
import pino from 'pino';
const logger = pino();
const openai = new OpenAI();
export async function answer(el: HTMLElement, q: string) {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  const text = c.choices[0].message.content ?? '';
  // ok: ${ID}
  logger.info({ text }, 'answer');
  // ok: ${ID}
  el.textContent = text;
  // ok: ${ID}
  el.innerHTML = \`<p>finish: \${c.choices[0].finish_reason}, tokens: \${c.usage?.total_tokens}</p>\`;
  return { text };
}
`,
    },
  },
  {
    name: 'tool-call arguments dispatched by hand are judged by no-unscoped-tools; the completion text is ours',
    files: {
      'loop.ts': `import OpenAI from 'openai';
import { execSync } from 'node:child_process';
const openai = new OpenAI();
export async function step(q: string) {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }], tools: [] });
  for (const call of c.choices[0].message.tool_calls ?? []) {
    const args = JSON.parse(call.function.arguments);
    // ok: ${ID}
    execSync(args.cmd);
  }
  // ruleid: ${ID}
  execSync(c.choices[0].message.content ?? 'true');
}
`,
    },
  },
  {
    name: 'config: a wrapper declared as model output and a project sink; a declared sanitizer cleans',
    config: JSON.stringify({
      sources: [{ module: './lib/llm', name: 'complete', kind: 'model-output' }],
      sinks: [{ module: './lib/db', name: 'runSql', kind: 'sql', args: [0] }],
      sanitizers: [{ name: 'quoteSql', for: ['sql'] }],
    }),
    files: {
      'lib/llm.ts': `export async function complete(prompt: string): Promise<string> {
  const res = await fetch('https://llm.internal.example/v1/complete', { method: 'POST', body: prompt });
  return res.text();
}
`,
      'lib/db.ts': `export async function runSql(text: string, params: unknown[] = []) {
  return { text, params };
}
export function quoteSql(s: string) {
  return s;
}
`,
      'report.ts': `import { complete } from './lib/llm';
import { runSql, quoteSql } from './lib/db';
export async function report(q: string) {
  const query = await complete(\`Write SQL for: \${q}\`);
  // ruleid: ${ID}
  await runSql(query);
  // ok: ${ID}
  await runSql('select * from t where q = $1', [query]);
  // ok: ${ID}
  await runSql(quoteSql(query));
}
`,
    },
  },
  {
    name: 'anthropic messages.parse with zodOutputFormat: a free field into eval, an enum field is fine',
    files: {
      'calc.ts': `import Anthropic from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import { z } from 'zod';
const anthropic = new Anthropic();
const Calc = z.object({ expression: z.string(), unit: z.enum(['eur', 'usd']) });
const RATES: Record<string, number> = { eur: 1, usd: 1.1 };
export async function total(q: string) {
  const msg = await anthropic.messages.parse({ model: 'claude-sonnet-4-5', max_tokens: 300, messages: [{ role: 'user', content: q }], output_format: zodOutputFormat(Calc) });
  const out = msg.parsed_output!;
  // ok: ${ID}
  const rate = eval(\`RATES['\${out.unit}']\`);
  // ruleid: ${ID}
  return Number(eval(out.expression)) * rate;
}
void RATES;
`,
    },
  },
];

testMarkedCases(ID, cases);
testCaseTableSize(ID, cases, 25);

test('the finding names the sink kind, the model call, and the source in another file', () => {
  const c = cases.find((x) => x.name.startsWith('cross-file'))!;
  const f = analyzeFiles(c.files).findings.filter((x) => x.ruleId === ID);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /used as a file path in fs\/promises\.writeFile|used as a file path/);
  assert.match(f[0].message, /Parse the output with a schema and check it against an allow list/);
  assert.ok(f[0].related.some((r) => r.range.file.endsWith('lib/llm.ts')));
});
