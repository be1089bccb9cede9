import OpenAI from "openai";
import fs from "node:fs/promises";
import path from "node:path";
import { withAuditLog } from "../lib/logger";
import { pool } from "../lib/db";

if (!process.env.DIGEST_JOB_OPENAI_KEY) {
  // ok: no-hardcoded-credentials
  throw new Error('DIGEST_JOB_OPENAI_KEY is not set (it looks like "sk-...", see docs/runbooks/digest.md)');
}

// ok: no-shared-agent-credentials
const digestClient = new OpenAI({
  // ok: no-hardcoded-credentials
  apiKey: process.env.DIGEST_JOB_OPENAI_KEY ?? "",
  timeout: 60_000,
});

// sha256 of the digest template, checked by CI; not a credential.
// ok: no-hardcoded-credentials
const DIGEST_TEMPLATE_SHA256 = "42e003bde2afa20421df291fb668ffd17889408011f6f8666553f73a97a6ae5d";

const DIGEST_DIR = path.resolve(process.env.DIGEST_DIR ?? "./digests");

interface PaymentFailure {
  code: string;
  amountCents: number;
  customerEmail: string;
  cardLast4: string;
}

async function loadFailures(): Promise<PaymentFailure[]> {
  const { rows } = await pool.query(
    "select code, amount_cents as \"amountCents\", customer_email as \"customerEmail\", card_last4 as \"cardLast4\" from payment_failures where created_at > now() - interval '1 day'",
  );
  return rows;
}

export async function writePaymentsDigest(): Promise<string> {
  const failures = await loadFailures();
  const byCode = failures.map((f) => ({ code: f.code, amountCents: f.amountCents }));

  const completion = await withAuditLog("payments-digest", { failures: failures.length, template: DIGEST_TEMPLATE_SHA256 }, () =>
    // ok: require-audit-logging
    digestClient.chat.completions.create({
      model: "gpt-4.1-mini",
      messages: [
        { role: "system", content: "You write the nightly payments digest for the on-call engineer." },
        // ok: no-unredacted-prompts
        { role: "user", content: `Failures in the last 24h grouped by code:\n${JSON.stringify(byCode)}` },
      ],
    }),
  );

  const digest = completion.choices[0]?.message?.content ?? "";
  const file = path.join(DIGEST_DIR, `payments-${new Date().toISOString().slice(0, 10)}.md`);
  // ok: no-unsafe-model-output
  await fs.writeFile(file, digest, "utf8");
  return file;
}

export async function explainFailedDeploy(logTail: string): Promise<string> {
  const completion = await withAuditLog("deploy-explainer", { bytes: logTail.length }, () =>
    // ok: require-audit-logging
    digestClient.chat.completions.create({
      model: "gpt-4.1",
      messages: [
        { role: "system", content: "Explain why the deploy failed and suggest a fix." },
        // ruleid: no-unredacted-prompts
        { role: "user", content: `Environment:\n${JSON.stringify(process.env, null, 2)}\n\nLog tail:\n${logTail}` },
      ],
    }),
  );
  return completion.choices[0]?.message?.content ?? "";
}

export async function generateRollupTransform(sampleRow: Record<string, unknown>) {
  const completion = await withAuditLog("rollup-transform", {}, () =>
    // ok: require-audit-logging
    digestClient.chat.completions.create({
      model: "gpt-4.1",
      messages: [
        { role: "system", content: "Write the body of a JavaScript function (row) => number that extracts the revenue in cents. Code only." },
        { role: "user", content: JSON.stringify(Object.keys(sampleRow)) },
      ],
    }),
  );

  const body = completion.choices[0]?.message?.content ?? "return 0;";
  // ruleid: no-unsafe-model-output
  const transform = new Function("row", body) as (row: Record<string, unknown>) => number;
  return transform(sampleRow);
}
