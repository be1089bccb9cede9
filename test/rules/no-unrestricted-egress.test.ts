import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFiles } from '../helpers/marks.js';
import { testCaseTableSize, testMarkedCases, type MarkedCase } from '../helpers/case-table.js';
import { assertFixWorks } from '../helpers/fixes.js';

const ID = 'no-unrestricted-egress';

/** Each case is a small project: marks say what must and must not be reported. */
const cases: MarkedCase[] = [
  {
    name: 'vercel ai tools: a model-chosen URL; a fixed host with a model-chosen path or query is fine',
    files: {
      'tools.ts': `import { tool } from 'ai';
import { z } from 'zod';
export const fetchPage = tool({
  description: 'Fetch a web page',
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    // ruleid: ${ID}
    const res = await fetch(url, { redirect: 'follow' });
    return (await res.text()).slice(0, 50_000);
  },
});
export const weather = tool({
  description: 'Weather for a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => {
    // ok: ${ID}
    const res = await fetch(\`https://wttr.in/\${encodeURIComponent(city)}?format=j1\`);
    return res.json();
  },
});
export const issues = tool({
  description: 'List issues',
  inputSchema: z.object({ owner: z.string(), repo: z.string() }),
  execute: async ({ owner, repo }) => {
    // ok: ${ID}
    const res = await fetch(\`https://api.github.com/repos/\${owner}/\${repo}/issues\`);
    return res.json();
  },
});
`,
    },
  },
  {
    name: '@openai/agents tools: axios with a model-chosen URL; a host allow-list check is fine',
    files: {
      'tools.ts': `import { tool } from '@openai/agents';
import axios from 'axios';
import { z } from 'zod';
const ALLOWED_HOSTS = new Set(['docs.example.com', 'api.example.com']);
export const download = tool({
  name: 'download',
  description: 'Download a URL',
  parameters: z.object({ url: z.string() }),
  async execute({ url }) {
    // ruleid: ${ID}
    const { data } = await axios.get(url);
    return String(data);
  },
});
export const readDocs = tool({
  name: 'read_docs',
  description: 'Read an approved documentation page',
  parameters: z.object({ url: z.string() }),
  async execute({ url }) {
    const { hostname, protocol } = new URL(url);
    if (protocol !== 'https:' || !ALLOWED_HOSTS.has(hostname)) throw new Error('host not allowed');
    // ok: ${ID}
    const { data } = await axios.get(url);
    return String(data);
  },
});
`,
    },
  },
  {
    name: 'langchain tools: got and ky with a model-chosen URL; a prefix check and an env URL are fine',
    files: {
      'tools.ts': `import { tool } from '@langchain/core/tools';
import got from 'got';
import ky from 'ky';
import { z } from 'zod';
export const crawl = tool(async ({ url }) => {
  // ruleid: ${ID}
  return got(url).text();
}, { name: 'crawl', description: 'Crawl', schema: z.object({ url: z.string() }) });
export const probe = tool(async ({ url }) => {
  // ruleid: ${ID}
  return ky.get(url).text();
}, { name: 'probe', description: 'Probe', schema: z.object({ url: z.string() }) });
export const partner = tool(async ({ url }) => {
  if (!url.startsWith('https://partner.example.com/')) throw new Error('only the partner API');
  // ok: ${ID}
  return got(url).text();
}, { name: 'partner', description: 'Partner API', schema: z.object({ url: z.string() }) });
export const notify = tool(async ({ text }) => {
  // ok: ${ID}
  await fetch(process.env.ONCALL_WEBHOOK_URL!, { method: 'POST', body: JSON.stringify({ text }) });
  return 'sent';
}, { name: 'notify', description: 'Page on-call', schema: z.object({ text: z.string() }) });
`,
    },
  },
  {
    name: 'mcp: undici request with a model-chosen URL; an enum-constrained host is fine',
    files: {
      'server.ts': `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { request } from 'undici';
import { z } from 'zod';
const server = new McpServer({ name: 'web', version: '1.0.0' });
server.registerTool('fetch_url', { description: 'Fetch', inputSchema: { url: z.string() } }, async ({ url }) => {
  // ruleid: ${ID}
  const res = await request(url);
  return { content: [{ type: 'text', text: await res.body.text() }] };
});
server.registerTool('status', { description: 'Status', inputSchema: { host: z.enum(['status.example.com', 'api.example.com']) } }, async ({ host }) => {
  // ok: ${ID}
  const res = await request(\`https://\${host}/health\`);
  return { content: [{ type: 'text', text: String(res.statusCode) }] };
});
`,
    },
  },
  {
    name: 'mastra tools: a model-chosen base URL; a lookup of fixed endpoints is fine',
    files: {
      'tools.ts': `import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
const ENDPOINTS: Record<string, string> = { billing: 'https://billing.internal/api', crm: 'https://crm.internal/api' };
export const callApi = createTool({
  id: 'call-api',
  description: 'Call an internal API',
  inputSchema: z.object({ baseUrl: z.string(), path: z.string() }),
  execute: async (inputData) => {
    // ruleid: ${ID}
    const res = await fetch(\`\${inputData.baseUrl}/\${inputData.path}\`);
    return res.json();
  },
});
export const callService = createTool({
  id: 'call-service',
  description: 'Call a known service',
  inputSchema: z.object({ service: z.string(), path: z.string() }),
  execute: async ({ service, path }) => {
    // ok: ${ID}
    const res = await fetch(\`\${ENDPOINTS[service]}/\${path}\`);
    return res.json();
  },
});
`,
    },
  },
  {
    name: 'anthropic tool runner: http.get with a model-chosen URL; a configured allow-list check is fine',
    config: JSON.stringify({ allowListChecks: ['policy.checkEgress'] }),
    files: {
      'tools.ts': `import { betaZodTool } from '@anthropic-ai/sdk/helpers/beta/zod';
import https from 'node:https';
import { z } from 'zod';
import { policy } from './policy';
export const head = betaZodTool({
  name: 'head',
  description: 'HEAD a URL',
  inputSchema: z.object({ url: z.string() }),
  run: async ({ url }) => {
    // ruleid: ${ID}
    https.get(url, () => undefined);
    return 'ok';
  },
});
export const safeHead = betaZodTool({
  name: 'safe_head',
  description: 'HEAD an approved URL',
  inputSchema: z.object({ url: z.string() }),
  run: async ({ url }) => {
    policy.checkEgress(url);
    // ok: ${ID}
    https.get(url, () => undefined);
    return 'ok';
  },
});
`,
      'policy.ts': `export const policy = { checkEgress(url: string) { if (!url) throw new Error('no'); } };\n`,
    },
  },
  {
    name: 'model output as a URL: generateText and google genai; a JSON body to a fixed host is fine',
    files: {
      'enrich.ts': `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { GoogleGenAI } from '@google/genai';
const ai = new GoogleGenAI({});
export async function homepage(company: string) {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: \`Homepage URL of \${company}?\` });
  // ruleid: ${ID}
  const html = await fetch(text.trim()).then((r) => r.text());
  // ok: ${ID}
  await fetch('https://crm.example.com/api/notes', { method: 'POST', body: JSON.stringify({ company, text }) });
  return html;
}
export async function image(product: string) {
  const response = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: product });
  // ruleid: ${ID}
  const img = await fetch(response.text!.trim());
  return img.arrayBuffer();
}
`,
    },
  },
  {
    name: 'browser agents: playwright and puppeteer goto a model-chosen URL',
    files: {
      'browse.ts': `import { chromium } from 'playwright';
import puppeteer from 'puppeteer';
import { tool } from 'ai';
import { z } from 'zod';
export const open = tool({
  description: 'Open a page',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    const browser = await chromium.launch();
    const page = await browser.newPage();
    // ruleid: ${ID}
    await page.goto(url);
    return page.content();
  },
});
export const screenshot = tool({
  description: 'Screenshot a page',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    const browser = await puppeteer.launch();
    const tab = await browser.newPage();
    // ruleid: ${ID}
    await tab.goto(url, { waitUntil: 'networkidle0' });
    return tab.screenshot({ encoding: 'base64' });
  },
});
`,
    },
  },
  {
    name: 'cross-file: a tool hands its URL to an http helper in another module',
    files: {
      'lib/http.ts': `export async function fetchPage(target: string): Promise<string> {
  // ruleid: ${ID}
  const res = await fetch(target);
  return res.text();
}
export async function fetchDoc(path: string): Promise<string> {
  // ok: ${ID}
  const res = await fetch(new URL(\`/docs/\${path}\`, 'https://docs.example.com'));
  return res.text();
}
export async function fetchAny(path: string): Promise<string> {
  // An absolute URL ignores the base: new URL('https://evil.example', base) goes to evil.example.
  // ruleid: ${ID}
  const res = await fetch(new URL(path, 'https://docs.example.com'));
  return res.text();
}
`,
      'tools.ts': `import { tool } from 'ai';
import { z } from 'zod';
import { fetchAny, fetchDoc, fetchPage } from './lib/http';
export const read = tool({
  description: 'Read a page',
  inputSchema: z.object({ url: z.string(), path: z.string() }),
  execute: async ({ url, path }) => (await fetchPage(url)) + (await fetchDoc(path)) + (await fetchAny(path)),
});
`,
    },
  },
  {
    name: 'cross-file: model output returned by a helper, requested with axios options and new Request',
    files: {
      'lib/pick.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function pickUrl(q: string): Promise<string> {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  return c.choices[0].message.content ?? '';
}
`,
      'go.ts': `import axios from 'axios';
import { pickUrl } from './lib/pick';
export async function go(q: string) {
  const url = await pickUrl(q);
  // ruleid: ${ID}
  await axios({ method: 'get', url });
  // ruleid: ${ID}
  await fetch(new Request(url));
  // ok: ${ID}
  await axios({ baseURL: 'https://api.example.com', url: \`/search?q=\${encodeURIComponent(url)}\` });
}
`,
    },
  },
  {
    name: 'hand-dispatched tool calls: model arguments choose the URL',
    files: {
      'loop.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function step(q: string) {
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  for (const call of c.choices[0].message.tool_calls ?? []) {
    const args = JSON.parse(call.function.arguments) as { url: string };
    // ruleid: ${ID}
    await fetch(args.url);
  }
}
`,
    },
  },
  {
    name: 'blocklists and format checks do not restrict the host',
    files: {
      'tools.ts': `import { tool } from 'ai';
import { z } from 'zod';
const BLOCKED = ['169.254.169.254', 'localhost'];
function isValidUrl(u: string) { try { new URL(u); return true; } catch { return false; } }
export const get = tool({
  description: 'GET a URL',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    if (!isValidUrl(url)) throw new Error('bad url');
    if (BLOCKED.includes(new URL(url).hostname)) throw new Error('blocked');
    // ruleid: ${ID}
    return (await fetch(url)).text();
  },
});
`,
    },
  },
  {
    name: 'allow-list shapes: a named assert, a config list in code, a filter, a switch',
    files: {
      'tools.ts': `import { tool } from 'ai';
import { z } from 'zod';
import config from './egress.json';
function assertAllowedHost(url: string) {
  if (!['api.example.com'].includes(new URL(url).hostname)) throw new Error('host');
}
export const a = tool({
  description: 'a',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    assertAllowedHost(url);
    // ok: ${ID}
    return (await fetch(url)).text();
  },
});
export const b = tool({
  description: 'b',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    if (!config.approvedEgressHosts.includes(new URL(url).hostname)) throw new Error('unapproved host');
    // ok: ${ID}
    return (await fetch(url)).text();
  },
});
export const c = tool({
  description: 'c',
  inputSchema: z.object({ urls: z.array(z.string()) }),
  execute: async ({ urls }) => {
    const allowed = urls.filter((u) => config.approvedEgressHosts.includes(new URL(u).hostname));
    // ok: ${ID}
    return Promise.all(allowed.map((u) => fetch(u)));
  },
});
export const d = tool({
  description: 'd',
  inputSchema: z.object({ site: z.string() }),
  execute: async ({ site }) => {
    switch (site) {
      case 'https://status.example.com':
        // ok: ${ID}
        return (await fetch(site)).text();
      default:
        return 'unknown';
    }
  },
});
`,
      'egress.json': `{ "approvedEgressHosts": ["api.example.com"] }\n`,
    },
  },
  {
    name: 'a handler parameter or a constant is not model-chosen',
    files: {
      'route.ts': `import express from 'express';
export const router = express.Router();
const STATUS_URL = 'https://status.example.com/api';
export async function check(target: string) {
  // ok: ${ID}
  return fetch(target);
}
router.get('/status', async (_req, res) => {
  // ok: ${ID}
  const r = await fetch(STATUS_URL);
  res.json(await r.json());
});
`,
    },
  },
  {
    name: 'http.request options with a model-chosen host; node-fetch with a model-chosen URL',
    files: {
      'tools.ts': `import { tool } from 'ai';
import http from 'node:http';
import nodeFetch from 'node-fetch';
import { z } from 'zod';
export const ping = tool({
  description: 'Ping a host',
  inputSchema: z.object({ host: z.string(), port: z.number() }),
  execute: async ({ host, port }) => {
    // ruleid: ${ID}
    http.request({ hostname: host, port, path: '/' }).end();
    // ok: ${ID}
    http.request({ hostname: 'localhost', port, path: \`/\${host}\` }).end();
    return 'ok';
  },
});
export const grab = tool({
  description: 'Grab',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    // ruleid: ${ID}
    const r = await nodeFetch(url);
    return r.text();
  },
});
`,
    },
  },
  {
    name: 'config: a team http wrapper declared as a network sink, and a declared URL sanitizer',
    config: JSON.stringify({
      sinks: [{ module: './lib/net', name: 'httpGet', kind: 'network' }],
      sanitizers: [{ module: './lib/net', name: 'toApprovedUrl', for: ['network'] }],
    }),
    files: {
      'lib/net.ts': `export async function httpGet(url: string) {
  return url;
}
export function toApprovedUrl(url: string) {
  return url;
}
`,
      'tools.ts': `import { tool } from 'ai';
import { z } from 'zod';
import { httpGet, toApprovedUrl } from './lib/net';
export const t = tool({
  description: 'GET',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    // ruleid: ${ID}
    await httpGet(url);
    // ok: ${ID}
    return httpGet(toApprovedUrl(url));
  },
});
`,
    },
  },
  {
    name: 'more clients and frameworks: superagent, ofetch, cross-fetch; model output from mastra, langchain and @openai/agents',
    files: {
      'tools.ts': `import { tool } from 'ai';
import superagent from 'superagent';
import { ofetch } from 'ofetch';
import crossFetch from 'cross-fetch';
import { z } from 'zod';
export const t = tool({
  description: 'GET',
  inputSchema: z.object({ url: z.string(), host: z.string() }),
  execute: async ({ url, host }) => {
    const target = url.trim();
    // ruleid: ${ID}
    await superagent.get(target);
    // ruleid: ${ID}
    await ofetch(\`https://\${host}/api\`);
    // ruleid: ${ID}
    return crossFetch(url);
  },
});
`,
      'agents.ts': `import { Agent } from '@mastra/core/agent';
import { openai } from '@ai-sdk/openai';
import { ChatOpenAI } from '@langchain/openai';
import { Agent as OpenAIAgent, run } from '@openai/agents';
import axios from 'axios';
import { chromium } from 'playwright';
const scout = new Agent({ name: 'scout', instructions: 'Find URLs.', model: openai('gpt-4o') });
const llm = new ChatOpenAI({ model: 'gpt-4o' });
const picker = new OpenAIAgent({ name: 'picker', instructions: 'Pick a URL.' });
export async function follow(q: string) {
  const result = await scout.generate(q);
  // ruleid: ${ID}
  await fetch(result.text);
  const ai = await llm.invoke(q);
  // ruleid: ${ID}
  await axios.post(String(ai.content), { q });
  const picked = await run(picker, q);
  const page = await (await chromium.launch()).newPage();
  // ruleid: ${ID}
  await page.goto(String(picked.finalOutput));
  // ok: ${ID}
  await fetch(\`https://api.example.com/\${encodeURIComponent(result.text)}\`);
  // ok: ${ID}
  await fetch('https://api.example.com/search', { headers: { 'X-Query': String(ai.content) } });
}
`,
    },
  },
  {
    name: 'more restrictions: an exact URL list, a host equality, an anchored pattern, an enum of URLs',
    files: {
      'tools.ts': `import { tool } from 'ai';
import { z } from 'zod';
const ALLOWED_URLS = ['https://a.example.com/feed', 'https://b.example.com/feed'];
export const feeds = tool({
  description: 'Read a feed',
  inputSchema: z.object({ url: z.string(), other: z.string(), feed: z.enum(['https://a.example.com/feed', 'https://b.example.com/feed']) }),
  execute: async ({ url, other, feed }) => {
    if (!ALLOWED_URLS.includes(url)) throw new Error('unknown feed');
    // ok: ${ID}
    const a = await fetch(url);
    if (new URL(other).hostname !== 'b.example.com') throw new Error('wrong host');
    // ok: ${ID}
    const b = await fetch(other);
    // ok: ${ID}
    const c = await fetch(feed);
    return [a.status, b.status, c.status];
  },
});
export const docs = tool({
  description: 'Read docs',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    if (!/^https:\\/\\/docs\\.example\\.com\\/[\\w/-]*$/.test(url)) throw new Error('docs only');
    // ok: ${ID}
    return (await fetch(url)).text();
  },
});
`,
    },
  },
  {
    name: 'a host destructured from a parsed URL held in a variable restricts the URL; a sibling argument does not',
    files: {
      'tools.ts': `import { tool } from 'ai';
import { z } from 'zod';
const ALLOWED_HOSTS = new Set(['docs.example.com']);
export const page = tool({
  description: 'Read a page',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    const target = new URL(url);
    const { hostname } = target;
    if (!ALLOWED_HOSTS.has(hostname)) throw new Error('host not allowed');
    // ok: ${ID}
    return (await fetch(url)).text();
  },
});
export const mirror = tool({
  description: 'Read a page from a mirror',
  inputSchema: z.object({ mirror: z.string(), url: z.string() }),
  execute: async (args) => {
    const { mirror } = args;
    if (!ALLOWED_HOSTS.has(mirror)) throw new Error('mirror not allowed');
    // ruleid: ${ID}
    return (await fetch(args.url)).text();
  },
});
`,
    },
  },
  {
    name: 'spec tools: a dispatcher reads each tool call\'s arguments beside its name',
    files: {
      'travel.ts': `import { GoogleGenAI, Type, type FunctionCall } from '@google/genai';
const ai = new GoogleGenAI({});
const openLink = { name: 'open_link', parameters: { type: Type.OBJECT, properties: { url: { type: Type.STRING } } } };
const placeDetails = { name: 'place_details', parameters: { type: Type.OBJECT, properties: { placeId: { type: Type.STRING } } } };
async function execute(call: FunctionCall) {
  const args = (call.args ?? {}) as Record<string, string>;
  switch (call.name) {
    case 'open_link':
      // ruleid: ${ID}
      return (await fetch(args.url)).text();
    case 'place_details':
      // ok: ${ID}
      return (await fetch('https://places.example.com/v1/' + encodeURIComponent(args.placeId))).json();
  }
}
export async function send(message: string) {
  const chat = ai.chats.create({ model: 'gemini-2.5-flash', config: { tools: [{ functionDeclarations: [openLink, placeDetails] }] } });
  const response = await chat.sendMessage({ message });
  for (const call of response.functionCalls ?? []) await execute(call);
}`,
    },
  },
];

testMarkedCases(ID, cases);
testCaseTableSize(ID, cases, 25);

const TOOL = {
  'tools.ts': `import { tool } from 'ai';
import { z } from 'zod';
export const fetchPage = tool({
  description: 'Fetch a page',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    const res = await fetch(url);
    return res.text();
  },
});
`,
};

test('the finding names the sink, the tool argument, and the configured hosts', () => {
  const f = analyzeFiles(TOOL, { approvedEgressHosts: ['api.example.com'] }).findings.filter((x) => x.ruleId === ID);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /^fetch sends a request to a URL chosen by argument `url` of tool/);
  assert.match(f[0].message, /\(api\.example\.com\)/);
});

test('suggestion: an allow-list check with the configured hosts before the request; applying twice changes nothing', () => {
  const config = { approvedEgressHosts: ['api.example.com', 'docs.example.com'] };
  const f = analyzeFiles(TOOL, config).findings.find((x) => x.ruleId === ID)!;
  assert.equal(f.fixes[0].kind, 'suggestion');
  const after = assertFixWorks(TOOL, f, config);
  assert.match(after['tools.ts'], /const APPROVED_EGRESS_HOSTS = new Set\(\["api\.example\.com","docs\.example\.com"\]\);/);
  assert.match(after['tools.ts'], /\n    if \(!APPROVED_EGRESS_HOSTS\.has\(new URL\(String\(url\)\)\.hostname\)\) throw new Error\('Egress to an unapproved host'\);\n    const res = await fetch\(url\);/);
  assert.deepEqual(analyzeFiles(after, config).findings.filter((x) => x.ruleId === ID), []);
});

test('no suggestion without configured hosts, or when the request sits in an expression body', () => {
  assert.deepEqual(analyzeFiles(TOOL).findings.find((x) => x.ruleId === ID)!.fixes, []);
  const files = {
    'tools.ts': `import { tool } from 'ai';
import { z } from 'zod';
export const t = tool({ description: 'x', inputSchema: z.object({ url: z.string() }), execute: async ({ url }) => (await fetch(url)).text() });
`,
  };
  assert.deepEqual(analyzeFiles(files, { approvedEgressHosts: ['a.example'] }).findings.find((x) => x.ruleId === ID)!.fixes, []);
});
