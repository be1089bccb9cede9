import { Agent } from "@openai/agents";
import { billingAgent } from "./billing.js";
import { techAgent } from "./tech.js";

// ruleid: no-shared-agent-credentials
export const triageAgent = Agent.create({
  name: "Triage agent",
  model: "gpt-4.1-mini",
  instructions:
    "Route the customer to the billing agent for invoices, refunds and plans, " +
    "and to the technical agent for errors and outages. Ask one clarifying question if unsure.",
  handoffs: [billingAgent, techAgent],
});
