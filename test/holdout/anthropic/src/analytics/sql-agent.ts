import Anthropic from "@anthropic-ai/sdk";
import Database from "better-sqlite3";
import pino from "pino";

const log = pino({ name: "analytics-agent" });
const db = new Database(process.env.ANALYTICS_DB ?? "analytics.db", { readonly: false });

// ok: no-shared-agent-credentials
const client = new Anthropic({ apiKey: process.env.ANALYTICS_ANTHROPIC_KEY });

const ALLOWED_WEBHOOK_HOSTS = new Set(["hooks.slack.com", "outlook.office.com"]);

function textOf(msg: Anthropic.Message): string {
  return msg.content.map((b) => (b.type === "text" ? b.text : "")).join("");
}

/** Turn a question into SQL and run it. */
export async function ask(question: string) {
  log.info({ question }, "analytics.ask");
  // ok: require-audit-logging
  const msg = await client.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 800,
    system: "Write a single SQLite query for the question. Tables: events(user_id, name, ts), users(id, plan, country). SQL only.",
    messages: [{ role: "user", content: question }],
  });
  const query = textOf(msg).replace(/```(sql)?/g, "").trim();
  log.info({ query }, "analytics.sql");
  // ruleid: no-unsafe-model-output
  return db.prepare(query).all();
}

/** Same, but the model fills a fixed template. */
export async function askTemplated(question: string) {
  log.info({ question }, "analytics.ask_templated");
  // ok: require-audit-logging
  const msg = await client.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 200,
    system: 'Return JSON {"event": string, "days": number} for the question. Nothing else.',
    messages: [{ role: "user", content: question }],
  });
  const { event, days } = JSON.parse(textOf(msg)) as { event: string; days: number };
  const stmt = db.prepare("SELECT date(ts) d, count(*) n FROM events WHERE name = ? AND ts > datetime('now', ?) GROUP BY d");
  // ok: no-unsafe-model-output
  return stmt.all(event, `-${Math.min(Math.max(Math.trunc(days), 1), 365)} days`);
}

/** Ask the model where to post the digest (users type things like "post it to the growth channel"). */
export async function deliverDigest(instructions: string, digest: string) {
  log.info("analytics.deliver");
  // ok: require-audit-logging
  const msg = await client.messages.create({
    model: "claude-3-5-haiku-20241022",
    max_tokens: 200,
    system: "Extract the webhook URL the user wants the digest posted to. Reply with the URL only.",
    messages: [{ role: "user", content: instructions }],
  });
  const target = textOf(msg).trim();

  if (process.env.DIGEST_STRICT_HOSTS === "1") {
    const url = new URL(target);
    if (url.protocol !== "https:" || !ALLOWED_WEBHOOK_HOSTS.has(url.hostname)) {
      throw new Error(`webhook host ${url.hostname} not allowed`);
    }
    // ok: no-unrestricted-egress
    await fetch(url, { method: "POST", body: JSON.stringify({ text: digest }) });
    return;
  }
  // ruleid: no-unrestricted-egress
  await fetch(target, { method: "POST", body: JSON.stringify({ text: digest }) });
}
