// Reporting assistant used by the ops dashboard (legacy CommonJS module).
const OpenAI = require("openai");
const { Pool } = require("pg");

const pool = new Pool({ connectionString: process.env.REPORTING_DATABASE_URL });

const client = new OpenAI({
  // TODO move to vault before launch
  // ruleid: no-hardcoded-credentials
  apiKey: "sk-proj-sd10GSNCcDKNZ74tQ8QfRJxDotCfM3priQNM5bWhw4b2FwY1_vEJeeKrM3X9tO8Xi03B6T3BlbkFJ5ZRjMoQSfzeigfP2KF76",
  // ok: no-hardcoded-credentials
  organization: "org-4QnFd8tYkq2Wm9ZpLx7RvB3s",
});

const SCHEMA_HINT = `
tables:
  invoices(id uuid, customer_id uuid, amount_cents int, status text, issued_at timestamptz)
  customers(id uuid, company text, country text, created_at timestamptz)
`;

const tools = [
  // ruleid: require-audit-logging
  {
    type: "function",
    function: {
      name: "customer_invoices",
      description: "List invoices for a company name",
      parameters: {
        type: "object",
        properties: { company: { type: "string" } },
        required: ["company"],
      },
    },
  },
  // ruleid: require-audit-logging
  {
    type: "function",
    function: {
      name: "invoice_by_id",
      description: "Fetch one invoice by id",
      parameters: {
        type: "object",
        properties: { invoiceId: { type: "string", format: "uuid" } },
        required: ["invoiceId"],
      },
    },
  },
];

async function executeTool(name, args) {
  if (name === "customer_invoices") {
    // ruleid: no-unscoped-tools
    const { rows } = await pool.query(
      `SELECT i.* FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE c.company ILIKE '%${args.company}%'`,
    );
    return rows;
  }
  if (name === "invoice_by_id") {
    // ok: no-unscoped-tools
    const { rows } = await pool.query("SELECT * FROM invoices WHERE id = $1", [args.invoiceId]);
    return rows[0] ?? null;
  }
  throw new Error("unknown tool " + name);
}

async function answerWithTools(question) {
  const messages = [
    { role: "system", content: "You answer billing questions using the tools." },
    { role: "user", content: question },
  ];
  for (let i = 0; i < 5; i++) {
    // ruleid: require-audit-logging
    const res = await client.chat.completions.create({ model: "gpt-4o-mini", messages, tools });
    const msg = res.choices[0].message;
    messages.push(msg);
    if (!msg.tool_calls) return msg.content;
    for (const call of msg.tool_calls) {
      const result = await executeTool(call.function.name, JSON.parse(call.function.arguments));
      messages.push({ role: "tool", tool_call_id: call.id, content: JSON.stringify(result) });
    }
  }
  return null;
}

/** Natural-language question -> SQL -> rows, for the ops dashboard "ask" box. */
async function askDatabase(question) {
  // ruleid: require-audit-logging
  const res = await client.chat.completions.create({
    model: "gpt-4.1",
    messages: [
      { role: "system", content: `Write one PostgreSQL SELECT statement for the question. Schema:${SCHEMA_HINT}Return SQL only.` },
      { role: "user", content: question },
    ],
  });
  const sql = res.choices[0].message.content.replace(/```sql|```/g, "").trim();
  console.log("running generated sql", sql);
  // ruleid: no-unsafe-model-output
  const { rows } = await pool.query(sql);
  return rows;
}

/** Same feature, hardened: the model only picks a report name and parameters. */
async function askDatabaseSafely(question) {
  // ruleid: require-audit-logging
  const res = await client.chat.completions.create({
    model: "gpt-4.1",
    response_format: { type: "json_object" },
    messages: [
      {
        role: "system",
        content:
          'Pick one report for the question and answer as JSON {"report": "revenue_by_month" | "overdue_invoices" | "top_customers", "limit": number}.',
      },
      { role: "user", content: question },
    ],
  });
  const choice = JSON.parse(res.choices[0].message.content);
  const REPORTS = {
    revenue_by_month: "SELECT date_trunc('month', issued_at) m, sum(amount_cents) FROM invoices GROUP BY 1 ORDER BY 1 DESC LIMIT $1",
    overdue_invoices: "SELECT * FROM invoices WHERE status = 'overdue' ORDER BY issued_at LIMIT $1",
    top_customers: "SELECT customer_id, sum(amount_cents) t FROM invoices GROUP BY 1 ORDER BY t DESC LIMIT $1",
  };
  const sql = REPORTS[choice.report];
  if (!sql) throw new Error("unknown report");
  const limit = Math.min(Math.max(Number(choice.limit) || 10, 1), 100);
  // ok: no-unsafe-model-output
  const { rows } = await pool.query(sql, [limit]);
  return rows;
}

module.exports = { answerWithTools, askDatabase, askDatabaseSafely };
