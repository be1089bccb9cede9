import { DynamicStructuredTool, DynamicTool, tool } from "@langchain/core/tools";
import { execSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { log } from "../llm.js";

const pool = new pg.Pool({ connectionString: process.env.WAREHOUSE_URL });
const NOTES_ROOT = path.resolve(process.env.NOTES_ROOT ?? "./notes");

// ok: require-audit-logging
export const searchDocs = tool(
  async ({ query }) => {
    log.info({ tool: "search_docs", query }, "tool call");
    const url = new URL("https://search.internal.example.com/v1/search");
    url.searchParams.set("q", query);
    // ok: no-unrestricted-egress
    const res = await fetch(url);
    return JSON.stringify(await res.json());
  },
  {
    name: "search_docs",
    description: "Search the internal knowledge base.",
    schema: z.object({ query: z.string() }),
  },
);

// ok: require-audit-logging
export const readNote = tool(
  async ({ file }) => {
    log.info({ tool: "read_note", file }, "tool call");
    const full = path.resolve(NOTES_ROOT, file);
    if (!full.startsWith(NOTES_ROOT + path.sep)) throw new Error("path outside notes");
    // ok: no-unscoped-tools
    return readFile(full, "utf8");
  },
  {
    name: "read_note",
    description: "Read a research note by relative file name.",
    schema: z.object({ file: z.string() }),
  },
);

// ruleid: require-audit-logging
export const warehouseQuery = tool(
  async ({ table, filter }) => {
    // ruleid: no-unscoped-tools
    const { rows } = await pool.query(`SELECT * FROM ${table} WHERE ${filter} LIMIT 100`);
    return JSON.stringify(rows);
  },
  {
    name: "warehouse_query",
    description: "Query a warehouse table with a SQL filter expression.",
    schema: z.object({ table: z.string(), filter: z.string() }),
  },
);

// ruleid: require-audit-logging
export const fetchPage = new DynamicStructuredTool({
  name: "fetch_page",
  description: "Download a web page by URL.",
  schema: z.object({ url: z.string().describe("page URL") }),
  func: async ({ url }) => {
    // ruleid: no-unscoped-tools
    // ruleid: no-unrestricted-egress
    const res = await fetch(url);
    return (await res.text()).slice(0, 15_000);
  },
});

// ruleid: require-audit-logging
// ruleid: no-unscoped-tools
export const shell = new DynamicTool({
  name: "shell",
  description: "Run a shell command on the research box and return its output.",
  func: async (input: string) => {
    // ruleid: no-unscoped-tools
    return execSync(input, { encoding: "utf8", timeout: 20_000 });
  },
});

// ok: require-audit-logging
export const countRows = tool(
  async ({ table }) => {
    log.info({ tool: "count_rows", table }, "tool call");
    // ok: no-unscoped-tools
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM ${pg.escapeIdentifier(table)}`);
    return String(rows[0].n);
  },
  {
    name: "count_rows",
    description: "Count rows in one of the reporting tables.",
    schema: z.object({ table: z.enum(["signups", "orders", "churn_events"]) }),
  },
);
