import { openai } from "@ai-sdk/openai";
import { Agent } from "@mastra/core/agent";
import { weatherTool, webScraperTool } from "../tools";

// ruleid: no-shared-agent-credentials
export const researchAgent = new Agent({
  id: "destination-research-agent",
  name: "Destination Research Agent",
  instructions:
    "You research travel destinations: visa rules, safety, seasons and neighborhoods. Scrape sources and cite them.",
  model: openai("gpt-4.1"),
  tools: { webScraperTool, weatherTool },
});
