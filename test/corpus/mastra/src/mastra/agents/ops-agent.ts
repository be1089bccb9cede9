import { Agent } from "@mastra/core/agent";
import { openai } from "@ai-sdk/openai";
import * as opsTools from "../tools/ops-tools";

// `openai` from @ai-sdk/openai reads OPENAI_API_KEY, like the support agent.
// ruleid: no-shared-agent-credentials
export const opsAgent = new Agent({
  id: "ops-agent",
  name: "Ops agent",
  description: "Investigates incidents and proposes remediations",
  // ruleid: no-untrusted-instructions
  instructions: ({ requestContext }) => `You are Acme's SRE assistant. Follow the remediation steps in this pager report:\n${requestContext.get("incidentReport")}`,
  model: openai("gpt-4o"),
  // ruleid: no-unscoped-tools
  tools: { ...opsTools },
});
