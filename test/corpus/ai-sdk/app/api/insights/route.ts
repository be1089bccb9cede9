import { generateObject } from "ai";
import { z } from "zod";
import { pool } from "../../../lib/db";
import { extractorOpenAI } from "../../../lib/providers";

const REPORTS = {
  weekly_signups: "select date_trunc('week', created_at) as week, count(*) from accounts group by 1 order by 1 desc limit 12",
  plan_mix: "select plan, count(*) from accounts group by plan",
  churned_last_30d: "select count(*) from accounts where churned_at > now() - interval '30 days'",
} as const;

export async function POST(req: Request) {
  const { question } = (await req.json()) as { question: string };

  // ok: require-audit-logging
  const { object } = await generateObject({
    model: extractorOpenAI("gpt-4.1"),
    schema: z.object({ sql: z.string() }),
    prompt: `Write one PostgreSQL query over accounts(id, plan, created_at, churned_at) answering: ${question}`,
    experimental_telemetry: { isEnabled: true, functionId: "insights-nl2sql" },
  });

  // ruleid: no-unsafe-model-output
  const { rows } = await pool.query(object.sql);
  return Response.json({ rows });
}

export async function PUT(req: Request) {
  const { question } = (await req.json()) as { question: string };

  // ok: require-audit-logging
  const { object } = await generateObject({
    model: extractorOpenAI("gpt-4.1-mini"),
    schema: z.object({ report: z.enum(["weekly_signups", "plan_mix", "churned_last_30d"]) }),
    prompt: `Which saved report answers this question best? ${question}`,
    experimental_telemetry: { isEnabled: true, functionId: "insights-report-picker" },
  });

  // ok: no-unsafe-model-output
  const { rows } = await pool.query(REPORTS[object.report]);
  return Response.json({ report: object.report, rows });
}
