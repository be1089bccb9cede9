import { ChatOpenAI } from "@langchain/openai";
import { createAgent, tool } from "langchain";
import pg from "pg";
import { z } from "zod";
import { auditHandler, log } from "../llm.js";

const pool = new pg.Pool({ connectionString: process.env.WAREHOUSE_URL });

const TABLES = ["signups", "orders", "churn_events"] as const;

// ok: require-audit-logging
const describeTable = tool(
  async ({ table }) => {
    // ok: no-unscoped-tools
    const { rows } = await pool.query(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1",
      [table],
    );
    return JSON.stringify(rows);
  },
  {
    name: "describe_table",
    description: "List the columns of a reporting table.",
    schema: z.object({ table: z.enum(TABLES) }),
  },
);

// ok: require-audit-logging
const runSql = tool(
  async ({ query }) => {
    // ruleid: no-unscoped-tools
    const { rows } = await pool.query(query);
    return JSON.stringify(rows.slice(0, 200));
  },
  {
    name: "run_sql",
    description: "Run a read-only SQL query against the warehouse.",
    schema: z.object({ query: z.string() }),
  },
);

// ok: no-shared-agent-credentials
const sqlModel = new ChatOpenAI({ model: "gpt-4.1", apiKey: process.env.SQL_AGENT_OPENAI_API_KEY });

export const sqlAgent = createAgent({
  model: sqlModel,
  tools: [describeTable, runSql],
  systemPrompt: "You answer analytics questions by inspecting tables and running SQL. Only SELECT statements.",
});

export async function answerAnalyticsQuestion(question: string, userId: string) {
  log.info({ userId }, "sql_agent.invoke");
  // ok: require-audit-logging
  const result = await sqlAgent.invoke(
    { messages: [{ role: "user", content: question }] },
    { callbacks: [auditHandler] },
  );
  return result.messages.at(-1)?.content;
}

/** Quick mode: one model call writes the SQL, we run it. */
export async function quickQuery(question: string) {
  // ok: require-audit-logging
  const ai = await sqlModel.invoke(
    [
      ["system", `Write one PostgreSQL SELECT for the question. Tables: ${TABLES.join(", ")}. SQL only, no prose.`],
      ["human", question],
    ],
    { callbacks: [auditHandler] },
  );
  const sql = String(ai.content).replace(/```sql|```/g, "").trim();
  // ruleid: no-unsafe-model-output
  const { rows } = await pool.query(sql);
  return rows;
}

const SAFE_QUERIES = {
  signups_by_day: "SELECT date(created_at) d, count(*) FROM signups GROUP BY 1 ORDER BY 1 DESC LIMIT 30",
  orders_by_day: "SELECT date(created_at) d, count(*) FROM orders GROUP BY 1 ORDER BY 1 DESC LIMIT 30",
} as const;

export async function quickQuerySafe(question: string) {
  const picker = sqlModel.withStructuredOutput(z.object({ query: z.enum(["signups_by_day", "orders_by_day"]) }));
  // ok: require-audit-logging
  const choice = await picker.invoke(`Which saved query answers: ${question}`, { callbacks: [auditHandler] });
  // ok: no-unsafe-model-output
  const { rows } = await pool.query(SAFE_QUERIES[choice.query]);
  return rows;
}
