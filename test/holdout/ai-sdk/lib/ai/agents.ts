import { openai } from "@ai-sdk/openai";
import { ToolLoopAgent, stepCountIs } from "ai";
import { opsAnthropic, reportsOpenAI } from "./providers";
import * as allTools from "./tools";
import { browse, getWeather, listOrders, readDoc } from "./tools";

// ruleid: no-shared-agent-credentials
export const supportAgent = new ToolLoopAgent({
  model: openai("gpt-4o"),
  instructions: "You are Acme's support copilot. Use the tools to look up orders and docs.",
  tools: { getWeather, listOrders, readDoc },
  stopWhen: stepCountIs(6),
  experimental_telemetry: { isEnabled: true, functionId: "support-agent" },
});

// ruleid: no-shared-agent-credentials
export const researchAgent = new ToolLoopAgent({
  model: openai("gpt-4.1"),
  instructions: "You research competitors and summarize findings with links.",
  tools: { browse, readDoc },
  stopWhen: stepCountIs(10),
});

// ok: no-shared-agent-credentials
export const reportsAgent = new ToolLoopAgent({
  model: reportsOpenAI("gpt-4o-mini"),
  instructions: "You turn weekly metrics into a short report for the leadership channel.",
});

// ok: no-shared-agent-credentials
export const opsAgent = new ToolLoopAgent({
  model: opsAnthropic("claude-sonnet-4-5"),
  instructions: "You help on-call engineers. You can use every tool we have.",
  // ruleid: no-unscoped-tools
  tools: { ...allTools },
  stopWhen: stepCountIs(15),
});

export async function runResearch(topic: string) {
  console.time("research");
  // ruleid: require-audit-logging
  const result = await researchAgent.generate({ prompt: `Research: ${topic}` });
  console.timeEnd("research");
  return result.text;
}

export async function askOps(question: string) {
  // ruleid: require-audit-logging
  const { text, steps } = await opsAgent.generate({ prompt: question });
  return { text, toolCalls: steps.flatMap((s) => s.toolCalls.map((c) => c.toolName)) };
}
