import { convertToModelMessages, stepCountIs, streamText, type UIMessage } from "ai";
import { createOpenAI } from "@ai-sdk/openai";
import { logger } from "../../../lib/logger";
import { allTools } from "../../../lib/tools";

// The assistant route (app/api/assistant/route.ts) creates a provider from the same key.
// ruleid: no-shared-agent-credentials
const openai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });

export const maxDuration = 30;

export async function POST(req: Request) {
  const { messages }: { messages: UIMessage[] } = await req.json();
  logger.info({ route: "api/chat", turns: messages.length }, "docs chat request");

  // ok: require-audit-logging
  const result = streamText({
    model: openai("gpt-4.1"),
    system: "You are the docs assistant for Acme's developer portal.",
    messages: await convertToModelMessages(messages),
    // ruleid: no-unscoped-tools
    tools: allTools,
    stopWhen: stepCountIs(5),
    onFinish: ({ usage, finishReason }) => {
      logger.info({ route: "api/chat", usage, finishReason }, "docs chat finished");
    },
  });

  return result.toUIMessageStreamResponse();
}
