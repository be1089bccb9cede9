import { Agent } from '@openai/agents';
import { readAnyFile, readArticle } from '../tools/files.js';

// ruleid: no-shared-agent-credentials
export const supportAgent = new Agent({
  name: 'Support',
  instructions: 'Answer customer questions using the knowledge base.',
  model: 'gpt-4.1-mini',
  tools: [readArticle, readAnyFile],
});
