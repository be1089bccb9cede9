import type { ModelMessage } from "ai";
import { supportAgent } from "@/lib/ai/agents";
import { auth } from "@/lib/auth";

// Kept in memory between requests so the assistant "remembers" the conversation.
// ruleid: no-shared-conversation-memory
const conversation: ModelMessage[] = [];

export async function POST(req: Request) {
  const { message } = (await req.json()) as { message: string };
  conversation.push({ role: "user", content: message });

  // ok: require-audit-logging
  const result = await supportAgent.generate({ messages: conversation });
  conversation.push(...result.response.messages);
  return Response.json({ text: result.text });
}

// ok: no-shared-conversation-memory
const conversationsByUser = new Map<string, ModelMessage[]>();

export async function PUT(req: Request) {
  const session = await auth();
  if (!session?.user) return new Response("Unauthorized", { status: 401 });
  const { message } = (await req.json()) as { message: string };

  const history = conversationsByUser.get(session.user.id) ?? [];
  history.push({ role: "user", content: message });

  // ok: require-audit-logging
  const stream = await supportAgent.stream({ messages: history });
  return stream.toUIMessageStreamResponse({
    onFinish: ({ messages }) => {
      conversationsByUser.set(session.user.id, history.slice(-30));
      void messages;
    },
  });
}
