import { Mastra } from "@mastra/core";
import { LibSQLStore } from "@mastra/libsql";
import { conciergeAgent, supportAgent } from "./agents/support-agent";
import { researchAgent } from "./agents/research-agent";
import { weatherAgent } from "./agents/weather-agent";
import { leadWorkflow } from "./workflows/lead-workflow";

export const mastra = new Mastra({
  agents: { weatherAgent, researchAgent, supportAgent, conciergeAgent },
  workflows: { leadWorkflow },
  storage: new LibSQLStore({
    id: "travel-desk-storage",
    url: "libsql://travel-desk-prod-acme.turso.io",
    // ruleid: no-hardcoded-credentials
    authToken: "eyJhbGciOiAiRWREU0EiLCAidHlwIjogIkpXVCJ9.eyJhIjogInJ3IiwgImlhdCI6IDE3NDkxMjM0NTYsICJpZCI6ICI1YjFjM2UwZS03YTJmLTRjNTEtOWQ4ZS0yZjhhMWIwYzZkNGUifQ.hHImthmSS1b9X-BB4WfBBJ98FkovpFKbc6cIeHI5bQVozSKE9BYb02kTc1T-A0R5K34y2PHipZxVBU_HhmtE2h",
  }),
});
