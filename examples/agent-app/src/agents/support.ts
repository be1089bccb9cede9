import { Agent, setTracingDisabled } from '@openai/agents';
import { readAnyFile, readArticle } from '../tools/files.js';

// Agent traces must not leave our infrastructure: runs and tools are logged with our own logger instead.
setTracingDisabled(true);

// ruleid: no-shared-agent-credentials
export const supportAgent = new Agent({
  name: 'Support',
  instructions: 'Answer customer questions using the knowledge base.',
  model: 'gpt-4.1-mini',
  tools: [readArticle, readAnyFile],
});
