import { Agent } from "@openai/agents";
import * as opsTools from "../tools/ops-tools.js";

// Internal-only assistant for the on-call engineer (Slack slash command).
// ruleid: no-shared-agent-credentials
export const opsAgent = new Agent({
  name: "Ops copilot",
  model: "gpt-4.1",
  instructions: "You help the on-call engineer investigate incidents. Prefer read-only actions.",
  // ruleid: no-unscoped-tools
  tools: Object.values(opsTools),
  modelSettings: { toolChoice: "auto", parallelToolCalls: false },
});
