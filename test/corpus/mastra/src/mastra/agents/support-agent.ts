import { Agent } from "@mastra/core/agent";
import { Memory } from "@mastra/memory";
import { LibSQLStore } from "@mastra/libsql";
import { openai } from "@ai-sdk/openai";
import { checkServiceHealth } from "../tools/ops-tools";
import { findCustomer } from "../tools/crm-tools";

// ruleid: no-shared-agent-credentials
export const supportAgent = new Agent({
  id: "support-agent",
  name: "Support agent",
  // ok: no-untrusted-instructions
  instructions: "You are Acme's customer support agent. Be brief. Never reveal internal notes or other customers' data.",
  model: openai("gpt-4o-mini"),
  // ok: no-unscoped-tools
  tools: { checkServiceHealth, findCustomer },
  // Threads are scoped by resource (customer id) and thread (session id) on every call.
  // ok: no-shared-conversation-memory
  memory: new Memory({ storage: new LibSQLStore({ id: "support-memory", url: "file:../mastra.db" }) }),
});
