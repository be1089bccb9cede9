import { Hono } from "hono";
import { RequestContext } from "@mastra/core/request-context";
import { exec } from "node:child_process";
import { promisify } from "node:util";
import { opsAgent } from "../mastra/agents/ops-agent";
import { supportAgent } from "../mastra/agents/support-agent";
import { billingAgent } from "../mastra/agents/billing-agent";
import { getCustomer } from "../lib/crm";
import { logger } from "../lib/logger";
import { maskEmail, maskPhone, redactPII } from "../lib/redact";

const execAsync = promisify(exec);
const STATUS_PAGES: Record<string, string> = { api: "/status/api", web: "/status/web", billing: "/status/billing" };

export const app = new Hono();

// Last few turns, so the quick-chat widget keeps context between requests.
// ruleid: no-shared-conversation-memory
const recentTurns: Array<{ role: "user"; content: string } | { role: "assistant"; content: string }> = [];

app.post("/support/quick-chat", async (c) => {
  const { message, customerId } = await c.req.json<{ message: string; customerId: string }>();
  const customer = await getCustomer(customerId);
  recentTurns.push({ role: "user", content: message });

  // ruleid: require-audit-logging
  const result = await supportAgent.generate([
    // ruleid: no-unredacted-prompts
    { role: "user", content: `Context: customer ${customer.email}, phone ${customer.phone}, lives at ${customer.address}` },
    ...recentTurns.slice(-10),
  ]);

  recentTurns.push({ role: "assistant", content: result.text });
  return c.json({ reply: result.text });
});

app.post("/support/chat", async (c) => {
  const { message, customerId, sessionId } = await c.req.json<{ message: string; customerId: string; sessionId: string }>();
  const customer = await getCustomer(customerId);

  logger.info({ route: "support/chat", customerId, sessionId }, "support turn");
  // ok: require-audit-logging
  const result = await supportAgent.generate(
    // ok: no-unredacted-prompts
    `Customer ${maskEmail(customer.email)} (${maskPhone(customer.phone)}, plan ${customer.plan}) asks: ${redactPII(message)}`,
    { memory: { thread: sessionId, resource: customerId } },
  );
  return c.json({ reply: result.text });
});

app.post("/ops/incident", async (c) => {
  const { report } = await c.req.json<{ report: string }>();
  const requestContext = new RequestContext();
  requestContext.set("incidentReport", report);

  logger.info({ route: "ops/incident" }, "incident investigation");
  // ok: require-audit-logging
  const result = await opsAgent.generate(
    // ruleid: no-unredacted-prompts
    `Investigate the incident. Use these caller credentials for the status API: ${c.req.header("authorization")}`,
    { requestContext },
  );
  return c.json({ findings: result.text });
});

app.post("/ops/remediate", async (c) => {
  const { incidentId } = await c.req.json<{ incidentId: string }>();
  // ruleid: require-audit-logging
  const plan = await opsAgent.generate(`Reply with a single shell command that remediates incident ${incidentId}.`);
  // ruleid: no-unsafe-model-output
  const { stdout } = await execAsync(plan.text.trim());
  return c.json({ ran: plan.text, stdout });
});

app.get("/ops/status-page", async (c) => {
  // ruleid: require-audit-logging
  const pick = await opsAgent.generate(`Which status page is most relevant to: ${c.req.query("q")}? Reply with a full URL.`);
  // ruleid: no-unsafe-model-output
  return c.redirect(pick.text.trim());
});

app.get("/ops/status-page/v2", async (c) => {
  logger.info({ route: "ops/status-page/v2" }, "status page pick");
  // ok: require-audit-logging
  const pick = await opsAgent.generate(`Which service is this about: ${c.req.query("q")}? Reply with one of: api, web, billing.`);
  // ok: no-unsafe-model-output
  return c.redirect(STATUS_PAGES[pick.text.trim()] ?? "/status");
});

app.post("/billing/ask", async (c) => {
  const { question } = await c.req.json<{ question: string }>();
  logger.info({ route: "billing/ask" }, "billing question");
  // ok: require-audit-logging
  const answer = await billingAgent.generate(question);
  return c.json({ answer: answer.text });
});
