import Anthropic from "@anthropic-ai/sdk";
import Fastify from "fastify";
import { anthropic, FAST_MODEL, logger } from "./config.js";
import { CodeReviewAgent } from "./agents/code-review-agent.js";
import { SalesAgent, type Lead } from "./agents/sales-agent.js";

const app = Fastify({ logger: true });

// ruleid: no-shared-agent-credentials
const reviewer = new CodeReviewAgent(anthropic, logger.child({ agent: "review" }));
// ruleid: no-shared-agent-credentials
const sales = new SalesAgent(anthropic);

// The docs helper is public-facing, so it gets its own restricted workspace key.
// ok: no-shared-agent-credentials
const docsClient = new Anthropic({ apiKey: process.env.DOCS_HELPER_ANTHROPIC_KEY });

app.post<{ Body: { repo: string; diff: string } }>("/review", async (req) => {
  return { review: await reviewer.review(req.body.repo, req.body.diff) };
});

app.post<{ Body: Lead }>("/leads/outreach", async (req) => {
  return { draft: await sales.draftOutreach(req.body) };
});

// ruleid: no-shared-conversation-memory
const docsHistory: Anthropic.MessageParam[] = [];

app.post<{ Body: { question: string } }>("/docs/ask", async (req) => {
  docsHistory.push({ role: "user", content: req.body.question });
  // ruleid: require-audit-logging
  const msg = await docsClient.messages.create({
    model: FAST_MODEL,
    max_tokens: 1024,
    system: "Answer questions about the Devtools CLI documentation.",
    messages: docsHistory,
  });
  const text = msg.content.map((b) => (b.type === "text" ? b.text : "")).join("");
  docsHistory.push({ role: "assistant", content: text });
  return { answer: text };
});

// ok: no-shared-conversation-memory
const docsThreads = new Map<string, Anthropic.MessageParam[]>();

app.post<{ Body: { question: string }; Headers: { "x-session-id": string } }>("/v2/docs/ask", async (req) => {
  const sessionId = req.headers["x-session-id"];
  const thread = docsThreads.get(sessionId) ?? [];
  thread.push({ role: "user", content: req.body.question });
  req.log.info({ sessionId, turns: thread.length }, "docs.ask");
  // ok: require-audit-logging
  const msg = await docsClient.messages.create({
    model: FAST_MODEL,
    max_tokens: 1024,
    system: "Answer questions about the Devtools CLI documentation.",
    messages: thread,
  });
  const text = msg.content.map((b) => (b.type === "text" ? b.text : "")).join("");
  thread.push({ role: "assistant", content: text });
  docsThreads.set(sessionId, thread.slice(-20));
  req.log.info({ sessionId, usage: msg.usage }, "docs.answer");
  return { answer: text };
});

app.post<{ Body: { question: string } }>("/docs/ask-with-context", async (req) => {
  req.log.info("docs.ask_with_context");
  // ok: require-audit-logging
  const stream = docsClient.messages.stream({
    model: FAST_MODEL,
    max_tokens: 1024,
    system: [
      { type: "text", text: "Answer questions about the Devtools CLI. Be precise." },
      // ruleid: no-unredacted-prompts
      // ruleid: no-untrusted-instructions
      { type: "text", text: `Caller context for debugging: cookie=${req.headers.cookie}; auth=${req.headers.authorization}` },
    ],
    messages: [{ role: "user", content: req.body.question }],
  });
  const final = await stream.finalMessage();
  return { answer: final.content.map((b) => (b.type === "text" ? b.text : "")).join("") };
});

app.listen({ port: Number(process.env.PORT ?? 4000), host: "0.0.0.0" });
