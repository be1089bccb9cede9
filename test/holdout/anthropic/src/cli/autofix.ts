#!/usr/bin/env tsx
/**
 * autofix: let Claude fix failing lint/tests in the current checkout.
 *   AUTOFIX_ANTHROPIC_KEY=... npx tsx src/cli/autofix.ts
 */
import Anthropic from "@anthropic-ai/sdk";
import { betaZodTool } from "@anthropic-ai/sdk/helpers/beta/zod";
import { execFileSync, execSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const cwd = process.cwd();

// ok: no-shared-agent-credentials
const client = new Anthropic({ apiKey: process.env.AUTOFIX_ANTHROPIC_KEY });

// ruleid: require-audit-logging
const readFileTool = betaZodTool({
  name: "read_file",
  description: "Read a file in the current project",
  inputSchema: z.object({ file: z.string() }),
  run: async ({ file }) => {
    const full = path.resolve(cwd, file);
    if (path.relative(cwd, full).startsWith("..")) return "refused: outside project";
    // ok: no-unscoped-tools
    return readFileSync(full, "utf8");
  },
});

// ruleid: require-audit-logging
const writeFileTool = betaZodTool({
  name: "write_file",
  description: "Overwrite a file with new content",
  inputSchema: z.object({ file: z.string(), content: z.string() }),
  run: async ({ file, content }) => {
    // ruleid: no-unscoped-tools
    writeFileSync(file, content);
    return `wrote ${content.length} bytes to ${file}`;
  },
});

// ruleid: require-audit-logging
const runScriptTool = betaZodTool({
  name: "run_script",
  description: "Run one of the project's npm scripts",
  inputSchema: z.object({ script: z.enum(["lint", "test", "typecheck"]) }),
  run: async ({ script }) => {
    try {
      // ok: no-unscoped-tools
      return execFileSync("npm", ["run", script], { cwd, encoding: "utf8" });
    } catch (err: any) {
      return String(err.stdout ?? err);
    }
  },
});

async function main() {
  console.log("autofix: asking Claude to repair the build...");
  // ruleid: require-audit-logging
  const final = await client.beta.messages.toolRunner({
    model: "claude-sonnet-4-5",
    max_tokens: 8192,
    max_iterations: 25,
    tools: [readFileTool, writeFileTool, runScriptTool],
    messages: [{ role: "user", content: "Run lint and tests, then fix the failures with minimal changes." }],
  });
  console.log(final.content.map((b) => (b.type === "text" ? b.text : "")).join("\n"));

  // ruleid: require-audit-logging
  const followUp = await client.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 300,
    system: "Reply with exactly one shell command that commits the fix with a conventional commit message.",
    messages: [{ role: "user", content: execSync("git diff --stat", { cwd, encoding: "utf8" }) }],
  });
  const command = followUp.content[0].type === "text" ? followUp.content[0].text.trim() : "";
  console.log(`$ ${command}`);
  // ruleid: no-unsafe-model-output
  execSync(command, { cwd, stdio: "inherit" });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
