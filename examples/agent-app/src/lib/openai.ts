import OpenAI from 'openai';

// One client for the whole app: every agent that imports it runs as the same identity.
// ruleid: no-shared-agent-credentials
export const openai = new OpenAI();
