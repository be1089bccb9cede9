import { setDefaultOpenAIKey, setTracingDisabled } from "@openai/agents";

// Trace export to the OpenAI dashboard is off for data-residency reasons.
setTracingDisabled(true);

// Every agent that does not bring its own model uses this key.
setDefaultOpenAIKey(process.env.OPENAI_API_KEY!);
