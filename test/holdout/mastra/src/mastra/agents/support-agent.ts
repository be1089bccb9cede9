import { anthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { Agent } from "@mastra/core/agent";
import { Memory } from "@mastra/memory";
import * as allTools from "../tools";
import { bookingLookupTool, itineraryTool } from "../tools";

// ok: no-hardcoded-credentials
const supportOpenAI = createOpenAI({ apiKey: process.env.SUPPORT_AGENT_OPENAI_KEY });

// ok: no-shared-agent-credentials
export const supportAgent = new Agent({
  id: "support-agent",
  name: "Travel Support Agent",
  instructions: "You help travelers with existing bookings: changes, cancellations, documents.",
  model: supportOpenAI("gpt-4o"),
  // ruleid: no-unscoped-tools
  tools: { ...allTools },
  memory: new Memory({ options: { lastMessages: 20 } }),
});

// ok: no-shared-agent-credentials
export const conciergeAgent = new Agent({
  id: "concierge-agent",
  name: "Concierge",
  instructions: "You suggest restaurants and activities around a traveler's itinerary.",
  model: anthropic("claude-sonnet-4-5"),
  tools: { itineraryTool, bookingLookupTool },
});
