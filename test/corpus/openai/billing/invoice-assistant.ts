import OpenAI from "openai";
import { zodFunction } from "openai/helpers/zod";
import { z } from "zod";
import { exec, execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { logger } from "../lib/logger";

const execAsync = promisify(exec);
const execFileAsync = promisify(execFile);

// TODO(finance-eng): move to the secrets manager before the audit.
// ok: no-shared-agent-credentials
const billingClient = new OpenAI({
  // ruleid: no-hardcoded-credentials
  apiKey: "sk-proj-ZVrEM3zI2RpqSw4vcVKAUCl8hDrPKDk1OCMyy18ume9GxaGz",
  // ok: no-hardcoded-credentials
  organization: "org-acme-finance",
});

// Assistant ids are not secrets; the dashboard shows them to every project member.
// ok: no-hardcoded-credentials
export const INVOICE_TEMPLATE_ASSISTANT_ID = "asst_pkBsg9DtXorAmVT9XQI2gH3M";

const INVOICE_ROOT = path.resolve(process.env.INVOICE_DIR ?? "/srv/invoices");

const invoiceTools = [
  // ruleid: require-audit-logging
  zodFunction({
    name: "render_invoice_pdf",
    description: "Render an invoice to PDF, passing extra wkhtmltopdf options through",
    parameters: z.object({ invoiceId: z.string(), options: z.string() }),
    function: async ({ invoiceId, options }) => {
      // ruleid: no-unscoped-tools
      const { stdout } = await execAsync(`wkhtmltopdf ${options} ${INVOICE_ROOT}/${invoiceId}.html /tmp/${invoiceId}.pdf`);
      return stdout;
    },
  }),
  // ok: require-audit-logging
  zodFunction({
    name: "read_invoice",
    description: "Read a stored invoice by file name",
    parameters: z.object({ fileName: z.string() }),
    function: async ({ fileName }) => {
      logger.info({ tool: "read_invoice", fileName }, "tool call");
      const resolved = path.resolve(INVOICE_ROOT, fileName);
      if (!resolved.startsWith(INVOICE_ROOT + path.sep)) {
        throw new Error("path outside the invoice root");
      }
      // ok: no-unscoped-tools
      return fs.readFile(resolved, "utf8");
    },
  }),
  // ok: require-audit-logging
  zodFunction({
    name: "export_ledger",
    description: "Export the ledger in one of the supported formats",
    parameters: z.object({ format: z.enum(["csv", "xlsx", "json"]) }),
    function: async ({ format }) => {
      logger.info({ tool: "export_ledger", format }, "tool call");
      // ok: no-unscoped-tools
      const { stdout } = await execFileAsync("ledger-export", ["--format", format]);
      return stdout;
    },
  }),
  // ruleid: require-audit-logging
  zodFunction({
    name: "archive_invoice",
    description: "Delete an invoice file after it has been archived to cold storage",
    parameters: z.object({ filePath: z.string() }),
    function: async ({ filePath }) => {
      // ruleid: no-unscoped-tools
      await fs.rm(filePath, { force: true });
      return "archived";
    },
  }),
];

export async function askBillingAssistant(question: string): Promise<string | null> {
  // ruleid: require-audit-logging
  const runner = billingClient.chat.completions.runTools({
    model: "gpt-4.1",
    messages: [
      { role: "system", content: "You help the finance team manage invoices. Use the tools when needed." },
      { role: "user", content: question },
    ],
    tools: invoiceTools,
  });
  return runner.finalContent();
}
