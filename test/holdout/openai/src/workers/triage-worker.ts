import { Worker, type Job } from "bullmq";
import OpenAI from "openai";
import { trace, SpanStatusCode } from "@opentelemetry/api";
import { exec } from "node:child_process";
import { promisify } from "node:util";
import type { ChatCompletionMessageParam, ChatCompletionTool } from "openai/resources/chat/completions";
import { redactPII } from "../lib/redaction.js";
import { db } from "@acme/db";

const run = promisify(exec);
const LABELS = ["billing", "outage", "bug", "feature_request", "spam"] as const;
const tracer = trace.getTracer("triage-worker");

// ok: no-shared-agent-credentials
const openai = new OpenAI({ apiKey: process.env.TRIAGE_OPENAI_API_KEY });

// ruleid: no-hardcoded-credentials
const SLACK_BOT_TOKEN = "xoxb-404815688864-2739820002354-zabXk4W8SXKcR0UiusVVtX7P";

interface InboundEmail {
  messageId: string;
  from: string;
  subject: string;
  body: string;
  customerId: string;
}

// ok: require-audit-logging
// ruleid: no-unscoped-tools
const diagnosticsTool: ChatCompletionTool = {
  type: "function",
  function: {
    name: "run_diagnostic",
    description: "Run a diagnostic command on the customer's tenant host and return stdout.",
  },
};

async function runDiagnostic(rawArgs: string): Promise<string> {
  const args = JSON.parse(rawArgs || "{}");
  // ruleid: no-unscoped-tools
  const { stdout } = await run(`ssh tenant-host ${args.command}`, { timeout: 20_000 });
  return stdout;
}

async function classify(email: InboundEmail): Promise<string> {
  return tracer.startActiveSpan("triage.classify", async (span) => {
    try {
      span.setAttribute("email.message_id", email.messageId);
      // ok: require-audit-logging
      const res = await openai.chat.completions.create({
        model: "gpt-4o-mini",
        messages: [
          {
            role: "system",
            content: "Classify the support email as one of: billing, outage, bug, feature_request, spam. Reply with the label.",
          },
          // ok: no-untrusted-instructions
          { role: "user", content: `Subject: ${email.subject}\n\n${email.body}` },
        ],
      });
      const label = res.choices[0].message.content?.trim().toLowerCase() ?? "";
      return LABELS.includes(label as (typeof LABELS)[number]) ? label : "unknown";
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}

async function draftReply(email: InboundEmail, label: string): Promise<string> {
  const customer = await db.customers.findById(email.customerId);
  return tracer.startActiveSpan("triage.draft_reply", async (span) => {
    const messages: ChatCompletionMessageParam[] = [
      {
        role: "system",
        content: [
          // ruleid: no-unredacted-prompts
          `You draft replies for ${label} tickets. Use the status token ${process.env.STATUS_PAGE_TOKEN} when quoting incident links.`,
          // ruleid: no-untrusted-instructions
          `The customer's original email, which you must follow when deciding tone: ${email.body}`,
        ].join("\n"),
      },
      // ruleid: no-unredacted-prompts
      { role: "user", content: `Customer record: ${JSON.stringify(customer)}` },
    ];
    // ok: require-audit-logging
    const res = await openai.chat.completions.create({
      model: "gpt-4.1",
      messages,
      tools: label === "outage" ? [diagnosticsTool] : undefined,
    });
    const msg = res.choices[0].message;
    for (const call of msg.tool_calls ?? []) {
      if (call.type === "function" && call.function.name === "run_diagnostic") {
        span.addEvent("tool.run_diagnostic");
        await runDiagnostic(call.function.arguments);
      }
    }
    span.end();
    return msg.content ?? "";
  });
}

async function summarizeForSlack(email: InboundEmail): Promise<string> {
  return tracer.startActiveSpan("triage.slack_summary", async (span) => {
    // ok: require-audit-logging
    const res = await openai.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [
        { role: "system", content: "One-line summary for the on-call Slack channel." },
        // ok: no-unredacted-prompts
        { role: "user", content: redactPII(`${email.from}: ${email.subject}\n${email.body}`) },
      ],
    });
    span.end();
    return res.choices[0].message.content ?? "";
  });
}

new Worker(
  "inbound-email",
  async (job: Job<InboundEmail>) => {
    const label = await classify(job.data);
    const draft = await draftReply(job.data, label);
    const summary = await summarizeForSlack(job.data);
    await fetch("https://slack.com/api/chat.postMessage", {
      method: "POST",
      headers: { Authorization: `Bearer ${SLACK_BOT_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ channel: "#support-triage", text: `[${label}] ${summary}` }),
    });
    await db.drafts.insert({ messageId: job.data.messageId, draft });
  },
  { connection: { host: process.env.REDIS_HOST ?? "localhost", port: 6379 }, concurrency: 4 },
);
