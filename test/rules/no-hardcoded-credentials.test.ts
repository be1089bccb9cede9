/**
 * no-hardcoded-credentials: tables of multi-file fixtures with `// ruleid:` / `// ok:` marks across
 * openai, @openai/agents, the Vercel AI SDK, Anthropic, LangChain, Google Gen AI, Mastra and MCP,
 * then the message (masked), related locations and the suggested fix checked mechanically.
 *
 * Keys are built at runtime from a seeded generator so no key-shaped literal sits in this repo.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFiles, expectMarks } from '../helpers/marks.js';
import { testCaseTableSize, testMarkedCases, type MarkedCase } from '../helpers/case-table.js';
import { assertFixWorks } from '../helpers/fixes.js';

const RULE = 'no-hardcoded-credentials';
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** Deterministic random-looking text (a real key has no runs like `abcde`). */
function rand(len: number, seed: number, alphabet = ALPHABET): string {
  // mulberry32
  let x = seed >>> 0;
  const next = () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let out = '';
  while (out.length < len) {
    const c = alphabet[Math.floor(next() * alphabet.length)];
    if (out.length && Math.abs(c.charCodeAt(0) - out.charCodeAt(out.length - 1)) <= 1) continue;
    out += c;
  }
  return out;
}
const HEX = '0123456789abcdef';
const OPENAI_KEY = `sk-proj-${rand(48, 1)}`;
const ANTHROPIC_KEY = `sk-ant-api03-${rand(80, 2)}`;
const ANTHROPIC_OAUTH = `sk-ant-oat01-${rand(60, 3)}`;
const GOOGLE_KEY = `AIza${rand(35, 4)}`;
const GITHUB_TOKEN = `ghp_${rand(36, 5)}`;
const SLACK_TOKEN = `xoxb-${rand(12, 6, '0123456789')}-${rand(24, 7)}`;
const STRIPE_LIVE = `sk_live_${rand(32, 8)}`;
const GROQ_KEY = `gsk_${rand(52, 9)}`;
const HF_TOKEN = `hf_${rand(34, 10)}`;
const AWS_KEY_ID = `AKIA${rand(16, 11, 'ABCDEFGHJKLMNPQRSTUVWXYZ234567')}`;
const GENERIC = rand(40, 12);
const HEX_KEY = rand(32, 13, HEX);
const PASSWORD = 'Tr0ub4dor&3x!';
const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const SERVICE_JWT = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ iss: 'supabase', role: 'service_role', ref: rand(20, 14) })}.${rand(43, 15)}`;
const ANON_JWT = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ iss: 'supabase', role: 'anon', ref: rand(20, 16) })}.${rand(43, 17)}`;
const PEM = `-----BEGIN PRIVATE KEY-----\\n${rand(64, 18)}\\n-----END PRIVATE KEY-----`;


