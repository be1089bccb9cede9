#!/usr/bin/env tsx
// Nightly support report. Runs from cron on the reporting box:
//   0 6 * * *  cd /srv/swarm && npm run report:nightly
import { Agent, OpenAIProvider, Runner } from "@openai/agents";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import vm from "node:vm";
import { Pool } from "pg";
import { z } from "zod";

const pool = new Pool({ connectionString: process.env.REPORTING_DB_URL });
const REPORT_DIR = process.env.REPORT_DIR ?? "/srv/reports";

// Reports run under their own key; tracing is off because tickets contain customer text.
const runner = new Runner({
  // ok: no-hardcoded-credentials
  modelProvider: new OpenAIProvider({ apiKey: process.env.REPORTS_OPENAI_API_KEY }),
  tracingDisabled: true,
  workflowName: "nightly-support-report",
});

// ok: no-shared-agent-credentials
const reportAgent = new Agent({
  name: "Report writer",
  model: "gpt-4.1",
  instructions:
    "You write the nightly support report. Also return `transform`: a JavaScript expression over `rows` " +
    "that computes the chart series for the report.",
  outputType: z.object({
    markdown: z.string(),
    transform: z.string(),
  }),
});

async function main() {
  const { rows } = await pool.query(
    "SELECT category, count(*)::int AS n, avg(first_response_minutes)::int AS frt FROM tickets WHERE created_at > now() - interval '1 day' GROUP BY category",
  );

  console.log(`[report] ${rows.length} categories`);
  // ruleid: require-audit-logging
  const result = await runner.run(reportAgent, `Ticket stats for the last 24h:\n${JSON.stringify(rows)}`);
  const output = result.finalOutput!;

  // ruleid: no-unsafe-model-output
  const series = vm.runInNewContext(output.transform, { rows });

  const stamp = new Date().toISOString().slice(0, 10);
  // ok: no-unsafe-model-output
  await writeFile(path.join(REPORT_DIR, `${stamp}.md`), output.markdown);
  await writeFile(path.join(REPORT_DIR, `${stamp}.series.json`), JSON.stringify(series));
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
