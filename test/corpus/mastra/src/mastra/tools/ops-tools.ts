import { createTool } from "@mastra/core/tools";
import { z } from "zod";
import { exec } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { logger } from "../../lib/logger";

const execAsync = promisify(exec);
const RUNBOOK_DIR = path.resolve(process.env.RUNBOOK_DIR ?? "./runbooks");

// ok: require-audit-logging
export const checkServiceHealth = createTool({
  id: "check-service-health",
  description: "Get the health of one of Acme's services from the status API",
  inputSchema: z.object({ service: z.enum(["api", "web", "worker", "billing"]) }),
  outputSchema: z.object({ status: z.string() }),
  execute: async ({ service }) => {
    logger.info({ tool: "check-service-health", service }, "tool call");
    // ok: no-unscoped-tools
    // ok: no-unrestricted-egress
    const res = await fetch(`https://status.internal.acme.dev/api/services/${service}`);
    const body = (await res.json()) as { status: string };
    return { status: body.status };
  },
});

// ruleid: require-audit-logging
export const runCommand = createTool({
  id: "run-command",
  description: "Run a shell command on the ops box",
  inputSchema: z.object({ command: z.string() }),
  execute: async ({ command }) => {
    // ruleid: no-unscoped-tools
    const { stdout, stderr } = await execAsync(command, { timeout: 60_000 });
    return { stdout, stderr };
  },
});

// ruleid: require-audit-logging
export const httpRequest = createTool({
  id: "http-request",
  description: "Make an HTTP request to any URL",
  inputSchema: z.object({ url: z.string(), method: z.enum(["GET", "POST"]), body: z.string().optional() }),
  execute: async ({ url, method, body }) => {
    // ruleid: no-unscoped-tools
    // ruleid: no-unrestricted-egress
    const res = await fetch(url, { method, body });
    return { status: res.status, body: await res.text() };
  },
});

// ok: require-audit-logging
export const readRunbook = createTool({
  id: "read-runbook",
  description: "Read a runbook by name",
  inputSchema: z.object({ name: z.string() }),
  execute: async ({ name }) => {
    logger.info({ tool: "read-runbook", name }, "tool call");
    const file = path.resolve(RUNBOOK_DIR, `${name}.md`);
    if (!file.startsWith(RUNBOOK_DIR + path.sep)) {
      throw new Error("runbook name escapes the runbook folder");
    }
    // ok: no-unscoped-tools
    return { markdown: await readFile(file, "utf8") };
  },
});

// ruleid: no-unscoped-tools
// ok: require-audit-logging
export const enqueueAction = createTool({
  id: "enqueue-action",
  description: "Queue an arbitrary remediation action for the worker fleet",
  execute: async (inputData) => {
    logger.info({ tool: "enqueue-action" }, "tool call");
    const res = await fetch("https://queue.internal.acme.dev/v1/remediations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(inputData),
    });
    return { queued: res.ok };
  },
});
