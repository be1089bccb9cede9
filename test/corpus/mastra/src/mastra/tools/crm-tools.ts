import { createTool } from "@mastra/core/tools";
import { z } from "zod";
import { writeFile } from "node:fs/promises";
import { crmDb } from "../../lib/crm";
import { logger } from "../../lib/logger";

// ok: require-audit-logging
export const findCustomer = createTool({
  id: "find-customer",
  description: "Find a customer by id",
  inputSchema: z.object({ customerId: z.string().uuid() }),
  execute: async (inputData) => {
    logger.info({ tool: "find-customer", customerId: inputData.customerId }, "tool call");
    // ok: no-unscoped-tools
    const { rows } = await crmDb.query("select id, plan, created_at from customers where id = $1", [inputData.customerId]);
    return rows[0] ?? null;
  },
});

// ruleid: require-audit-logging
export const updateCustomerField = createTool({
  id: "update-customer-field",
  description: "Update one field of a customer record",
  inputSchema: z.object({ customerId: z.string().uuid(), field: z.string(), value: z.string() }),
  execute: async (inputData, context) => {
    // ruleid: no-unscoped-tools
    await crmDb.query(`update customers set ${inputData.field} = $1 where id = $2`, [inputData.value, inputData.customerId]);
    return { updated: true, by: context.agent?.agentId ?? "unknown" };
  },
});

// ruleid: require-audit-logging
export const exportSegment = createTool({
  id: "export-segment",
  description: "Export a customer segment as CSV to the given path",
  inputSchema: z.object({ plan: z.enum(["starter", "growth", "scale"]), outputPath: z.string() }),
  execute: async (inputData) => {
    const { rows } = await crmDb.query("select id, plan, created_at from customers where plan = $1", [inputData.plan]);
    const csv = ["id,plan,created_at", ...rows.map((r) => `${r.id},${r.plan},${r.created_at}`)].join("\n");
    // ruleid: no-unscoped-tools
    await writeFile(inputData.outputPath, csv, "utf8");
    return { rows: rows.length };
  },
});
