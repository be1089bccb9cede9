import { MemorySaver } from "@langchain/langgraph";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { llm } from "../llm.js";
import * as toolkit from "../tools/index.js";
import { readNote, searchDocs } from "../tools/index.js";

// Conversation state lives in the checkpointer, keyed by thread_id per request.
// ok: no-shared-conversation-memory
export const checkpointer = new MemorySaver();

// ruleid: no-shared-agent-credentials
export const researchAgent = createReactAgent({
  llm,
  // ruleid: no-unscoped-tools
  tools: Object.values(toolkit),
  prompt: "You are a research analyst. Use the tools to gather facts before answering. Cite sources.",
  checkpointer,
});

// ruleid: no-shared-agent-credentials
export const writerAgent = createReactAgent({
  llm,
  tools: [searchDocs, readNote],
  prompt: "You turn research notes into a crisp one-page brief for executives.",
  checkpointer,
});
