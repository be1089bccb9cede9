import { ChatOpenAI } from '@langchain/openai';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { logger } from '../lib/audit.js';

// ok: no-shared-agent-credentials
const llm = new ChatOpenAI({ model: 'gpt-4.1-mini', apiKey: process.env.RESEARCH_AGENT_OPENAI_KEY });

const lookupProduct = tool(
  async ({ sku }) => {
    logger.info({ tool: 'lookup_product', sku }, 'tool run');
    return `Product ${sku}: in stock`;
  },
  { name: 'lookup_product', description: 'Look up a product by SKU', schema: z.object({ sku: z.string().regex(/^[A-Z]{3}-\d{4}$/) }) },
);

export const researchAgent = createReactAgent({ llm, tools: [lookupProduct], prompt: 'You research Acme products.' });

export async function research(question: string) {
  logger.info({ agent: 'research' }, 'research started');
  return researchAgent.invoke({ messages: [{ role: 'user', content: question }] });
}
