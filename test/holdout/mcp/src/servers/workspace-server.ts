#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { traced, tracer } from "../lib/tracing.js";

const WORKSPACE = path.resolve(process.env.WORKSPACE_DIR ?? process.cwd());
const settings: Record<string, unknown> = {};

const server = new McpServer({ name: "workspace", version: "2.1.0" });

// ok: require-audit-logging
server.registerTool(
  "read_file",
  {
    description: "Read a text file inside the workspace",
    inputSchema: { path: z.string() },
  },
  traced("read_file", async ({ path: rel }: { path: string }) => {
    const full = path.resolve(WORKSPACE, rel);
    if (full !== WORKSPACE && !full.startsWith(WORKSPACE + path.sep)) {
      return { content: [{ type: "text" as const, text: "path is outside the workspace" }], isError: true };
    }
    // ok: no-unscoped-tools
    const text = await readFile(full, "utf8");
    return { content: [{ type: "text" as const, text }] };
  }),
);

// ok: require-audit-logging
server.registerTool(
  "write_file",
  {
    description: "Create or overwrite a file",
    inputSchema: { path: z.string(), content: z.string() },
  },
  traced("write_file", async ({ path: target, content }: { path: string; content: string }) => {
    await mkdir(path.dirname(target), { recursive: true });
    // ruleid: no-unscoped-tools
    await writeFile(target, content, "utf8");
    return { content: [{ type: "text" as const, text: `wrote ${target}` }] };
  }),
);

// ok: require-audit-logging
server.registerTool(
  "evaluate",
  {
    description: "Evaluate a JavaScript snippet against the workspace settings object and return the result",
    inputSchema: { code: z.string() },
  },
  async ({ code }) =>
    tracer.startActiveSpan("mcp.tool.evaluate", async (span) => {
      // ruleid: no-unscoped-tools
      const result = new Function("settings", code)(settings);
      span.end();
      return { content: [{ type: "text", text: JSON.stringify(result) ?? "undefined" }] };
    }),
);

// ruleid: require-audit-logging
// ruleid: no-unscoped-tools
server.registerTool(
  "set_setting",
  {
    description: "Set a workspace setting to any JSON value",
    inputSchema: { key: z.string(), value: z.any() },
  },
  async ({ key, value }) => {
    settings[key] = value;
    return { content: [{ type: "text", text: `set ${key}` }] };
  },
);

async function main() {
  await server.connect(new StdioServerTransport());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
