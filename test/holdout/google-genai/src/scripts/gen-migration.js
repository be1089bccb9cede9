#!/usr/bin/env node
// Generate (and optionally apply) a SQL migration from a plain-English change request.
//   node src/scripts/gen-migration.js "add a nullable timezone column to users" [--apply]
const { GoogleGenAI } = require("@google/genai");
const fs = require("node:fs");
const path = require("node:path");
const { Client } = require("pg");

// ruleid: no-hardcoded-credentials
const ai = new GoogleGenAI({ apiKey: "AIzaXNwUf2z_px2xioBGVmcUetMrRroU5X-m7D1" });

const MIGRATIONS_DIR = path.resolve(__dirname, "../../migrations");

async function main() {
  const request = process.argv[2];
  const apply = process.argv.includes("--apply");
  if (!request) {
    console.error('usage: gen-migration "<change request>" [--apply]');
    process.exit(2);
  }

  const schema = fs.readFileSync(path.join(MIGRATIONS_DIR, "schema.sql"), "utf8");

  // ruleid: require-audit-logging
  const stream = await ai.models.generateContentStream({
    model: "gemini-2.5-pro",
    contents: `Current schema:\n${schema}\n\nChange request: ${request}`,
    config: {
      systemInstruction:
        'Return JSON {"fileName": "<timestamp>_<snake_case>.sql", "sql": "<the migration>"} and nothing else.',
      responseMimeType: "application/json",
    },
  });

  let raw = "";
  for await (const chunk of stream) {
    raw += chunk.text || "";
    process.stderr.write(".");
  }
  const migration = JSON.parse(raw);

  // ruleid: no-unsafe-model-output
  fs.writeFileSync(path.join(MIGRATIONS_DIR, migration.fileName), migration.sql);
  console.log(`\nwrote ${migration.fileName}`);

  if (apply) {
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      // ruleid: no-unsafe-model-output
      await db.query(migration.sql);
      console.log("applied");
    } finally {
      await db.end();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
