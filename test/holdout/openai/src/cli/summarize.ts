#!/usr/bin/env tsx
/**
 * Summarize a folder of meeting transcripts into notes.
 *   npx tsx src/cli/summarize.ts ./transcripts ./notes
 */
import OpenAI from "openai";
import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import pino from "pino";
import { z } from "zod";

const log = pino({ name: "summarize-cli" });

// ok: no-shared-agent-credentials
// ok: no-hardcoded-credentials
const client = new OpenAI({ apiKey: process.env.NOTES_OPENAI_API_KEY });

const NoteSchema = z.object({
  fileName: z.string().regex(/^[a-z0-9-]{1,60}\.md$/),
  markdown: z.string(),
});

async function summarize(transcript: string): Promise<string> {
  log.info({ chars: transcript.length }, "summarize.start");
  // ok: require-audit-logging
  const stream = await client.chat.completions.create({
    model: "gpt-4o-mini",
    stream: true,
    messages: [
      { role: "system", content: "Summarize the meeting transcript into decisions, action items and open questions." },
      { role: "user", content: transcript },
    ],
  });
  let out = "";
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta?.content ?? "";
    out += delta;
    process.stdout.write(delta);
  }
  log.info({ chars: out.length }, "summarize.done");
  return out;
}

async function proposeNote(summary: string): Promise<{ fileName: string; markdown: string }> {
  log.info("note.propose");
  // ok: require-audit-logging
  const res = await client.chat.completions.create({
    model: "gpt-4o-mini",
    response_format: { type: "json_object" },
    messages: [
      {
        role: "system",
        content: 'Return JSON {"fileName": "<kebab-case title>.md", "markdown": "<the note>"} for these meeting notes.',
      },
      { role: "user", content: summary },
    ],
  });
  return JSON.parse(res.choices[0].message.content ?? "{}");
}

async function main() {
  const [inDir, outDir] = process.argv.slice(2);
  if (!inDir || !outDir) {
    console.error("usage: summarize <transcripts-dir> <notes-dir>");
    process.exit(2);
  }
  await mkdir(outDir, { recursive: true });

  for (const file of await readdir(inDir)) {
    if (!file.endsWith(".txt")) continue;
    const summary = await summarize(await readFile(path.join(inDir, file), "utf8"));
    const note = await proposeNote(summary);

    if (process.env.NOTES_STRICT === "1") {
      const checked = NoteSchema.parse(note);
      // ok: no-unsafe-model-output
      await writeFile(path.join(outDir, checked.fileName), checked.markdown);
    } else {
      // ruleid: no-unsafe-model-output
      await writeFile(path.join(outDir, note.fileName), note.markdown);
    }
  }
}

main().catch((err) => {
  log.error(err);
  process.exit(1);
});
