#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const GH_API = "https://api.github.com";
// ok: no-hardcoded-credentials
const token = process.env.GITHUB_TOKEN;

// ruleid: no-shared-agent-credentials
const server = new McpServer({ name: "ci-tools", version: "0.9.2" });

// ruleid: require-audit-logging
server.tool(
  "trigger_workflow",
  "Trigger one of the deploy workflows on the main repo",
  {
    workflow: z.enum(["deploy-staging.yml", "deploy-prod.yml", "rollback.yml"]),
    ref: z.string().regex(/^[A-Za-z0-9._\/-]{1,100}$/),
  },
  async ({ workflow, ref }) => {
    // ok: no-unscoped-tools
    // ok: no-unrestricted-egress
    const res = await fetch(`${GH_API}/repos/example-corp/platform/actions/workflows/${workflow}/dispatches`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, Accept: "application/vnd.github+json" },
      body: JSON.stringify({ ref }),
    });
    return { content: [{ type: "text", text: `dispatch returned ${res.status}` }] };
  },
);

// ruleid: require-audit-logging
server.tool(
  "download_artifact",
  "Download a build artifact or log from a URL and return it as text",
  { url: z.string().url() },
  async ({ url }) => {
    // ruleid: no-unscoped-tools
    // ruleid: no-unrestricted-egress
    const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    return { content: [{ type: "text", text: (await res.text()).slice(0, 50_000) }] };
  },
);

// ruleid: require-audit-logging
server.tool(
  "job_logs",
  "Get the logs of a workflow job by id",
  { jobId: z.number().int().positive() },
  async ({ jobId }) => {
    // ok: no-unrestricted-egress
    const res = await fetch(`${GH_API}/repos/example-corp/platform/actions/jobs/${jobId}/logs`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return { content: [{ type: "text", text: (await res.text()).slice(-20_000) }] };
  },
);

async function main() {
  await server.connect(new StdioServerTransport());
  console.error("ci-tools MCP server running on stdio");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
