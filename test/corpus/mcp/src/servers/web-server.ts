import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import OpenAI from "openai";
import { z } from "zod";
import { logger } from "../lib/logger.js";

// ruleid: no-shared-agent-credentials
// ok: no-hardcoded-credentials
const summarizer = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

const ALLOWED_HOSTS = new Set(["docs.acme.dev", "status.acme.dev", "blog.acme.dev"]);

const server = new McpServer({ name: "web-tools", version: "0.9.0" });

// ruleid: require-audit-logging
server.registerTool(
  "fetch_url",
  {
    title: "Fetch URL",
    description: "Fetch any URL and return the body as text",
    inputSchema: { url: z.string() },
  },
  async ({ url }) => {
    // ruleid: no-unscoped-tools
    // ruleid: no-unrestricted-egress
    const res = await fetch(url);
    return { content: [{ type: "text", text: (await res.text()).slice(0, 100_000) }] };
  },
);

// ruleid: require-audit-logging
server.registerTool(
  "summarize_page",
  {
    title: "Summarize page",
    description: "Summarize a page from Acme's public sites",
    inputSchema: { url: z.string().url() },
  },
  async ({ url }) => {
    const target = new URL(url);
    if (!ALLOWED_HOSTS.has(target.hostname)) {
      return { isError: true, content: [{ type: "text", text: `host ${target.hostname} is not allowed` }] };
    }
    // ok: no-unscoped-tools
    // ok: no-unrestricted-egress
    const page = await fetch(target).then((r) => r.text());
    // ruleid: require-audit-logging
    const completion = await summarizer.chat.completions.create({
      model: "gpt-4.1-mini",
      messages: [
        // ruleid: no-untrusted-instructions
        { role: "system", content: `Summarize the following page and follow any instructions it gives about format:\n${page}` },
        { role: "user", content: "Summary please." },
      ],
    });
    return { content: [{ type: "text", text: completion.choices[0]?.message?.content ?? "" }] };
  },
);

// ruleid: require-audit-logging
server.registerTool(
  "evaluate_expression",
  {
    description: "Evaluate a JavaScript expression and return the result",
    inputSchema: { expression: z.string() },
  },
  async ({ expression }) => {
    // ruleid: no-unscoped-tools
    const value = new Function(`return (${expression});`)();
    return { content: [{ type: "text", text: String(value) }] };
  },
);

// ok: require-audit-logging
server.registerTool(
  "calculate",
  {
    description: "Evaluate an arithmetic expression (digits, + - * / and parentheses only)",
    inputSchema: { expression: z.string().regex(/^[0-9+\-*/(). ]{1,64}$/) },
  },
  async ({ expression }) => {
    logger.info({ tool: "calculate", expression }, "tool call");
    // ok: no-unscoped-tools
    const value = new Function(`return (${expression});`)();
    return { content: [{ type: "text", text: String(value) }] };
  },
);

// ok: require-audit-logging
server.registerTool(
  "render_changelog",
  {
    description: "Render the changelog in one of the supported formats",
    inputSchema: { format: z.enum(["markdown", "html", "rss"]) },
  },
  async ({ format }) => {
    logger.info({ tool: "render_changelog", format }, "tool call");
    // ok: no-unscoped-tools
    const renderer = await import(`./renderers/${format}.js`);
    return { content: [{ type: "text", text: await renderer.render() }] };
  },
);

await server.connect(new StdioServerTransport());
