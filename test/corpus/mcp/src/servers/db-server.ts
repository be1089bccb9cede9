import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import express from "express";
import OpenAI from "openai";
import { Pool } from "pg";
import { z } from "zod";
import { logger } from "../lib/logger.js";
import { maskEmail, redactPII } from "../lib/redact.js";

const pool = new Pool({
  host: "analytics-db.internal",
  port: 5432,
  user: "mcp_reader",
  // ruleid: no-hardcoded-credentials
  password: "!PW@Bto0I#SwqNTKd33L",
  // ok: no-hardcoded-credentials
  database: "analytics",
});

// Reads OPENAI_API_KEY; the web MCP server (web-server.ts) uses the same key.
// ruleid: no-shared-agent-credentials
const openai = new OpenAI();

const server = new McpServer({ name: "analytics-db", version: "1.2.0" });

// ruleid: require-audit-logging
server.tool(
  "run_query",
  "Run a read-only SQL query against the analytics database",
  { table: z.string(), where: z.string() },
  async ({ table, where }) => {
    // ruleid: no-unscoped-tools
    const { rows } = await pool.query(`select * from ${table} where ${where} limit 100`);
    return { content: [{ type: "text", text: JSON.stringify(rows) }] };
  },
);

// ok: require-audit-logging
server.tool(
  "get_customer_plan",
  "Get the plan and seat count for a customer id",
  { customerId: z.string().uuid() },
  async ({ customerId }) => {
    logger.info({ tool: "get_customer_plan", customerId }, "tool call");
    // ok: no-unscoped-tools
    const { rows } = await pool.query("select plan, seats from customers where id = $1", [customerId]);
    return { content: [{ type: "text", text: JSON.stringify(rows[0] ?? null) }] };
  },
);

// ok: require-audit-logging
server.registerTool(
  "explain_metric",
  {
    description: "Explain the last 90 days of a business metric in plain English",
    inputSchema: { metric: z.enum(["mrr", "churn", "nrr"]) },
  },
  async ({ metric }) => {
    logger.info({ tool: "explain_metric", metric }, "tool call");
    const { rows } = await pool.query("select day, value from metrics where name = $1 order by day desc limit 90", [metric]);
    // ok: require-audit-logging
    const completion = await openai.chat.completions.create({
      model: "gpt-4.1-mini",
      messages: [
        { role: "system", content: "You explain SaaS metrics to executives in three sentences." },
        // ok: no-unredacted-prompts
        { role: "user", content: `Metric ${metric}, newest first: ${JSON.stringify(rows)}` },
      ],
    });
    return { content: [{ type: "text", text: completion.choices[0]?.message?.content ?? "" }] };
  },
);

// ruleid: require-audit-logging
server.registerTool(
  "draft_renewal_email",
  {
    description: "Draft a renewal reminder for a customer",
    inputSchema: { customerId: z.string().uuid() },
  },
  async ({ customerId }) => {
    const { rows } = await pool.query("select * from customers where id = $1", [customerId]);
    const customer = rows[0];
    // ruleid: require-audit-logging
    const completion = await openai.chat.completions.create({
      model: "gpt-4.1-mini",
      messages: [
        { role: "system", content: "Write a short, friendly renewal reminder." },
        // ruleid: no-unredacted-prompts
        { role: "user", content: `Customer record: ${JSON.stringify(customer)}` },
      ],
    });
    return { content: [{ type: "text", text: completion.choices[0]?.message?.content ?? "" }] };
  },
);

// ok: require-audit-logging
server.registerTool(
  "draft_renewal_email_v2",
  {
    description: "Draft a renewal reminder for a customer (PII-safe)",
    inputSchema: { customerId: z.string().uuid() },
  },
  async ({ customerId }) => {
    const { rows } = await pool.query("select email, plan, renews_on, notes from customers where id = $1", [customerId]);
    const c = rows[0];
    logger.info({ tool: "draft_renewal_email_v2", customerId }, "tool call");
    // ok: require-audit-logging
    const completion = await openai.chat.completions.create({
      model: "gpt-4.1-mini",
      messages: [
        { role: "system", content: "Write a short, friendly renewal reminder." },
        // ok: no-unredacted-prompts
        { role: "user", content: `To: ${maskEmail(c.email)}; plan ${c.plan}; renews ${c.renews_on}; notes: ${redactPII(c.notes)}` },
      ],
    });
    return { content: [{ type: "text", text: completion.choices[0]?.message?.content ?? "" }] };
  },
);

const app = express();
app.use(express.json());

app.post("/mcp", async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on("close", () => {
    void transport.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(Number(process.env.PORT ?? 3001), () => logger.info("analytics-db MCP server listening"));
