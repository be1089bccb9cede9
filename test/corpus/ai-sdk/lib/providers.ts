import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";

// One provider instance per feature, each with its own key.

// ok: no-shared-agent-credentials
export const researchAnthropic = createAnthropic({ apiKey: process.env.RESEARCH_ANTHROPIC_KEY });

// ok: no-shared-agent-credentials
export const extractorOpenAI = createOpenAI({
  // ok: no-hardcoded-credentials
  apiKey: process.env.EXTRACTOR_OPENAI_KEY,
  // ok: no-hardcoded-credentials
  project: "proj_extractor",
});
