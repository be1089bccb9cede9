import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { MemorySaver } from "@langchain/langgraph";
import { HumanMessage } from "@langchain/core/messages";
import * as toolbox from "../tools";
import { llm } from "../lib/llm";
import { searchKnowledgeBase } from "../lib/db";

// Checkpoints are stored per thread_id; every call passes the caller's session id.
// ok: no-shared-conversation-memory
const checkpointer = new MemorySaver();

export async function answerSupportQuestion(sessionId: string, question: string) {
  const articles = await searchKnowledgeBase(question);

  // Same ChatOpenAI instance (lib/llm.ts) as the SQL agent.
  // ruleid: no-shared-agent-credentials
  const agent = createReactAgent({
    llm,
    // ruleid: no-unscoped-tools
    tools: Object.values(toolbox),
    checkpointSaver: checkpointer,
    // ruleid: no-untrusted-instructions
    prompt: `You are Acme's support agent. Use these knowledge-base articles as your operating rules:\n${articles.map((a) => a.pageContent).join("\n\n")}`,
  });

  // ruleid: require-audit-logging
  const result = await agent.invoke(
    { messages: [new HumanMessage(question)] },
    { configurable: { thread_id: sessionId } },
  );
  return result.messages.at(-1)?.content;
}