const invalid: MarkedCase[] = [
  {
    name: 'openai: key in new OpenAI({ apiKey })',
    files: {
      'src/openai.ts': `import OpenAI from 'openai';
export const openai = new OpenAI({
  // ruleid: ${RULE}
  apiKey: '${OPENAI_KEY}',
});
`,
    },
  },
  {
    name: 'openai: AzureOpenAI with a hex key that matches no known format',
    files: {
      'src/azure.ts': `import { AzureOpenAI } from 'openai';
// ruleid: ${RULE}
export const azure = new AzureOpenAI({ apiKey: '${HEX_KEY}', endpoint: 'https://acme.openai.azure.com', apiVersion: '2024-10-21' });
`,
    },
  },
  {
    name: 'anthropic: sk-ant key in new Anthropic()',
    files: {
      'src/claude.ts': `import Anthropic from '@anthropic-ai/sdk';
// ruleid: ${RULE}
const anthropic = new Anthropic({ apiKey: '${ANTHROPIC_KEY}' });
export default anthropic;
`,
    },
  },
  {
    name: 'anthropic: OAuth token in authToken',
    files: {
      'src/claude.ts': `import { Anthropic } from '@anthropic-ai/sdk';
export const claude = new Anthropic({
  // ruleid: ${RULE}
  authToken: '${ANTHROPIC_OAUTH}',
});
`,
    },
  },
  {
    name: 'ai-sdk: createOpenAI({ apiKey })',
    files: {
      'lib/providers.ts': `import { createOpenAI } from '@ai-sdk/openai';
// ruleid: ${RULE}
export const openai = createOpenAI({ apiKey: '${OPENAI_KEY}', compatibility: 'strict' });
`,
    },
  },
  {
    name: 'ai-sdk: Google key in createGoogleGenerativeAI',
    files: {
      'lib/google.ts': `import { createGoogleGenerativeAI } from '@ai-sdk/google';
// ruleid: ${RULE}
export const google = createGoogleGenerativeAI({ apiKey: '${GOOGLE_KEY}' });
`,
    },
  },
  {
    name: 'ai-sdk: Groq key',
    files: {
      'lib/groq.ts': `import { createGroq } from '@ai-sdk/groq';
// ruleid: ${RULE}
export const groq = createGroq({ apiKey: '${GROQ_KEY}' });
`,
    },
  },
  {
    name: 'langchain: ChatOpenAI openAIApiKey',
    files: {
      'src/llm.ts': `import { ChatOpenAI } from '@langchain/openai';
export const llm = new ChatOpenAI({
  model: 'gpt-4o-mini',
  // ruleid: ${RULE}
  openAIApiKey: '${OPENAI_KEY}',
});
`,
    },
  },
  {
    name: 'langchain: ChatAnthropic anthropicApiKey with a key of no known format',
    files: {
      'src/claude.ts': `import { ChatAnthropic } from '@langchain/anthropic';
// ruleid: ${RULE}
export const claude = new ChatAnthropic({ model: 'claude-3-5-sonnet-latest', anthropicApiKey: '${GENERIC}' });
`,
    },
  },
  {
    name: 'google-genai: new GoogleGenAI({ apiKey })',
    files: {
      'src/gemini.ts': `import { GoogleGenAI } from '@google/genai';
// ruleid: ${RULE}
export const ai = new GoogleGenAI({ apiKey: '${GOOGLE_KEY}' });
`,
    },
  },
  {
    name: 'google: positional key in new GoogleGenerativeAI()',
    files: {
      'src/gemini.ts': `import { GoogleGenerativeAI } from '@google/generative-ai';
// ruleid: ${RULE}
const genAI = new GoogleGenerativeAI('${GOOGLE_KEY}');
export const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash' });
`,
    },
  },
  {
    name: 'openai-agents: setDefaultOpenAIKey with a literal',
    files: {
      'src/config.ts': `import { setDefaultOpenAIKey } from '@openai/agents';
// ruleid: ${RULE}
setDefaultOpenAIKey('${OPENAI_KEY}');
`,
    },
  },
  {
    name: 'openai-agents: OpenAIProvider apiKey',
    files: {
      'src/provider.ts': `import { OpenAIProvider, Runner } from '@openai/agents';
// ruleid: ${RULE}
const provider = new OpenAIProvider({ apiKey: '${GENERIC}' });
export const runner = new Runner({ modelProvider: provider });
`,
    },
  },
  {
    name: 'cross-file: a constant of no telling name reaches a client in another module',
    files: {
      'src/settings.ts': `// ruleid: ${RULE}
export const PRIMARY = '${GENERIC}';
`,
      'src/agent.ts': `import OpenAI from 'openai';
import { PRIMARY } from './settings';
// ok: ${RULE}
export const client = new OpenAI({ apiKey: PRIMARY });
`,
    },
  },
  {
    name: 'cross-file: config.openai.apiKey set in a config module',
    files: {
      'src/config.ts': `export const config = {
  port: 3000,
  openai: {
    // ruleid: ${RULE}
    apiKey: '${OPENAI_KEY}',
    model: 'gpt-4o-mini',
  },
};
`,
      'src/agent.ts': `import OpenAI from 'openai';
import { config } from './config';
export const openai = new OpenAI({ apiKey: config.openai.apiKey });
`,
    },
  },
  {
    name: 'a KEY constant reused by two agents is reported once, where it is written',
    files: {
      'src/keys.ts': `// ruleid: ${RULE}
export const KEY = '${GENERIC}';
`,
      'src/support.ts': `import { Agent } from '@mastra/core/agent';
import { createOpenAI } from '@ai-sdk/openai';
import { KEY } from './keys';
const openai = createOpenAI({ apiKey: KEY });
export const support = new Agent({ name: 'support', instructions: 'Help.', model: openai('gpt-4o') });
`,
      'src/billing.ts': `import { Agent } from '@mastra/core/agent';
import { createOpenAI } from '@ai-sdk/openai';
import { KEY } from './keys';
const openai = createOpenAI({ apiKey: KEY });
export const billing = new Agent({ name: 'billing', instructions: 'Bill.', model: openai('gpt-4o') });
`,
    },
  },
  {
    name: 'mcp: bearer token in a tool fetch header',
    files: {
      'src/server.ts': `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'github', version: '1.0.0' });
server.registerTool('list_issues', { inputSchema: { repo: z.string() } }, async ({ repo }) => {
  const res = await fetch(\`https://api.github.com/repos/\${repo}/issues\`, {
    headers: {
      // ruleid: ${RULE}
      Authorization: 'Bearer ${GITHUB_TOKEN}',
    },
  });
  return { content: [{ type: 'text', text: await res.text() }] };
});
`,
    },
  },
  {
    name: 'mcp: x-api-key header with a key of no known format',
    files: {
      'src/server.ts': `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const server = new McpServer({ name: 'crm', version: '1.0.0' });
server.tool('lookup', async () => {
  // ruleid: ${RULE}
  const res = await fetch('https://crm.example.com/api/accounts', { headers: { 'x-api-key': '${HEX_KEY}' } });
  return { content: [{ type: 'text', text: await res.text() }] };
});
`,
    },
  },
  {
    name: 'mastra: Octokit auth in a tool module',
    files: {
      'src/tools/github.ts': `import { createTool } from '@mastra/core/tools';
import { Octokit } from '@octokit/rest';
import { z } from 'zod';
// ruleid: ${RULE}
const octokit = new Octokit({ auth: '${GITHUB_TOKEN}' });
export const listRepos = createTool({
  id: 'list-repos',
  description: 'List repositories',
  inputSchema: z.object({ org: z.string() }),
  execute: async ({ context }) => octokit.repos.listForOrg({ org: context.org }),
});
`,
    },
  },
  {
    name: 'slack bot token constant',
    files: {
      'src/notify.ts': `// ruleid: ${RULE}
const SLACK_BOT_TOKEN = '${SLACK_TOKEN}';
export async function notify(text: string) {
  await fetch('https://slack.com/api/chat.postMessage', { method: 'POST', headers: { Authorization: \`Bearer \${SLACK_BOT_TOKEN}\` }, body: JSON.stringify({ channel: '#ops', text }) });
}
`,
    },
  },
  {
    name: 'stripe live secret key in a tool',
    files: {
      'src/tools/refund.ts': `import { tool } from 'ai';
import Stripe from 'stripe';
import { z } from 'zod';
// ruleid: ${RULE}
const stripe = new Stripe('${STRIPE_LIVE}');
export const refund = tool({
  description: 'Refund a charge',
  inputSchema: z.object({ charge: z.string() }),
  execute: async ({ charge }) => stripe.refunds.create({ charge }),
});
`,
    },
  },
  {
    name: 'database password in a tool module',
    files: {
      'src/db.ts': `import { Pool } from 'pg';
export const pool = new Pool({
  host: 'db.internal',
  user: 'agent',
  // ruleid: ${RULE}
  password: '${PASSWORD}',
});
`,
    },
  },
  {
    name: 'private key block',
    files: {
      'src/sign.ts': `// ruleid: ${RULE}
const SIGNING_KEY = '${PEM}';
export const key = SIGNING_KEY;
`,
    },
  },
  {
    name: 'hard-coded fallback after an env read',
    files: {
      'src/openai.ts': `import OpenAI from 'openai';
// ruleid: ${RULE}
export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? '${OPENAI_KEY}' });
`,
    },
  },
  {
    name: 'JSX attribute',
    files: {
      'src/Chat.tsx': `import { Chat } from './chat-widget';
export function Page() {
  // ruleid: ${RULE}
  return <Chat apiKey="${OPENAI_KEY}" model="gpt-4o" />;
}
`,
      'src/chat-widget.tsx': `export function Chat(props: { apiKey: string; model: string }) { return <div>{props.model}</div>; }
`,
    },
  },
  {
    name: 'assignments to a credential property and a header slot',
    files: {
      'src/http.ts': `import axios from 'axios';
const settings: { apiKey?: string } = {};
// ruleid: ${RULE}
settings.apiKey = '${GENERIC}';
// ruleid: ${RULE}
axios.defaults.headers.common['Authorization'] = 'Bearer ${HEX_KEY}';
export { settings };
`,
    },
  },
  {
    name: 'headers.set with a credential header',
    files: {
      'src/http.ts': `export function withAuth(headers: Headers) {
  // ruleid: ${RULE}
  headers.set('Authorization', 'Bearer ${GENERIC}');
  return headers;
}
`,
    },
  },
  {
    name: 'a service-role JWT',
    files: {
      'src/supabase.ts': `import { createClient } from '@supabase/supabase-js';
// ruleid: ${RULE}
export const admin = createClient('https://abc.supabase.co', '${SERVICE_JWT}');
`,
    },
  },
  {
    name: 'langchain community model with a Hugging Face token',
    files: {
      'src/hf.ts': `import { HuggingFaceInference } from '@langchain/community/llms/hf';
// ruleid: ${RULE}
export const model = new HuggingFaceInference({ model: 'gpt2', apiKey: '${HF_TOKEN}' });
`,
    },
  },
  {
    name: 'class field holding a key',
    files: {
      'src/agent.ts': `import OpenAI from 'openai';
export class SupportAgent {
  // ruleid: ${RULE}
  private readonly apiKey = '${OPENAI_KEY}';
  private client = new OpenAI({ apiKey: this.apiKey });
}
`,
    },
  },
  {
    name: 'template literal without substitutions',
    files: {
      'src/gemini.ts': `import { GoogleGenAI } from '@google/genai';
// ruleid: ${RULE}
export const ai = new GoogleGenAI({ apiKey: \`${GOOGLE_KEY}\` });
`,
    },
  },
  {
    name: 'AWS access key id for a Bedrock client',
    files: {
      'src/bedrock.ts': `import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
export const bedrock = new BedrockRuntimeClient({
  region: 'us-east-1',
  // ruleid: ${RULE}
  credentials: { accessKeyId: '${AWS_KEY_ID}', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! },
});
`,
    },
  },
  {
    name: 'plain JavaScript with require()',
    files: {
      'src/client.js': `const OpenAI = require('openai');
// ruleid: ${RULE}
const openai = new OpenAI({ apiKey: '${OPENAI_KEY}' });
module.exports = { openai };
`,
    },
  },
  {
    name: 'a real key format in a place of any name',
    files: {
      'src/boot.ts': `// ruleid: ${RULE}
const defaults = { primary: '${ANTHROPIC_KEY}' };
export default defaults;
`,
    },
  },
];

