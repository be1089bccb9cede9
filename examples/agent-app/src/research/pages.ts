import { tool } from '@openai/agents';
import { z } from 'zod';
import { audit } from '../lib/audit.js';

/** Fetches a page for the policy assistant (the URL comes from the route, not from a model). */
export async function fetchPolicyPage(url: string): Promise<string> {
  // ok: no-unrestricted-egress
  const res = await fetch(url);
  return res.text();
}

export const fetchPage = tool({
  name: 'fetch_page',
  description: 'Fetch any web page',
  parameters: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    audit('tool.fetch_page', { url });
    // The model picks the host: a prompt injection can send the agent to internal services.
    // ruleid: no-unrestricted-egress
    // ruleid: no-unscoped-tools
    const res = await fetch(url);
    return (await res.text()).slice(0, 20_000);
  },
});

const APPROVED_EGRESS_HOSTS = new Set(['api.acme.example']);

export const fetchApi = tool({
  name: 'fetch_api',
  description: 'Fetch a page of the Acme API',
  parameters: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    if (!APPROVED_EGRESS_HOSTS.has(new URL(url).hostname)) throw new Error('Egress to an unapproved host');
    audit('tool.fetch_api', { url });
    // ok: no-unrestricted-egress
    // ok: no-unscoped-tools
    const res = await fetch(url);
    return res.text();
  },
});
