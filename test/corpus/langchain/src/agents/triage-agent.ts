import { createAgent } from "langchain";
import { logger } from "../lib/logger";
import { redactPII } from "../lib/redact";
import type { Customer } from "../lib/db";
import { notifyOncall, ordersForCustomer } from "../tools";

// "openai:" models are built by initChatModel and read OPENAI_API_KEY, the same key lib/llm.ts passes explicitly.
// ruleid: no-shared-agent-credentials
export const triageAgent = createAgent({
  model: "openai:gpt-4.1-mini",
  // ok: no-unscoped-tools
  tools: [ordersForCustomer, notifyOncall],
  // ok: no-untrusted-instructions
  systemPrompt: "You triage incoming support tickets: pick a queue, a priority, and page on-call only for outages.",
});

export async function triageTicket(customer: Customer, ticketBody: string) {
  logger.info("agent invoke", { agent: "triage-agent", customerId: customer.id });
  // ok: require-audit-logging
  const result = await triageAgent.invoke({
    messages: [
      {
        role: "user",
        // ok: no-unredacted-prompts
        content: `Customer ${customer.id} on plan ${customer.plan}.\nTicket:\n${redactPII(ticketBody)}`,
      },
    ],
  });
  return result.messages.at(-1)?.content;
}

export async function triageTicketVerbose(customer: Customer, ticketBody: string) {
  // ruleid: require-audit-logging
  const result = await triageAgent.invoke({
    messages: [
      {
        role: "user",
        // ruleid: no-unredacted-prompts
        content: `Customer: ${customer.email}, ${customer.phone}, ${customer.address}\nTicket:\n${ticketBody}`,
      },
    ],
  });
  return result.messages.at(-1)?.content;
}