const valid: MarkedCase[] = [
  {
    name: 'keys read from the environment',
    files: {
      'src/clients.ts': `import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
// ok: ${RULE}
export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
// ok: ${RULE}
export const anthropic = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] ?? '' });
// ok: ${RULE}
export const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY! });
`,
    },
  },
  {
    name: 'placeholders',
    files: {
      'src/setup.ts': `import OpenAI from 'openai';
// ok: ${RULE}
export const a = new OpenAI({ apiKey: 'your-api-key' });
// ok: ${RULE}
export const b = new OpenAI({ apiKey: 'sk-proj-XXXXXXXXXXXXXXXXXXXXXXXX' });
// ok: ${RULE}
export const c = new OpenAI({ apiKey: '<YOUR_OPENAI_API_KEY>' });
// ok: ${RULE}
const API_KEY = 'replace-me-with-your-own-key';
export { API_KEY };
`,
    },
  },
  {
    name: 'sk-... in docs strings and error messages',
    files: {
      'src/check.ts': `if (!process.env.OPENAI_API_KEY) {
  // ok: ${RULE}
  throw new Error('OPENAI_API_KEY is not set (it looks like "sk-proj-...", see docs/setup.md)');
}
// ok: ${RULE}
export const HELP = 'Paste your key, e.g. sk-ant-api03-…, into the settings page.';
`,
    },
  },
  {
    name: 'illustrative places: placeholder attributes and examples',
    files: {
      'src/KeyForm.tsx': `export function KeyForm() {
  // ok: ${RULE}
  return <input name="apiKey" placeholder="${OPENAI_KEY}" />;
}
export const schema = {
  // ok: ${RULE}
  apiKey: { type: 'string', example: '${OPENAI_KEY}' },
};
`,
    },
  },
  {
    name: 'made-up keys in a test file',
    files: {
      'src/__tests__/agent.test.ts': `import Anthropic from '@anthropic-ai/sdk';
// ok: ${RULE}
const mock = new Anthropic({ apiKey: 'test-key', baseURL: 'http://127.0.0.1:4010' });
// ok: ${RULE}
const other = new Anthropic({ apiKey: '${GENERIC}' });
export { mock, other };
`,
    },
  },
  {
    name: 'stripe test-mode and publishable keys',
    files: {
      'src/stripe.ts': `import Stripe from 'stripe';
// ok: ${RULE}
export const stripe = new Stripe('sk_test_${rand(32, 30)}');
// ok: ${RULE}
export const publishableKey = 'pk_live_${rand(32, 31)}';
// ok: ${RULE}
export const NEXT_PUBLIC_STRIPE_KEY = 'pk_test_${rand(32, 32)}';
`,
    },
  },
  {
    name: 'model names and other configuration',
    files: {
      'src/agent.ts': `import OpenAI from 'openai';
const openai = new OpenAI({
  // ok: ${RULE}
  apiKey: process.env.OPENAI_API_KEY,
  // ok: ${RULE}
  organization: 'org-acme-finance-team',
  // ok: ${RULE}
  project: 'proj_extractor_pipeline',
});
export async function run(q: string) {
  // ok: ${RULE}
  return openai.chat.completions.create({ model: 'gpt-4o-mini-2024-07-18', messages: [{ role: 'user', content: q }], max_tokens: 512 });
}
`,
    },
  },
  {
    name: 'ids and UUIDs',
    files: {
      'src/ids.ts': `// ok: ${RULE}
export const INVOICE_ASSISTANT_ID = 'asst_${rand(24, 33)}';
// ok: ${RULE}
export const tenantId = '3f2b8c1e-9d4a-4e7b-a6c5-0b1d2e3f4a5b';
// ok: ${RULE}
export const apiKeyId = 'key_${rand(24, 34)}';
// ok: ${RULE}
export const tokenName = 'ci-deploy-token-v2';
`,
    },
  },
  {
    name: 'hashes and digests',
    files: {
      'src/integrity.ts': `// ok: ${RULE}
const TEMPLATE_SHA256 = '${rand(64, 35, HEX)}';
// ok: ${RULE}
const tokenHash = '${rand(64, 36, HEX)}';
// ok: ${RULE}
const BUILD_SHA = '${rand(40, 37, HEX)}';
export { TEMPLATE_SHA256, tokenHash, BUILD_SHA };
`,
    },
  },
  {
    name: 'Firebase web config: its apiKey is a public identifier',
    files: {
      'src/firebase.ts': `import { initializeApp } from 'firebase/app';
export const app = initializeApp({
  // ok: ${RULE}
  apiKey: '${GOOGLE_KEY}',
  authDomain: 'acme-app.firebaseapp.com',
  projectId: 'acme-app',
  messagingSenderId: '123456789012',
});
`,
    },
  },
  {
    name: 'Supabase anon key',
    files: {
      'src/supabase.ts': `import { createClient } from '@supabase/supabase-js';
// ok: ${RULE}
export const supabase = createClient('https://abc.supabase.co', '${ANON_JWT}');
`,
    },
  },
  {
    name: 'env var names and secret lookups by name',
    files: {
      'src/secrets.ts': `declare function getEnv(name: string): string;
declare const secrets: { get(name: string): Promise<string> };
// ok: ${RULE}
export const apiKeyEnv = 'OPENAI_API_KEY';
// ok: ${RULE}
export const key = getEnv('OPENAI_API_KEY');
// ok: ${RULE}
export const token = await secrets.get('prod/github/deploy-token');
// ok: ${RULE}
export const secretName = 'prod/openai/api-key';
`,
    },
  },
  {
    name: 'header names and credential endpoints',
    files: {
      'src/http.ts': `// ok: ${RULE}
export const apiKeyHeader = 'x-api-key';
export function call(apiKey: string) {
  // ok: ${RULE}
  return fetch('https://oauth2.googleapis.com/token', { headers: { 'x-api-key': apiKey } });
}
// ok: ${RULE}
export const tokenUrl = 'https://login.microsoftonline.com/common/oauth2/v2.0/token';
// ok: ${RULE}
export const TOKEN_STORAGE_KEY = 'acme.auth.session.token';
`,
    },
  },
  {
    name: 'bearer header built from the environment',
    files: {
      'src/tool.ts': `import { tool } from 'ai';
import { z } from 'zod';
export const issues = tool({
  description: 'List issues',
  inputSchema: z.object({ repo: z.string().regex(/^[\\w.-]+\\/[\\w.-]+$/) }),
  execute: async ({ repo }) =>
    // ok: ${RULE}
    fetch(\`https://api.github.com/repos/\${repo}/issues\`, { headers: { Authorization: \`Bearer \${process.env.GITHUB_TOKEN}\` } }).then((r) => r.json()),
});
`,
    },
  },
  {
    name: 'weak dev defaults are not real-looking passwords',
    files: {
      'src/db.ts': `import { Pool } from 'pg';
// ok: ${RULE}
export const pool = new Pool({ user: 'postgres', password: 'postgres', database: 'agents' });
`,
    },
  },
  {
    name: 'made-up sequential keys',
    files: {
      'src/demo.ts': `import OpenAI from 'openai';
// ok: ${RULE}
export const demo = new OpenAI({ apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789' });
`,
    },
  },
  {
    name: 'AWS documentation example key',
    files: {
      'src/aws.ts': `// ok: ${RULE}
export const accessKeyId = 'AKIAIOSFODNN7EXAMPLE';
`,
    },
  },
  {
    name: 'cache keys, tokenizer names, i18n keys',
    files: {
      'src/misc.ts': `// ok: ${RULE}
export const CACHE_KEY = 'conversation:v2:history:${rand(8, 38)}';
// ok: ${RULE}
export const tokenizer = 'cl100k_base';
declare function t(key: string): string;
// ok: ${RULE}
export const label = t('errors.invalid_api_key');
// ok: ${RULE}
export const auth = localStorage.getItem('auth_token_v2');
`,
    },
  },
  {
    name: 'runtime secrets from a vault',
    files: {
      'src/agent.ts': `import { Agent } from '@openai/agents';
import { OpenAIProvider } from '@openai/agents';
declare const vault: { read(path: string): Promise<string> };
// ok: ${RULE}
export const provider = new OpenAIProvider({ apiKey: await vault.read('secret/agents/support') });
export const support = new Agent({ name: 'support', instructions: 'Help.' });
`,
    },
  },
  {
    name: 'keys typed as string literal types and import paths',
    files: {
      'src/types.ts': `// ok: ${RULE}
import type { ClientOptions } from 'openai/resources/chat/completions';
// ok: ${RULE}
export type KeyKind = 'sk-proj-service-account-key';
export type Opts = ClientOptions;
`,
    },
  },
  {
    name: 'a client key passed in by the caller (bring your own key)',
    files: {
      'src/byok.ts': `import OpenAI from 'openai';
export function clientFor(userKey: string) {
  // ok: ${RULE}
  return new OpenAI({ apiKey: userKey });
}
`,
    },
  },
  {
    name: 'mastra agent on the model router',
    files: {
      'src/agent.ts': `import { Agent } from '@mastra/core/agent';
// ok: ${RULE}
export const agent = new Agent({ name: 'support', instructions: 'Help customers.', model: 'openai/gpt-4o-mini' });
`,
    },
  },
  {
    name: 'public keys and recaptcha site keys',
    files: {
      'src/public.ts': `// ok: ${RULE}
export const publicKey = '${rand(44, 39)}';
// ok: ${RULE}
export const recaptchaSiteKey = '6Lc${rand(37, 40)}';
// ok: ${RULE}
export const mapboxToken = 'pk.${rand(60, 41)}';
`,
    },
  },
  {
    name: 'passwords from the environment and field names',
    files: {
      'src/login.ts': `// ok: ${RULE}
export const passwordField = 'current-password';
// ok: ${RULE}
export const dbPassword = process.env.DB_PASSWORD ?? '';
// ok: ${RULE}
export const passwordPolicy = 'min-12-chars-mixed-case';
`,
    },
  },
  {
    name: 'MCP server with a token from the environment',
    files: {
      'src/server.ts': `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const server = new McpServer({ name: 'github', version: '1.0.0' });
// ok: ${RULE}
const token = process.env.GITHUB_TOKEN;
server.tool('whoami', async () => {
  // ok: ${RULE}
  const res = await fetch('https://api.github.com/user', { headers: { Authorization: \`token \${token}\` } });
  return { content: [{ type: 'text', text: await res.text() }] };
});
`,
    },
  },
];

