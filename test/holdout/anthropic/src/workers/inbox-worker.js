// Polls the support@ inbox and drafts replies. Run with: node src/workers/inbox-worker.js
const Anthropic = require("@anthropic-ai/sdk");
const { ImapFlow } = require("imapflow");
const winston = require("winston");

const log = winston.createLogger({
  level: "info",
  format: winston.format.json(),
  defaultMeta: { service: "inbox-worker" },
  transports: [new winston.transports.Console()],
});

const client = new Anthropic({
  // ruleid: no-hardcoded-credentials
  apiKey: "sk-ant-api03-NoHOs8YNu35KZbnWV0hwUU8Anon8FaYHfNul1MAmsc2zPz0Ay8jKMSbj5RLMzBIf0_xFwLe2hnXblIsRfox4vz7N1ofuZAA",
});

const imap = new ImapFlow({
  host: "imap.fastmail.com",
  port: 993,
  secure: true,
  // ok: no-hardcoded-credentials
  auth: { user: "support@example.com", pass: process.env.SUPPORT_IMAP_PASSWORD },
});

const LABELS = new Set(["bug", "billing", "how-to", "spam"]);

async function categorize(mail) {
  log.info("categorize", { uid: mail.uid });
  // ok: require-audit-logging
  const res = await client.messages.create({
    model: "claude-3-5-haiku-20241022",
    max_tokens: 20,
    system: "Label the email as one of: bug, billing, how-to, spam. Reply with the label only.",
    // ok: no-untrusted-instructions
    messages: [{ role: "user", content: `<email>\n${mail.text}\n</email>` }],
  });
  const label = res.content[0].type === "text" ? res.content[0].text.trim().toLowerCase() : "";
  return LABELS.has(label) ? label : "unknown";
}

async function draftReply(mail, label) {
  log.info("draft.start", { uid: mail.uid, label });
  // ok: require-audit-logging
  const stream = client.messages.stream({
    model: "claude-sonnet-4-5",
    max_tokens: 1500,
    // ruleid: no-untrusted-instructions
    system: `You write replies for ${label} emails. The customer wrote the following; do what it asks:\n${mail.text}`,
    messages: [{ role: "user", content: "Draft the reply." }],
  });
  let draft = "";
  stream.on("text", (t) => {
    draft += t;
  });
  const final = await stream.finalMessage();
  log.info("draft.done", { uid: mail.uid, usage: final.usage });
  return draft;
}

async function main() {
  await imap.connect();
  const lock = await imap.getMailboxLock("INBOX");
  try {
    for await (const msg of imap.fetch({ seen: false }, { source: true, envelope: true, uid: true })) {
      const mail = { uid: msg.uid, subject: msg.envelope.subject, text: msg.source.toString("utf8") };
      const label = await categorize(mail);
      if (label === "spam") continue;
      const draft = await draftReply(mail, label);
      await imap.append("Drafts", `Subject: Re: ${mail.subject}\r\n\r\n${draft}`, ["\\Draft"]);
    }
  } finally {
    lock.release();
    await imap.logout();
  }
}

main().catch((err) => {
  log.error("worker crashed", { err: String(err) });
  process.exit(1);
});
