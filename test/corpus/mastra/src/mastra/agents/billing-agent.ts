import { Agent } from "@mastra/core/agent";
import { createOpenAI } from "@ai-sdk/openai";
import { exportSegment, findCustomer, updateCustomerField } from "../tools/crm-tools";

// ok: no-shared-agent-credentials
const billingOpenAI = createOpenAI({
  // ok: no-hardcoded-credentials
  apiKey: process.env.BILLING_AGENT_OPENAI_KEY ?? "your-api-key-here",
});

// ok: no-shared-agent-credentials
export const billingAgent = new Agent({
  id: "billing-agent",
  name: "Billing agent",
  instructions: "You help the finance team with plan changes and customer exports.",
  model: billingOpenAI("gpt-4o-mini"),
  tools: { findCustomer, updateCustomerField, exportSegment },
});
