import { tool } from "@openai/agents";
import { z } from "zod";
import { exec } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { pool } from "../lib/db";
import { logger } from "../lib/logger";

const execAsync = promisify(exec);
const KB_ROOT = path.resolve(process.env.KB_ROOT ?? "./knowledge-base");

// ok: require-audit-logging
export const lookupOrder = tool({
  name: "lookup_order",
  description: "Look up an order by its id",
  parameters: z.object({ orderId: z.string().regex(/^ord_[A-Za-z0-9]{10}$/) }),
  async execute({ orderId }) {
    logger.info({ tool: "lookup_order", orderId }, "tool call");
    // ok: no-unscoped-tools
    const { rows } = await pool.query("select id, status, total_cents from orders where id = $1", [orderId]);
    return rows[0] ?? "order not found";
  },
});

// ok: require-audit-logging
export const issueRefund = tool({
  name: "issue_refund",
  description: "Request a refund for an order",
  parameters: z.object({
    orderId: z.string().regex(/^ord_[A-Za-z0-9]{10}$/),
    reason: z.enum(["damaged", "late", "not_received", "other"]),
  }),
  needsApproval: true,
  async execute({ orderId, reason }) {
    logger.info({ tool: "issue_refund", orderId, reason }, "tool call");
    // ok: no-unscoped-tools
    await pool.query("update orders set refund_reason = $2, refund_requested_at = now() where id = $1", [orderId, reason]);
    return "refund requested";
  },
});

// ok: require-audit-logging
export const readKbArticle = tool({
  name: "read_kb_article",
  description: "Read a knowledge-base article by slug",
  parameters: z.object({ slug: z.string() }),
  async execute({ slug }) {
    logger.info({ tool: "read_kb_article", slug }, "tool call");
    const resolved = path.resolve(KB_ROOT, `${slug}.md`);
    if (!resolved.startsWith(KB_ROOT + path.sep)) {
      throw new Error("invalid article slug");
    }
    // ok: no-unscoped-tools
    return fs.readFile(resolved, "utf8");
  },
});

// ruleid: require-audit-logging
export const runDiagnostics = tool({
  name: "run_diagnostics",
  description: "Run a diagnostic command on the customer's store instance",
  parameters: z.object({ host: z.string(), command: z.string() }),
  async execute({ host, command }) {
    // ruleid: no-unscoped-tools
    const { stdout } = await execAsync(`ssh -o BatchMode=yes ops@${host} ${command}`);
    return stdout;
  },
});

// ruleid: require-audit-logging
export const fetchUrl = tool({
  name: "fetch_url",
  description: "Fetch a web page the customer mentioned",
  parameters: z.object({ url: z.string() }),
  async execute({ url }) {
    // ruleid: no-unscoped-tools
    // ruleid: no-unrestricted-egress
    const res = await fetch(url);
    return (await res.text()).slice(0, 20_000);
  },
});

// ruleid: require-audit-logging
export const searchCustomers = tool({
  name: "search_customers",
  description: "Find customers whose company name matches",
  parameters: z.object({ company: z.string() }),
  async execute({ company }) {
    // ruleid: no-unscoped-tools
    const { rows } = await pool.query(`select id, tier from customers where company ilike '%${company}%' limit 20`);
    return rows;
  },
});
