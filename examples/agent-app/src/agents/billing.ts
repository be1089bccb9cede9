import { Agent, run } from '@openai/agents';
import { audit } from '../lib/audit.js';
import { redactPII } from '../lib/redact.js';
import { getCustomer } from '../lib/db.js';

// ruleid: no-shared-agent-credentials
export const billingAgent = new Agent({
  name: 'Billing',
  instructions: 'Explain invoices. Never promise refunds.',
  model: 'gpt-4.1-mini',
});

export async function explainInvoice(customerId: string, question: string) {
  const customer = await getCustomer(customerId);
  audit('agent.billing', { customerId });
  // ok: no-unredacted-prompts
  return run(billingAgent, `Customer ${redactPII(customer.email)} on plan ${customer.plan} asks: ${question}`);
}
