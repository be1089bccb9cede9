import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { llm } from "../lib/llm";
import { logger } from "../lib/logger";
import { ordersByStatus, ordersForCustomer, readDoc } from "../tools";

// ruleid: no-shared-agent-credentials
export const sqlAgent = createReactAgent({
  llm,
  // ok: no-unscoped-tools
  tools: [ordersByStatus, ordersForCustomer, readDoc],
  // ok: no-untrusted-instructions
  prompt: "You answer questions about orders. Read docs/schema.md before writing any query.",
});

export async function askOrders(userId: string, question: string) {
  logger.info("agent invoke", { agent: "sql-agent", userId });
  // ok: require-audit-logging
  const out = await sqlAgent.invoke({ messages: [{ role: "user", content: question }] });
  logger.info("agent done", { agent: "sql-agent", userId, steps: out.messages.length });
  return out.messages.at(-1)?.content;
}
