import { DynamicStructuredTool, tool } from "@langchain/core/tools";
import { z } from "zod";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { db } from "../lib/db";
import { logger } from "../lib/logger";

const DOCS_ROOT = path.resolve(process.env.DOCS_ROOT ?? "./docs");
const ALLOWED_API_HOSTS = new Set(["api.stripe.com", "api.hubapi.com"]);

// ruleid: require-audit-logging
export const ordersByStatus = tool(
  async ({ status, region }) => {
    // ruleid: no-unscoped-tools
    const { rows } = await db.query(`select id, total from orders where status = '${status}' and region = '${region}'`);
    return JSON.stringify(rows);
  },
  {
    name: "orders_by_status",
    description: "List orders with a given status in a region",
    schema: z.object({ status: z.string(), region: z.string() }),
  },
);

// ok: require-audit-logging
export const ordersForCustomer = tool(
  async ({ customerId, status }) => {
    logger.info("tool call", { tool: "orders_for_customer", customerId, status });
    // ok: no-unscoped-tools
    const { rows } = await db.query("select id, total, status from orders where customer_id = $1 and status = $2", [customerId, status]);
    return JSON.stringify(rows);
  },
  {
    name: "orders_for_customer",
    description: "List a customer's orders by status",
    schema: z.object({
      customerId: z.string().uuid(),
      status: z.enum(["open", "shipped", "cancelled"]),
    }),
  },
);

// ruleid: no-unscoped-tools
// ok: require-audit-logging
export const notifyOncall = tool(
  async (input) => {
    logger.info("tool call", { tool: "notify_oncall" });
    // ok: no-unrestricted-egress
    await fetch(process.env.ONCALL_WEBHOOK_URL!, { method: "POST", body: JSON.stringify({ text: String(input) }) });
    return "sent";
  },
  {
    name: "notify_oncall",
    description: "Send a free-form message to the on-call channel",
  },
);

// ok: require-audit-logging
export const readDoc = new DynamicStructuredTool({
  name: "read_doc",
  description: "Read an internal doc by relative path",
  schema: z.object({ relPath: z.string() }),
  func: async ({ relPath }) => {
    logger.info("tool call", { tool: "read_doc", relPath });
    const full = path.resolve(DOCS_ROOT, relPath);
    if (!full.startsWith(DOCS_ROOT + path.sep)) {
      throw new Error("path escapes the docs root");
    }
    // ok: no-unscoped-tools
    return readFile(full, "utf8");
  },
});

// ruleid: require-audit-logging
export const saveReport = new DynamicStructuredTool({
  name: "save_report",
  description: "Save a generated report to disk",
  schema: z.object({ outputPath: z.string(), content: z.string() }),
  func: async ({ outputPath, content }) => {
    // ruleid: no-unscoped-tools
    await writeFile(outputPath, content, "utf8");
    return `saved ${outputPath}`;
  },
});

// ruleid: require-audit-logging
export const loadFormatter = new DynamicStructuredTool({
  name: "load_formatter",
  description: "Load a formatter plugin by module name and format text with it",
  schema: z.object({ moduleName: z.string(), text: z.string() }),
  func: async ({ moduleName, text }) => {
    // ruleid: no-unscoped-tools
    const plugin = await import(moduleName);
    return String(plugin.default(text));
  },
});

// ok: require-audit-logging
export const callPartnerApi = new DynamicStructuredTool({
  name: "call_partner_api",
  description: "GET a resource from an approved partner API",
  schema: z.object({ url: z.string().url() }),
  func: async ({ url }) => {
    const target = new URL(url);
    if (!ALLOWED_API_HOSTS.has(target.hostname)) {
      throw new Error(`host ${target.hostname} not allowed`);
    }
    logger.info("tool call", { tool: "call_partner_api", host: target.hostname });
    // ok: no-unscoped-tools
    // ok: no-unrestricted-egress
    const res = await fetch(target, { headers: { Authorization: `Bearer ${process.env.PARTNER_API_TOKEN}` } });
    return res.text();
  },
});

// ruleid: require-audit-logging
export const httpGet = new DynamicStructuredTool({
  name: "http_get",
  description: "GET any URL",
  schema: z.object({ url: z.string() }),
  func: async ({ url }) => {
    // ruleid: no-unscoped-tools
    // ruleid: no-unrestricted-egress
    const res = await fetch(url);
    return res.text();
  },
});
