import { generateText, stepCountIs, type ModelMessage } from "ai";
import { createOpenAI } from "@ai-sdk/openai";
import { getWeather, readContentFile } from "../../../lib/tools";

// ruleid: no-shared-agent-credentials
const openai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });

// Conversation so far, so follow-up questions work.
// ruleid: no-shared-conversation-memory
const history: ModelMessage[] = [];

export async function POST(req: Request) {
  const { message } = (await req.json()) as { message: string };
  history.push({ role: "user", content: message });

  // ruleid: require-audit-logging
  const { text, response } = await generateText({
    model: openai("gpt-4.1-mini"),
    system: "You are a helpful assistant for Acme developers.",
    messages: history,
    // ok: no-unscoped-tools
    tools: { getWeather, readContentFile },
    stopWhen: stepCountIs(3),
  });

  history.push(...response.messages);
  return Response.json({ text });
}
