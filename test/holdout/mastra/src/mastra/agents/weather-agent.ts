import { Agent } from "@mastra/core/agent";
import { Memory } from "@mastra/memory";
import { weatherTool } from "../tools";

// ruleid: no-shared-agent-credentials
export const weatherAgent = new Agent({
  id: "weather-agent",
  name: "Weather Agent",
  instructions: `
    You are a helpful weather assistant that provides accurate weather information.
    Always ask for a location if none is provided. Keep responses concise.
  `,
  // ok: no-hardcoded-credentials
  model: "openai/gpt-4o-mini",
  tools: { weatherTool },
  memory: new Memory(),
});
