// Generates a synthetic agent project of N files for benchmarks: a few shared modules (clients,
// logger, redactor), agent modules (model calls, tools, prompts built from user records) and many
// ordinary service modules that import each other, the mix a real product repository has.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The file the benchmarks edit: an agent module with a model call, a tool and a user record in the prompt. */
export const EDITED_FILE = 'src/agents/agent-0.ts';

const shared = {
  'src/lib/clients.ts': `import OpenAI from 'openai';
export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
`,
  'src/lib/logger.ts': `import pino from 'pino';
export const logger = pino({ name: 'bench' });
`,
  'src/lib/redact.ts': `export function redactPII(text: string): string {
  return text.replace(/[A-Z0-9._%+-]+@[A-Z0-9.-]+/gi, '[EMAIL]');
}
`,
  'package.json': JSON.stringify({ name: 'bench-agent-app', private: true, dependencies: { openai: '^5.0.0', pino: '^9.0.0', zod: '^3.0.0' } }, null, 2) + '\n',
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', target: 'ES2022' }, include: ['src'] }, null, 2) + '\n',
};

function agentModule(i) {
  return `import { tool } from 'ai';
import { z } from 'zod';
import { openai } from '../lib/clients';
import { logger } from '../lib/logger';
import { redactPII } from '../lib/redact';
import { loadCustomer } from '../services/service-${i}';

export const lookupOrder${i} = tool({
  description: 'Look up an order by id',
  parameters: z.object({ orderId: z.string().regex(/^ord_[a-z0-9]+$/) }),
  execute: async ({ orderId }) => {
    logger.info({ tool: 'lookupOrder${i}', orderId }, 'tool call');
    return { orderId, status: 'shipped' };
  },
});

export async function answer${i}(customerId: string, question: string) {
  const customer = await loadCustomer(customerId);
  logger.info({ agent: 'agent-${i}', customerId }, 'model call');
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    messages: [
      { role: 'system', content: 'You answer questions about orders.' },
      { role: 'user', content: \`Customer: \${redactPII(customer.email)}\\n\${question}\` },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}
`;
}

function serviceModule(i, count) {
  const dep = (i * 7 + 3) % count;
  return `import { format${dep} } from './service-${dep}';

export interface Customer${i} {
  id: string;
  email: string;
  plan: 'free' | 'pro';
}

export async function loadCustomer(id: string): Promise<Customer${i}> {
  return { id, email: \`\${id}@example.com\`, plan: id.length % 2 ? 'pro' : 'free' };
}

export function format${i}(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return rounded.toFixed(2) + ' / ' + format${dep === i ? i : dep}.name;
}

export class Repository${i} {
  private readonly items = new Map<string, Customer${i}>();
  get(id: string) {
    return this.items.get(id);
  }
  set(customer: Customer${i}) {
    this.items.set(customer.id, customer);
    return this;
  }
  list() {
    return [...this.items.values()].filter((c) => c.plan === 'pro').map((c) => c.id);
  }
}
`;
}

/**
 * Writes `fileCount` source files under `dir` (one agent module per ten files) and returns the
 * list of relative paths.
 */
export function generateAgentWorkspace(dir, fileCount = 1000) {
  const files = { ...shared };
  const sourceShared = Object.keys(shared).filter((f) => f.endsWith('.ts')).length;
  const agents = Math.max(1, Math.floor(fileCount / 10));
  const services = Math.max(agents, fileCount - sourceShared - agents);
  for (let i = 0; i < agents; i++) files[`src/agents/agent-${i}.ts`] = agentModule(i);
  for (let i = 0; i < services; i++) files[`src/services/service-${i}.ts`] = serviceModule(i, services);
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return Object.keys(files);
}
