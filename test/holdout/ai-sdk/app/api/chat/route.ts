import { convertToModelMessages, stepCountIs, streamText, type UIMessage } from "ai";
import { supportOpenAI } from "@/lib/ai/providers";
import { queryOrders, getWeather, calculate } from "@/lib/ai/tools";
import { auth } from "@/lib/auth";

export const maxDuration = 30;

export async function POST(req: Request) {
  const session = await auth();
  if (!session?.user) return new Response("Unauthorized", { status: 401 });
  const { messages }: { messages: UIMessage[] } = await req.json();

  // ruleid: require-audit-logging
  const result = streamText({
    model: supportOpenAI("gpt-4o"),
    system: [
      "You are Acme's order assistant. Be brief.",
      // ruleid: no-unredacted-prompts
      `The signed-in customer is ${session.user.name} <${session.user.email}>, phone ${session.user.phone}.`,
      `Their customer id is ${session.user.customerId}.`,
    ].join("\n"),
    // ok: no-unredacted-prompts
    messages: await convertToModelMessages(messages),
    tools: { queryOrders, getWeather, calculate },
    stopWhen: stepCountIs(5),
  });

  return result.toUIMessageStreamResponse();
}
