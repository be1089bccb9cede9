import { ChatAnthropic } from "@langchain/anthropic";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { HumanMessage, SystemMessage, type BaseMessage } from "@langchain/core/messages";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Customer } from "../lib/db";
import { logger } from "../lib/logger";
import { redactPII } from "../lib/redact";

// ok: no-shared-agent-credentials
const claude = new ChatAnthropic({
  model: "claude-3-5-sonnet-latest",
  temperature: 0.4,
  // ruleid: no-hardcoded-credentials
  apiKey: "sk-ant-api03-VtudFtkAeAQbgPjC0nv2n6qNe7R0Jz1slDdIwGb8mtqJk-gLVuV7i9agh-uh7UyP4hT5VFf-_AcMoPmi41QubnAA",
});

const DRAFTS_DIR = path.resolve(process.env.DRAFTS_DIR ?? "./drafts");

const draftPrompt = ChatPromptTemplate.fromMessages([
  ["system", "You write friendly, concise customer emails for Acme."],
  ["human", "Write a follow-up email.\nCustomer: {customer}\nTopic: {topic}"],
]);

const draftChain = draftPrompt.pipe(claude).pipe(new StringOutputParser());

// Email-assistant chat for the account team.
// ruleid: no-shared-conversation-memory
const chatHistory: BaseMessage[] = [new SystemMessage("You are Acme's email assistant for the account team.")];

export async function draftFollowUp(customer: Customer, topic: string): Promise<string> {
  // ruleid: require-audit-logging
  return draftChain.invoke({
    // ruleid: no-unredacted-prompts
    customer: JSON.stringify(customer),
    topic,
  });
}

export async function draftFollowUpRedacted(customer: Customer, topic: string): Promise<string> {
  logger.info("draft follow-up", { customerId: customer.id, topic });
  // ok: require-audit-logging
  return draftChain.invoke({
    // ok: no-unredacted-prompts
    customer: redactPII(JSON.stringify(customer)),
    topic,
  });
}

export async function draftPlanNotice(customer: Customer): Promise<string> {
  logger.info("draft plan notice", { customerId: customer.id });
  // ok: require-audit-logging
  return draftChain.invoke({
    // ok: no-unredacted-prompts
    customer: `${customer.company} (plan: ${customer.plan})`,
    topic: "upcoming plan changes",
  });
}

export async function chatAboutDrafts(message: string) {
  chatHistory.push(new HumanMessage(message));
  logger.info("email assistant turn", { turns: chatHistory.length });
  // ok: require-audit-logging
  const reply = await claude.invoke(chatHistory);
  chatHistory.push(reply);
  return reply.content;
}

export async function saveDraft(topic: string, draft: string): Promise<string> {
  // ruleid: require-audit-logging
  const nameMsg = await claude.invoke([new HumanMessage(`Suggest a short file name for an email draft about: ${topic}`)]);
  const fileName = String(nameMsg.content).trim();
  // ruleid: no-unsafe-model-output
  await writeFile(path.join(DRAFTS_DIR, fileName), draft, "utf8");
  return fileName;
}

export async function saveDraftSafely(topic: string, draft: string): Promise<string> {
  logger.info("naming draft", { topic });
  // ok: require-audit-logging
  const nameMsg = await claude.invoke([new HumanMessage(`Suggest a short file name for an email draft about: ${topic}`)]);
  const safeName = String(nameMsg.content).toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 60) || "draft";
  // ok: no-unsafe-model-output
  await writeFile(path.join(DRAFTS_DIR, `${safeName}.md`), draft, "utf8");
  return safeName;
}

export async function draftForContact(customer: Customer, topic: string) {
  // ruleid: require-audit-logging
  const reply = await claude.invoke([
    new SystemMessage("You write friendly, concise customer emails for Acme."),
    // ruleid: no-unredacted-prompts
    new HumanMessage(`Write to ${customer.email} (card on file ${customer.creditCard}) about ${topic}.`),
  ]);
  return reply.content;
}
