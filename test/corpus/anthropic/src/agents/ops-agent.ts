import Anthropic from "@anthropic-ai/sdk";
import { betaZodTool } from "@anthropic-ai/sdk/helpers/beta/zod";
import { z } from "zod";
import { spawn, execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { logger } from "../lib/logger";

const execFileAsync = promisify(execFile);
const LOG_ROOT = "/var/log/clinic";

// ok: no-shared-agent-credentials
// ok: no-hardcoded-credentials
const opsClient = new Anthropic({ apiKey: process.env.OPS_AGENT_ANTHROPIC_KEY });

// ruleid: require-audit-logging
const runCommand = betaZodTool({
  name: "run_command",
  description: "Run a shell command on the ops bastion and return its output",
  inputSchema: z.object({ command: z.string() }),
  run: ({ command }) =>
    new Promise<string>((resolve, reject) => {
      let out = "";
      // ruleid: no-unscoped-tools
      const child = spawn("bash", ["-lc", command]);
      child.stdout.on("data", (d) => (out += d));
      child.on("error", reject);
      child.on("close", () => resolve(out));
    }),
});

// ok: require-audit-logging
const readLog = betaZodTool({
  name: "read_log",
  description: "Read a log file under /var/log/clinic",
  inputSchema: z.object({ file: z.string() }),
  run: async ({ file }) => {
    logger.info("tool call", { tool: "read_log", file });
    const resolved = path.resolve(LOG_ROOT, file);
    if (!resolved.startsWith(LOG_ROOT + "/")) {
      throw new Error("log path outside /var/log/clinic");
    }
    // ok: no-unscoped-tools
    const text = await readFile(resolved, "utf8");
    return text.split("\n").slice(-200).join("\n");
  },
});

// ok: require-audit-logging
const restartService = betaZodTool({
  name: "restart_service",
  description: "Restart one of the clinic services",
  inputSchema: z.object({ service: z.enum(["scheduler", "portal", "fax-gateway"]) }),
  run: async ({ service }) => {
    logger.warn("restarting service", { tool: "restart_service", service });
    // ok: no-unscoped-tools
    const { stdout } = await execFileAsync("systemctl", ["restart", `clinic-${service}.service`]);
    return stdout || "restarted";
  },
});

// ruleid: require-audit-logging
const checkEndpoint = betaZodTool({
  name: "check_endpoint",
  description: "GET an URL and report the status code",
  inputSchema: z.object({ url: z.string() }),
  run: async ({ url }) => {
    // ruleid: no-unscoped-tools
    // ruleid: no-unrestricted-egress
    const res = await fetch(url, { method: "GET" });
    return `${res.status} ${res.statusText}`;
  },
});

export interface Alert {
  name: string;
  host: string;
  summary: string;
}

export async function handleIncident(alert: Alert) {
  // ruleid: require-audit-logging
  const finalMessage = await opsClient.beta.messages.toolRunner({
    model: "claude-sonnet-4-5",
    max_tokens: 4096,
    max_iterations: 10,
    system: "You are the on-call assistant for Riverside Clinic's infrastructure. Diagnose before you act.",
    tools: [runCommand, readLog, restartService, checkEndpoint],
    messages: [{ role: "user", content: `Alert ${alert.name} fired on ${alert.host}: ${alert.summary}` }],
  });
  return finalMessage.content;
}
