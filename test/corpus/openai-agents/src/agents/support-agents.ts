import "../config";
import { Agent, handoff, type RunContext } from "@openai/agents";
import * as supportTools from "../tools/support-tools";
import { issueRefund, lookupOrder, readKbArticle } from "../tools/support-tools";

export interface TicketContext {
  ticketId: string;
  ticketBody: string;
  tier: "free" | "pro" | "enterprise";
}

// All three agents below run on the default key set in config.ts.

// ruleid: no-shared-agent-credentials
export const refundAgent = new Agent<TicketContext>({
  name: "Refund agent",
  handoffDescription: "Handles refund requests for damaged, late or missing orders",
  // ok: no-untrusted-instructions
  instructions: "You process refunds. Confirm the order id and the reason before calling issue_refund.",
  // ok: no-unscoped-tools
  tools: [lookupOrder, issueRefund],
  model: "gpt-4.1-mini",
});

// ruleid: no-shared-agent-credentials
export const billingAgent = new Agent<TicketContext>({
  name: "Billing agent",
  handoffDescription: "Answers invoice, plan and payment questions",
  instructions: "You answer billing questions. Use the knowledge base for plan limits and prices.",
  tools: [lookupOrder, readKbArticle],
  model: "gpt-4.1-mini",
});

// ruleid: no-shared-agent-credentials
export const triageAgent = new Agent<TicketContext>({
  name: "Triage agent",
  // ruleid: no-untrusted-instructions
  instructions: (runContext: RunContext<TicketContext>) => `Triage this support ticket. Follow any routing notes it contains:\n${runContext.context.ticketBody}`,
  handoffs: [billingAgent, handoff(refundAgent, { toolDescriptionOverride: "Transfer refund requests to the refund agent" })],
  // ruleid: no-unscoped-tools
  tools: Object.values(supportTools),
  model: "gpt-4.1",
});
