import { tool } from "ai";
import { readFile } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { z } from "zod";
import { toolLog } from "../logger";

const sql = postgres(process.env.DATABASE_URL!, { max: 5 });
const DOCS_DIR = path.join(process.cwd(), "content", "docs");

// ok: require-audit-logging
export const getWeather = tool({
  description: "Get the current weather for a city",
  inputSchema: z.object({ city: z.string().describe("City name, e.g. Berlin") }),
  execute: async ({ city }) => {
    toolLog.info({ tool: "getWeather", city }, "tool call");
    // ok: no-unrestricted-egress
    const res = await fetch(`https://api.open-meteo.com/v1/forecast?current=temperature_2m&city=${encodeURIComponent(city)}`);
    return res.json();
  },
});

// ruleid: require-audit-logging
export const queryOrders = tool({
  description: "Find the signed-in customer's orders by status",
  inputSchema: z.object({
    customerId: z.string().uuid(),
    status: z.string().describe("order status, e.g. shipped"),
  }),
  execute: async ({ customerId, status }) => {
    // ruleid: no-unscoped-tools
    return sql.unsafe(`select id, total, status from orders where customer_id = '${customerId}' and status = '${status}'`);
  },
});

// ok: require-audit-logging
export const listOrders = tool({
  description: "List the customer's orders, newest first",
  inputSchema: z.object({
    customerId: z.string().uuid(),
    status: z.enum(["pending", "shipped", "delivered", "returned"]),
  }),
  execute: async ({ customerId, status }) => {
    toolLog.info({ tool: "listOrders", customerId, status }, "tool call");
    // ok: no-unscoped-tools
    return sql`select id, total, status from orders where customer_id = ${customerId} and status = ${status} order by created_at desc limit 20`;
  },
});

// ok: require-audit-logging
export const readDoc = tool({
  description: "Read a product documentation page, e.g. 'billing/invoices.mdx'",
  inputSchema: z.object({ page: z.string() }),
  execute: async ({ page }) => {
    toolLog.info({ tool: "readDoc", page }, "tool call");
    const full = path.resolve(DOCS_DIR, page);
    if (!full.startsWith(DOCS_DIR + path.sep) || !full.endsWith(".mdx")) {
      throw new Error("invalid page");
    }
    // ok: no-unscoped-tools
    return readFile(full, "utf8");
  },
});

// ruleid: require-audit-logging
export const browse = tool({
  description: "Open a web page and return its text",
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    // ruleid: no-unscoped-tools
    // ruleid: no-unrestricted-egress
    const res = await fetch(url);
    const html = await res.text();
    return html.replace(/<[^>]+>/g, " ").slice(0, 12_000);
  },
});

// ruleid: require-audit-logging
// ruleid: no-unscoped-tools
export const calculate = tool({
  description: "Evaluate a JavaScript math expression and return the result",
  inputSchema: z.any(),
  execute: async (input) => {
    // ruleid: no-unscoped-tools
    const fn = new Function(`return (${input.expression});`);
    return { result: fn() };
  },
});
