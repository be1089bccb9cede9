#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { exec } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { logger } from "../lib/logger.js";

const execAsync = promisify(exec);
const WORKSPACE = path.resolve(process.env.WORKSPACE_DIR ?? process.cwd());

const server = new McpServer({ name: "workspace-files", version: "0.4.2" });

// ok: require-audit-logging
server.registerTool(
  "read_file",
  {
    title: "Read file",
    description: "Read a UTF-8 text file inside the workspace",
    inputSchema: { relativePath: z.string().describe("path relative to the workspace root") },
  },
  async ({ relativePath }) => {
    logger.info({ tool: "read_file", relativePath }, "tool call");
    const target = path.resolve(WORKSPACE, relativePath);
    if (!target.startsWith(WORKSPACE + path.sep)) {
      return { isError: true, content: [{ type: "text", text: "path escapes the workspace" }] };
    }
    // ok: no-unscoped-tools
    const text = await readFile(target, "utf8");
    return { content: [{ type: "text", text }] };
  },
);

// ruleid: require-audit-logging
server.registerTool(
  "write_file",
  {
    title: "Write file",
    description: "Create or overwrite a file",
    inputSchema: { filePath: z.string(), contents: z.string() },
  },
  async ({ filePath, contents }) => {
    // ruleid: no-unscoped-tools
    await writeFile(filePath, contents, "utf8");
    return { content: [{ type: "text", text: `wrote ${contents.length} bytes to ${filePath}` }] };
  },
);

// ok: require-audit-logging
server.registerTool(
  "search_files",
  {
    title: "Search files",
    description: "Search the workspace for a pattern (grep)",
    inputSchema: { pattern: z.string() },
  },
  async ({ pattern }) => {
    logger.info({ tool: "search_files", pattern }, "tool call");
    // ruleid: no-unscoped-tools
    const { stdout } = await execAsync(`grep -rn "${pattern}" ${WORKSPACE} | head -n 200`);
    return { content: [{ type: "text", text: stdout }] };
  },
);

// ok: require-audit-logging
server.registerTool(
  "list_dir",
  {
    title: "List directory",
    description: "List one of the top-level project folders",
    inputSchema: { dir: z.enum(["src", "docs", "test", "scripts"]) },
    annotations: { readOnlyHint: true },
  },
  async ({ dir }) => {
    logger.info({ tool: "list_dir", dir }, "tool call");
    // ok: no-unscoped-tools
    const entries = await readdir(path.join(WORKSPACE, dir));
    return { content: [{ type: "text", text: entries.join("\n") }] };
  },
);

const transport = new StdioServerTransport();
await server.connect(transport);
logger.info({ workspace: WORKSPACE }, "workspace-files MCP server ready");
