#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { Octokit } from "@octokit/rest";
import { exec } from "node:child_process";
import { promisify } from "node:util";
import pino from "pino";
import { z } from "zod";

const sh = promisify(exec);
// stdio servers must keep stdout clean: log JSON to stderr
const log = pino({ name: "mcp-github" }, pino.destination(2));

const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });

// ruleid: no-shared-agent-credentials
const server = new McpServer({ name: "github-tools", version: "1.4.0" });

// ok: require-audit-logging
server.registerTool(
  "get_file",
  {
    title: "Get file",
    description: "Read a file from a GitHub repository",
    inputSchema: { owner: z.string(), repo: z.string(), path: z.string(), ref: z.string().optional() },
  },
  async ({ owner, repo, path, ref }) => {
    log.info({ tool: "get_file", owner, repo, path, ref }, "tool call");
    // ok: no-unrestricted-egress
    const { data } = await octokit.repos.getContent({ owner, repo, path, ref });
    if (Array.isArray(data) || data.type !== "file") {
      return { content: [{ type: "text", text: "not a file" }], isError: true };
    }
    return { content: [{ type: "text", text: Buffer.from(data.content, "base64").toString("utf8") }] };
  },
);

// ok: require-audit-logging
server.registerTool(
  "clone_repo",
  {
    title: "Clone repository",
    description: "Clone a git repository into the scratch directory for deeper analysis",
    inputSchema: { url: z.string(), dir: z.string() },
  },
  async ({ url, dir }) => {
    log.info({ tool: "clone_repo", url, dir }, "tool call");
    // ruleid: no-unscoped-tools
    const { stderr } = await sh(`git clone --depth 1 ${url} /tmp/scratch/${dir}`);
    return { content: [{ type: "text", text: stderr || "cloned" }] };
  },
);

// ok: require-audit-logging
server.registerTool(
  "search_issues",
  {
    title: "Search issues",
    description: "Search issues in our organization",
    inputSchema: { query: z.string().max(256), state: z.enum(["open", "closed"]).default("open") },
  },
  async ({ query, state }) => {
    log.info({ tool: "search_issues", query, state }, "tool call");
    const { data } = await octokit.search.issuesAndPullRequests({ q: `org:example-corp is:issue state:${state} ${query}` });
    const lines = data.items.map((i) => `#${i.number} ${i.title} (${i.html_url})`);
    return { content: [{ type: "text", text: lines.join("\n") || "no results" }] };
  },
);

async function main() {
  await server.connect(new StdioServerTransport());
  log.info("github-tools MCP server running on stdio");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
