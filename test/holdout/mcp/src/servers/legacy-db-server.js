#!/usr/bin/env node
// Legacy reporting DB server, still on the low-level Server API.
const { Server } = require("@modelcontextprotocol/sdk/server/index.js");
const { StdioServerTransport } = require("@modelcontextprotocol/sdk/server/stdio.js");
const { CallToolRequestSchema, ListToolsRequestSchema } = require("@modelcontextprotocol/sdk/types.js");
const { Pool } = require("pg");

const pool = new Pool({
  // ruleid: no-hardcoded-credentials
  connectionString: "postgres://reporting:vIo09EkRp8ryqIboe1emwB@reporting-db.internal.example.com:5432/reporting",
  max: 4,
});

const server = new Server({ name: "reporting-db", version: "0.3.1" }, { capabilities: { tools: {} } });

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    // ruleid: require-audit-logging
    {
      name: "query",
      description: "Run a SQL query against the reporting database",
      inputSchema: { type: "object", properties: { sql: { type: "string" } }, required: ["sql"] },
    },
    // ruleid: require-audit-logging
    {
      name: "revenue_for_month",
      description: "Total revenue for a month (YYYY-MM)",
      inputSchema: {
        type: "object",
        properties: { month: { type: "string", pattern: "^\\d{4}-\\d{2}$" } },
        required: ["month"],
      },
    },
  ],
}));

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const args = request.params.arguments || {};
  console.error(`[reporting-db] ${request.params.name}`);

  if (request.params.name === "query") {
    // ruleid: no-unscoped-tools
    const result = await pool.query(args.sql);
    return { content: [{ type: "text", text: JSON.stringify(result.rows) }] };
  }

  if (request.params.name === "revenue_for_month") {
    if (!/^\d{4}-\d{2}$/.test(String(args.month))) {
      return { content: [{ type: "text", text: "month must be YYYY-MM" }], isError: true };
    }
    // ok: no-unscoped-tools
    const result = await pool.query(
      "SELECT sum(amount_cents) AS cents FROM invoices WHERE to_char(issued_at, 'YYYY-MM') = $1",
      [args.month],
    );
    return { content: [{ type: "text", text: String(result.rows[0].cents ?? 0) }] };
  }

  throw new Error(`Unknown tool: ${request.params.name}`);
});

async function main() {
  await server.connect(new StdioServerTransport());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
