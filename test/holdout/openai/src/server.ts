import express, { type Request, type Response } from "express";
import OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { openai, logger, MODELS } from "./lib/clients.js";
import { SupportAgent } from "./agents/support-agent.js";
import { ResearchAgent } from "./agents/research-agent.js";
import { maskEmail, redactPhone } from "./lib/redaction.js";

interface AuthedRequest extends Request {
  user?: {
    id: string;
    name: string;
    email: string;
    phone: string;
    plan: "free" | "pro" | "enterprise";
    locale: string;
  };
  sessionID?: string;
}

const app = express();
app.use(express.json({ limit: "1mb" }));

// ruleid: no-shared-agent-credentials
const supportAgent = new SupportAgent(openai, logger.child({ agent: "support" }));
// ruleid: no-shared-agent-credentials
const researchAgent = new ResearchAgent(openai);

// The lightweight chat widget has its own project key.
// ok: no-shared-agent-credentials
const chatClient = new OpenAI({ apiKey: process.env.HELPDESK_CHAT_OPENAI_KEY });

// ruleid: no-shared-conversation-memory
const history: ChatCompletionMessageParam[] = [];

app.post("/chat", async (req: Request, res: Response) => {
  history.push({ role: "user", content: String(req.body.message ?? "") });
  // ruleid: require-audit-logging
  const completion = await chatClient.chat.completions.create({
    model: MODELS.fast,
    messages: [{ role: "system", content: "You are a friendly helpdesk widget." }, ...history],
  });
  const answer = completion.choices[0].message.content ?? "";
  history.push({ role: "assistant", content: answer });
  console.log("chat answered", answer.length);
  res.json({ answer });
});

// ok: no-shared-conversation-memory
const sessions = new Map<string, ChatCompletionMessageParam[]>();

app.post("/support", async (req: AuthedRequest, res: Response) => {
  if (!req.user || !req.sessionID) return res.status(401).end();
  const key = `${req.user.id}:${req.sessionID}`;
  const thread = sessions.get(key) ?? [];
  // ok: no-unredacted-prompts
  thread.push({ role: "user", content: String(req.body.message) });
  const answer = await supportAgent.reply(
    { customerId: req.user.id, plan: req.user.plan, locale: req.user.locale },
    thread,
  );
  thread.push({ role: "assistant", content: answer });
  sessions.set(key, thread.slice(-40));
  res.json({ answer });
});

app.post("/personalize/welcome", async (req: AuthedRequest, res: Response) => {
  const user = req.user!;
  logger.info({ userId: user.id }, "welcome.generate");
  // ok: require-audit-logging
  const completion = await chatClient.chat.completions.create({
    model: MODELS.fast,
    messages: [
      { role: "system", content: "Write a two sentence welcome message for a new helpdesk user." },
      {
        role: "user",
        // ruleid: no-unredacted-prompts
        content: `Name: ${user.name}. Email: ${user.email}. Phone: ${user.phone}. Plan: ${user.plan}.`,
      },
    ],
  });
  res.json({ text: completion.choices[0].message.content });
});

app.post("/personalize/contact-check", async (req: AuthedRequest, res: Response) => {
  const user = req.user!;
  logger.info({ userId: user.id }, "contact_check.generate");
  // ok: require-audit-logging
  const completion = await chatClient.chat.completions.create({
    model: MODELS.fast,
    messages: [
      { role: "system", content: "Tell the user which contact details we have on file, masked." },
      // ok: no-unredacted-prompts
      { role: "user", content: `We have ${maskEmail(user.email)} and ${redactPhone(user.phone)} on file.` },
    ],
  });
  res.json({ text: completion.choices[0].message.content });
});

app.post("/debug/api-call", async (req: Request, res: Response) => {
  logger.info({ path: req.body.path }, "debug.explain");
  // ok: require-audit-logging
  const completion = await chatClient.chat.completions.create({
    model: MODELS.smart,
    messages: [
      { role: "system", content: "Explain why this API call to our backend failed." },
      {
        role: "user",
        // ruleid: no-unredacted-prompts
        content: `Request headers: ${JSON.stringify(req.headers)}\nBody: ${JSON.stringify(req.body.payload)}`,
      },
    ],
  });
  res.json({ explanation: completion.choices[0].message.content });
});

app.post("/research", async (req: Request, res: Response) => {
  const report = await researchAgent.research(String(req.body.question), req.body.styleGuide);
  res.json({ report });
});

app.listen(Number(process.env.PORT ?? 3000), () => logger.info("helpdesk listening"));
