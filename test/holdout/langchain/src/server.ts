import { InMemoryChatMessageHistory } from "@langchain/core/chat_history";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { ChatPromptTemplate, MessagesPlaceholder } from "@langchain/core/prompts";
import { RunnableWithMessageHistory } from "@langchain/core/runnables";
import { ChatOpenAI } from "@langchain/openai";
import express from "express";
import { researchAgent, writerAgent } from "./agents/research.js";
import { supportGraph } from "./agents/support-graph.js";
import { auditHandler, log } from "./llm.js";
import { getCustomer } from "@acme/crm";

const app = express();
app.use(express.json());

// ok: no-shared-agent-credentials
const chatModel = new ChatOpenAI({ model: "gpt-4o-mini", apiKey: process.env.CHAT_OPENAI_API_KEY });

const chatPrompt = ChatPromptTemplate.fromMessages([
  ["system", "You are a helpful assistant for the knowledge ops team."],
  new MessagesPlaceholder("history"),
  ["human", "{input}"],
]);

app.post("/research", async (req, res) => {
  // ruleid: require-audit-logging
  const result = await researchAgent.invoke(
    { messages: [{ role: "user", content: req.body.question }] },
    { configurable: { thread_id: `research:${req.body.userId}` } },
  );
  res.json({ answer: result.messages.at(-1)?.content });
});

app.post("/brief", async (req, res) => {
  // ok: require-audit-logging
  const result = await writerAgent.invoke(
    { messages: [{ role: "user", content: `Write a brief on: ${req.body.topic}` }] },
    { configurable: { thread_id: `brief:${req.body.userId}` }, callbacks: [auditHandler] },
  );
  res.json({ brief: result.messages.at(-1)?.content });
});

// ruleid: no-shared-conversation-memory
const chatHistory = new InMemoryChatMessageHistory();

app.post("/chat", async (req, res) => {
  const history = await chatHistory.getMessages();
  // ruleid: require-audit-logging
  const reply = await chatPrompt.pipe(chatModel).invoke({ history, input: req.body.message });
  await chatHistory.addMessages([new HumanMessage(req.body.message), reply]);
  res.json({ reply: reply.content });
});

// ok: no-shared-conversation-memory
const histories: Record<string, InMemoryChatMessageHistory> = {};

const chatWithHistory = new RunnableWithMessageHistory({
  runnable: chatPrompt.pipe(chatModel),
  getMessageHistory: async (sessionId: string) => (histories[sessionId] ??= new InMemoryChatMessageHistory()),
  inputMessagesKey: "input",
  historyMessagesKey: "history",
});

app.post("/v2/chat", async (req, res) => {
  const sessionId = `${req.body.userId}:${req.body.sessionId}`;
  // ok: require-audit-logging
  const reply = await chatWithHistory.invoke(
    { input: req.body.message },
    { configurable: { sessionId }, callbacks: [auditHandler] },
  );
  res.json({ reply: reply.content });
});

app.post("/support", async (req, res) => {
  // ruleid: require-audit-logging
  const out = await supportGraph.invoke({ messages: [new HumanMessage(req.body.question)] });
  res.json({ answer: out.messages.at(-1)?.content });
});

app.post("/v2/support", async (req, res) => {
  // ok: require-audit-logging
  const out = await supportGraph.invoke({ messages: [new HumanMessage(req.body.question)] }, { callbacks: [auditHandler] });
  res.json({ answer: out.messages.at(-1)?.content });
});

app.get("/customers/:id/summary", async (req, res) => {
  const customer = await getCustomer(req.params.id);
  log.info({ customerId: req.params.id }, "customer.summary");
  // ok: require-audit-logging
  const summary = await chatModel.invoke([
    new SystemMessage("Summarize this customer's account health for the CSM in three bullets."),
    // ruleid: no-unredacted-prompts
    new HumanMessage(`Customer: ${JSON.stringify(customer)}`),
  ]);
  res.json({ summary: summary.content });
});

app.listen(3000, () => log.info("listening on :3000"));
