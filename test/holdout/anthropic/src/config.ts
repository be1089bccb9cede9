import Anthropic from "@anthropic-ai/sdk";
import pino from "pino";

/** Shared Anthropic client; reads ANTHROPIC_API_KEY from the environment. */
export const anthropic = new Anthropic({ maxRetries: 2 });

export const logger = pino({ name: "devtools-assistant" });

export const MODEL = "claude-sonnet-4-5-20250929";
// ok: no-hardcoded-credentials
export const FAST_MODEL = "claude-3-5-haiku-20241022";

export const REPO_ROOT = process.env.REPO_ROOT ?? "/srv/checkouts";
