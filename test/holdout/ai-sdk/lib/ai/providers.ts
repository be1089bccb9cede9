import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";

// Each surface gets its own project key so we can rotate and rate-limit them separately.
export const supportOpenAI = createOpenAI({
  // ok: no-hardcoded-credentials
  apiKey: process.env.SUPPORT_OPENAI_API_KEY,
});

export const reportsOpenAI = createOpenAI({
  apiKey: process.env.REPORTS_OPENAI_API_KEY,
  project: "proj_reports",
});

export const analyticsOpenAI = createOpenAI({
  apiKey: process.env.ANALYTICS_OPENAI_API_KEY,
});

export const gemini = createGoogleGenerativeAI({
  apiKey: process.env.GOOGLE_GENERATIVE_AI_API_KEY,
});

// Ops copilot still talks to Anthropic with the key from the hackathon.
export const opsAnthropic = createAnthropic({
  // ruleid: no-hardcoded-credentials
  apiKey: "sk-ant-api03-oNQc319YIbK8EQ4kecZtvzVNgXeVv_bdTPFWXnYP5dtKfzNLKx4qGjqi1R4MuPtLgjKWjb-cyyGrSto3DuTtAK-bdlijeAA",
});

// ok: no-hardcoded-credentials
export const DEFAULT_CHAT_MODEL = "gpt-4o-2024-08-06";
