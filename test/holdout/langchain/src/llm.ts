import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import type { Serialized } from "@langchain/core/load/serializable";
import type { LLMResult } from "@langchain/core/outputs";
import { ChatOpenAI } from "@langchain/openai";
import pino from "pino";

export const log = pino({ name: "knowledge-ops" });

/** Default chat model for the research agents (OPENAI_API_KEY from env). */
export const llm = new ChatOpenAI({
  model: "gpt-4o-mini",
  temperature: 0,
});

/** Writes every LLM and tool event to the audit log. */
export class AuditCallbackHandler extends BaseCallbackHandler {
  name = "audit-callback-handler";

  async handleLLMStart(llm: Serialized, prompts: string[], runId: string) {
    log.info({ runId, model: llm.id?.at(-1), promptCount: prompts.length }, "llm.start");
  }

  async handleLLMEnd(output: LLMResult, runId: string) {
    log.info({ runId, tokenUsage: output.llmOutput?.tokenUsage }, "llm.end");
  }

  async handleToolStart(tool: Serialized, input: string, runId: string) {
    log.info({ runId, tool: tool.id?.at(-1), input }, "tool.start");
  }

  async handleToolEnd(output: unknown, runId: string) {
    log.info({ runId }, "tool.end");
  }
}

export const auditHandler = new AuditCallbackHandler();
