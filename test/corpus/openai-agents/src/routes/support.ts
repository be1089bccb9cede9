import express from "express";
import { run, user, type AgentInputItem } from "@openai/agents";
import { triageAgent, type TicketContext } from "../agents/support-agents";
import { researchAgent } from "../agents/research-agent";
import { customers } from "../lib/db";
import { logger } from "../lib/logger";
import { redactPII } from "../lib/redact";

export const router = express.Router();

// One running thread for the internal "ask the research agent" widget.
// ruleid: no-shared-conversation-memory
let researchThread: AgentInputItem[] = [];

router.post("/tickets/:id/triage", async (req, res) => {
  const customer = await customers.findByTicket(req.params.id);
  const context: TicketContext = { ticketId: req.params.id, ticketBody: String(req.body.body), tier: customer.tier };

  // ruleid: require-audit-logging
  const result = await run(
    triageAgent,
    [
      // ruleid: no-unredacted-prompts
      user(`Customer on file: ${JSON.stringify(customer)}`),
      user(String(req.body.body)),
    ],
    { context },
  );

  res.json({ answer: result.finalOutput, handledBy: result.lastAgent?.name });
});

router.post("/tickets/:id/triage/v2", async (req, res) => {
  const customer = await customers.findByTicket(req.params.id);
  const context: TicketContext = { ticketId: req.params.id, ticketBody: String(req.body.body), tier: customer.tier };

  logger.info({ ticketId: req.params.id, agent: triageAgent.name }, "running triage");
  // ok: require-audit-logging
  const result = await run(
    triageAgent,
    [
      // ok: no-unredacted-prompts
      user(`Customer on file: ${redactPII(JSON.stringify(customer))}`),
      // ok: no-unredacted-prompts
      user(`Customer plan: ${customer.tier}; open orders: ${customer.openOrderCount}`),
      user(String(req.body.body)),
    ],
    { context, maxTurns: 8 },
  );
  logger.info({ ticketId: req.params.id, lastAgent: result.lastAgent?.name }, "triage finished");

  res.json({ answer: result.finalOutput });
});

router.get("/research/go", async (req, res) => {
  logger.info({ route: "research/go", q: req.query.q }, "docs redirect");
  // ok: require-audit-logging
  const result = await run(researchAgent, `Reply with only the single most relevant documentation URL for: ${String(req.query.q)}`);
  // ruleid: no-unsafe-model-output
  res.redirect(String(result.finalOutput).trim());
});

router.post("/research/chat", async (req, res) => {
  researchThread.push(user(String(req.body.message)));
  // ruleid: require-audit-logging
  const result = await run(researchAgent, researchThread);
  researchThread = result.history;
  res.json({ reply: result.finalOutput });
});
