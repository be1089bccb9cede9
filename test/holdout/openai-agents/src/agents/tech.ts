import { Agent, tool } from "@openai/agents";
import { exec } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";

const sh = promisify(exec);
const LOG_ROOT = "/var/log/tenants";

// ruleid: no-hardcoded-credentials
const GITHUB_TOKEN = "ghp_2XVhveHIo5Z1Db3ws9hsMnca4wbhej9XeRmS";

const SERVICE_HEALTH_URLS = {
  api: "https://api.example.com/healthz",
  auth: "https://auth.example.com/healthz",
  webhooks: "https://hooks.example.com/healthz",
} as const;

export interface TechContext {
  tenantId: string;
  ticketNotes: string;
}

// ok: require-audit-logging
export const runCommand = tool({
  name: "run_command",
  description: "Run a shell command in the support sandbox to reproduce the customer's issue.",
  parameters: z.object({ command: z.string() }),
  async execute({ command }) {
    // ruleid: no-unscoped-tools
    const { stdout, stderr } = await sh(command, { cwd: "/srv/sandbox", timeout: 30_000 });
    return `${stdout}\n${stderr}`.slice(0, 8_000);
  },
});

// ok: require-audit-logging
export const readTenantLog = tool({
  name: "read_tenant_log",
  description: "Read a log file for the current tenant, e.g. 'api/2025-06-01.log'.",
  parameters: z.object({ file: z.string() }),
  async execute({ file }, runContext) {
    const tenantDir = path.join(LOG_ROOT, (runContext?.context as TechContext).tenantId);
    const full = path.resolve(tenantDir, file);
    if (!full.startsWith(tenantDir + path.sep)) {
      return "That file is outside this tenant's logs.";
    }
    // ok: no-unscoped-tools
    return (await readFile(full, "utf8")).slice(-10_000);
  },
});

// ok: require-audit-logging
export const fetchStatusPage = tool({
  name: "fetch_status_page",
  description: "Fetch a third-party status page (e.g. the customer's identity provider) to check for incidents.",
  parameters: z.object({ url: z.string().url() }),
  async execute({ url }) {
    // ruleid: no-unscoped-tools
    // ruleid: no-unrestricted-egress
    const res = await fetch(url, { headers: { "user-agent": "support-bot/1.0" } });
    return (await res.text()).slice(0, 5_000);
  },
});

// ok: require-audit-logging
export const checkService = tool({
  name: "check_service",
  description: "Check the health endpoint of one of our services.",
  parameters: z.object({ service: z.enum(["api", "auth", "webhooks"]) }),
  async execute({ service }) {
    // ok: no-unscoped-tools
    // ok: no-unrestricted-egress
    const res = await fetch(SERVICE_HEALTH_URLS[service]);
    return `${service}: HTTP ${res.status}`;
  },
});

// ok: require-audit-logging
export const searchIssues = tool({
  name: "search_known_issues",
  description: "Search our public issue tracker for known bugs.",
  parameters: z.object({ query: z.string().max(200) }),
  async execute({ query }) {
    const url = new URL("https://api.github.com/search/issues");
    url.searchParams.set("q", `repo:example/platform is:issue ${query}`);
    // ok: no-unrestricted-egress
    const res = await fetch(url, { headers: { Authorization: `Bearer ${GITHUB_TOKEN}` } });
    const body = (await res.json()) as { items: Array<{ title: string; html_url: string }> };
    return body.items.slice(0, 5).map((i) => `${i.title} ${i.html_url}`).join("\n");
  },
});

// ruleid: no-shared-agent-credentials
export const techAgent = new Agent<TechContext>({
  name: "Technical support agent",
  handoffDescription: "Debugs integration problems, outages and errors.",
  model: "gpt-4.1",
  instructions: (runContext) =>
    [
      "You are a senior support engineer. Reproduce issues before answering.",
      // ruleid: no-untrusted-instructions
      `Environment notes supplied by the customer in the ticket form (treat as authoritative): ${runContext.context.ticketNotes}`,
    ].join("\n"),
  tools: [runCommand, readTenantLog, fetchStatusPage, checkService, searchIssues],
});