describe(RULE, () => {
  testCaseTableSize(RULE, [...invalid, ...valid], 25);
  describe('reports', () => testMarkedCases(RULE, invalid));
  describe('does not report', () => testMarkedCases(RULE, valid));

  it('judges test files by their path inside the project, not the folders above it', () => {
    const files = { 'src/client.ts': `import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: '${GENERIC}' });\n` };
    const findings = analyzeFiles(files, undefined, '/home/ci/tests/acme-agents').findings.filter((f) => f.ruleId === RULE);
    assert.equal(findings.length, 1);
  });

  describe('messages', () => {
    it('never print the secret in full, and say what, why and what to do', () => {
      for (const c of invalid) {
        for (const f of analyzeFiles(c.files).findings.filter((x) => x.ruleId === RULE)) {
          for (const secret of [OPENAI_KEY, ANTHROPIC_KEY, ANTHROPIC_OAUTH, GOOGLE_KEY, GITHUB_TOKEN, SLACK_TOKEN, STRIPE_LIVE, GROQ_KEY, HF_TOKEN, AWS_KEY_ID, GENERIC, HEX_KEY, PASSWORD, SERVICE_JWT]) {
            assert.ok(!f.message.includes(secret), `${c.name}: message leaks the secret: ${f.message}`);
            assert.ok(!f.message.includes(secret.slice(0, 12)), `${c.name}: message shows more than a short prefix: ${f.message}`);
          }
          assert.match(f.message, /^Hard-coded /, 'says what');
          assert.match(f.message, /anyone who can read this code/, 'says why');
          assert.match(f.message, /process\.env\.[A-Z_]+/, 'says what to do');
        }
      }
    });

    it('names the key type and shows a masked prefix', () => {
      const [f] = expectMarks(invalid[0].files, RULE);
      assert.match(f.message, /OpenAI API key `sk-pro…\(56 chars\)`/);
      assert.match(f.message, /process\.env\.OPENAI_API_KEY/);
    });

    it('points at the client that authenticates with a key declared in another file', () => {
      const c = invalid.find((x) => x.name.startsWith('cross-file: a constant'))!;
      const [f] = expectMarks(c.files, RULE);
      assert.equal(f.related.length, 1);
      assert.match(f.related[0].range.file, /src\/agent\.ts$/);
      assert.equal(f.related[0].range.startPos.line, 4);
      assert.match(f.related[0].message, /openai client/);
    });
  });

  describe('fixes', () => {
    it('every finding suggests reading the environment, and the fix removes it', () => {
      for (const c of invalid) {
        const findings = analyzeFiles(c.files).findings.filter((x) => x.ruleId === RULE);
        for (const f of findings) {
          assert.equal(f.fixes[0]?.kind, 'suggestion', c.name);
          assertFixWorks(c.files, f);
        }
      }
    });

    it('uses the env var the SDK reads by default for a client key', () => {
      const [f] = expectMarks(invalid[0].files, RULE);
      const fixed = assertFixWorks(invalid[0].files, f);
      assert.match(fixed['src/openai.ts'], /apiKey: process\.env\.OPENAI_API_KEY,/);
    });

    it('drops a hard-coded fallback and keeps the env read', () => {
      const c = invalid.find((x) => x.name.startsWith('hard-coded fallback'))!;
      const [f] = expectMarks(c.files, RULE);
      const fixed = assertFixWorks(c.files, f);
      assert.match(fixed['src/openai.ts'], /new OpenAI\(\{ apiKey: process\.env\.OPENAI_API_KEY \}\)/);
    });

    it('keeps the Bearer scheme, names the env var after the place, and wraps JSX attributes', () => {
      const bearer = invalid.find((x) => x.name.startsWith('headers.set'))!;
      const fixedBearer = assertFixWorks(bearer.files, expectMarks(bearer.files, RULE)[0]);
      assert.match(fixedBearer['src/http.ts'], /headers\.set\('Authorization', `Bearer \$\{process\.env\.API_TOKEN\}`\)/);

      const config = invalid.find((x) => x.name.startsWith('cross-file: config.openai'))!;
      const fixedConfig = assertFixWorks(config.files, expectMarks(config.files, RULE)[0]);
      assert.match(fixedConfig['src/config.ts'], /apiKey: process\.env\.OPENAI_API_KEY,/);

      const jsx = invalid.find((x) => x.name === 'JSX attribute')!;
      const fixedJsx = assertFixWorks(jsx.files, expectMarks(jsx.files, RULE)[0]);
      assert.match(fixedJsx['src/Chat.tsx'], /apiKey=\{process\.env\.OPENAI_API_KEY!\}/);
    });

    it('writes no TypeScript-only syntax into JavaScript files', () => {
      const c = invalid.find((x) => x.name.startsWith('plain JavaScript'))!;
      const fixed = assertFixWorks(c.files, expectMarks(c.files, RULE)[0]);
      assert.match(fixed['src/client.js'], /apiKey: process\.env\.OPENAI_API_KEY \}/);
    });
  });
});
