import OpenAI from "openai";
import pino from "pino";

// One client for the helpdesk. The SDK picks up OPENAI_API_KEY from the environment.
export const openai = new OpenAI({
  maxRetries: 3,
  timeout: 30_000,
});

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: ["req.headers.authorization", "*.password"],
});

export const MODELS = {
  fast: "gpt-4o-mini",
  smart: "gpt-4.1",
  // ok: no-hardcoded-credentials
  reasoning: "o4-mini-2025-04-16",
} as const;

export const KB_ROOT = process.env.KB_ROOT ?? "/srv/helpdesk/kb";
