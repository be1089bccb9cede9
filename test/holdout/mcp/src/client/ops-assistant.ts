#!/usr/bin/env tsx
/**
 * ops-assistant: a terminal assistant that connects to our MCP servers and lets Claude use their tools.
 */
import Anthropic from "@anthropic-ai/sdk";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import readline from "node:readline/promises";

// ok: no-shared-agent-credentials
const anthropic = new Anthropic();

async function connect(name: string, transport: StdioClientTransport | StreamableHTTPClientTransport) {
  const client = new Client({ name: `ops-assistant/${name}`, version: "0.5.0" });
  await client.connect(transport);
  return client;
}

async function main() {
  const workspace = await connect(
    "workspace",
    new StdioClientTransport({ command: "node", args: ["dist/servers/workspace-server.js"] }),
  );
  const crm = await connect("crm", new StreamableHTTPClientTransport(new URL(process.env.CRM_MCP_URL ?? "http://localhost:8080/mcp")));

  const owners = new Map<string, Client>();
  const tools: Anthropic.Tool[] = [];
  for (const client of [workspace, crm]) {
    const { tools: list } = await client.listTools();
    for (const t of list) {
      owners.set(t.name, client);
      tools.push({ name: t.name, description: t.description, input_schema: t.inputSchema as Anthropic.Tool.InputSchema });
    }
  }

  const runbook = await workspace.readResource({ uri: "file:///runbooks/on-call.md" });
  const runbookText = runbook.contents.map((c) => ("text" in c ? c.text : "")).join("\n");

  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  // ok: no-shared-conversation-memory
  const messages: Anthropic.MessageParam[] = [];

  while (true) {
    const line = await rl.question("ops> ");
    if (line.trim() === "exit") break;
    messages.push({ role: "user", content: line });

    for (let step = 0; step < 8; step++) {
      // ruleid: require-audit-logging
      const response = await anthropic.messages.create({
        model: "claude-sonnet-4-5",
        max_tokens: 2048,
        // ruleid: no-untrusted-instructions
        system: `You are the on-call assistant. Follow the runbook below exactly.\n\n${runbookText}`,
        tools,
        messages,
      });
      messages.push({ role: "assistant", content: response.content });

      const uses = response.content.filter((b): b is Anthropic.ToolUseBlock => b.type === "tool_use");
      if (uses.length === 0) {
        console.log(response.content.map((b) => (b.type === "text" ? b.text : "")).join(""));
        break;
      }

      const results: Anthropic.ToolResultBlockParam[] = [];
      for (const use of uses) {
        const owner = owners.get(use.name);
        const out = owner
          ? await owner.callTool({ name: use.name, arguments: use.input as Record<string, unknown> })
          : { content: [{ type: "text", text: `no server provides ${use.name}` }] };
        const text = (out.content as Array<{ type: string; text?: string }>).map((c) => c.text ?? "").join("\n");
        // ok: no-untrusted-instructions
        results.push({ type: "tool_result", tool_use_id: use.id, content: text });
      }
      messages.push({ role: "user", content: results });
    }
  }

  rl.close();
  await Promise.all([workspace.close(), crm.close()]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
