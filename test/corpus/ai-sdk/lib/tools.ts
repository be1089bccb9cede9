import { tool } from "ai";
import { z } from "zod";
import { execSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { logger } from "./logger";

const CONTENT_ROOT = path.resolve(process.cwd(), "content");

// ok: require-audit-logging
export const getWeather = tool({
  description: "Get the current weather for a city",
  inputSchema: z.object({ city: z.string().min(1).max(80) }),
  execute: async ({ city }) => {
    logger.info({ tool: "getWeather", city }, "tool call");
    // ok: no-unscoped-tools
    // ok: no-unrestricted-egress
    const res = await fetch(`https://wttr.in/${encodeURIComponent(city)}?format=j1`);
    const data = await res.json();
    return { city, tempC: data.current_condition?.[0]?.temp_C };
  },
});

// ruleid: require-audit-logging
export const readContentFile = tool({
  description: "Read a markdown file from the docs content folder",
  inputSchema: z.object({ file: z.string().describe("path relative to content/") }),
  execute: async ({ file }) => {
    const full = path.resolve(CONTENT_ROOT, file);
    if (!full.startsWith(CONTENT_ROOT + path.sep)) {
      throw new Error("path is outside the content folder");
    }
    // ok: no-unscoped-tools
    return readFile(full, "utf8");
  },
});

// ruleid: require-audit-logging
export const runShell = tool({
  description: "Run a shell command in the docs build container",
  inputSchema: z.object({ command: z.string().describe("the command to run") }),
  execute: async ({ command }) => {
    // ruleid: no-unscoped-tools
    return execSync(command, { encoding: "utf8", timeout: 30_000 });
  },
});

// ok: require-audit-logging
export const gitLog = tool({
  description: "Show recent commits of a docs branch",
  inputSchema: z.object({
    branch: z.enum(["main", "develop", "release"]),
    limit: z.number().int().min(1).max(50),
  }),
  execute: async ({ branch, limit }) => {
    logger.info({ tool: "gitLog", branch, limit }, "tool call");
    // ok: no-unscoped-tools
    return execSync(`git log --oneline -n ${limit} ${branch}`, { encoding: "utf8" });
  },
});

export const allTools = { getWeather, readContentFile, runShell, gitLog };
