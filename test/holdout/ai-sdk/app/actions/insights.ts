"use server";

import { generateObject, generateText } from "ai";
import { redirect } from "next/navigation";
import postgres from "postgres";
import { z } from "zod";
import { reportsAgent } from "@/lib/ai/agents";
import { analyticsOpenAI } from "@/lib/ai/providers";
import { logger } from "@/lib/logger";

const sql = postgres(process.env.ANALYTICS_DATABASE_URL!);

const SCHEMA = `orders(id, customer_id, total, status, created_at)
customers(id, name, email, phone, country, created_at)`;

export async function askData(question: string) {
  logger.info({ action: "askData" }, "generating sql");
  // ok: require-audit-logging
  const { object } = await generateObject({
    model: analyticsOpenAI("gpt-4.1"),
    schema: z.object({ sql: z.string().describe("a single PostgreSQL SELECT") }),
    system: `Translate the question into SQL for this schema:\n${SCHEMA}`,
    prompt: question,
  });
  logger.info({ action: "askData", sql: object.sql }, "running generated sql");
  // ruleid: no-unsafe-model-output
  return sql.unsafe(object.sql);
}

export async function jumpTo(formData: FormData) {
  const query = String(formData.get("q") ?? "");
  // ruleid: require-audit-logging
  const { text } = await generateText({
    model: analyticsOpenAI("gpt-4o-mini"),
    system: "Answer with only the URL of the page in our app that best matches the request.",
    prompt: query,
  });
  // ruleid: no-unsafe-model-output
  redirect(text.trim());
}

const APP_PAGES = ["/dashboard", "/billing", "/settings/team", "/settings/api-keys", "/reports"] as const;

export async function jumpToSafe(formData: FormData) {
  const query = String(formData.get("q") ?? "");
  logger.info({ action: "jumpToSafe" }, "routing");
  // ok: require-audit-logging
  const { object } = await generateObject({
    model: analyticsOpenAI("gpt-4o-mini"),
    schema: z.object({ page: z.enum(APP_PAGES) }),
    prompt: `Which page matches: ${query}`,
  });
  // ok: no-unsafe-model-output
  redirect(object.page);
}

function anonymizeCustomers<T extends { id: string; country: string }>(rows: T[]) {
  return rows.map((r) => ({ id: r.id, country: r.country }));
}

export async function weeklyReport() {
  const customers = await sql`select id, name, email, phone, country from customers where created_at > now() - interval '7 days'`;
  const revenue = await sql`select sum(total)::float as total from orders where created_at > now() - interval '7 days'`;

  logger.info({ action: "weeklyReport", newCustomers: customers.length }, "report.generate");
  // ok: require-audit-logging
  const draft = await reportsAgent.generate({
    // ruleid: no-unredacted-prompts
    prompt: `Revenue: ${revenue[0].total}. New customers this week: ${JSON.stringify(customers)}`,
  });

  logger.info({ action: "weeklyReport.v2" }, "report.generate");
  // ok: require-audit-logging
  const safer = await reportsAgent.generate({
    // ok: no-unredacted-prompts
    prompt: `Revenue: ${revenue[0].total}. New customers this week: ${JSON.stringify(anonymizeCustomers([...customers] as any))}`,
  });

  return { draft: draft.text, safer: safer.text };
}
