import { ChatOpenAI } from "@langchain/openai";

// Shared chat model for the LangGraph agents.
// ok: no-hardcoded-credentials
export const llm = new ChatOpenAI({ model: "gpt-4o-mini", temperature: 0, apiKey: process.env.OPENAI_API_KEY });
