import Anthropic from "@anthropic-ai/sdk";
import type { MessageParam } from "@anthropic-ai/sdk/resources/messages";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { loadPatient } from "../lib/db";
import { logger } from "../lib/logger";
import { scrubPatientRecord } from "../lib/pii";

// ruleid: no-shared-agent-credentials
// ok: no-hardcoded-credentials
const client = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY, maxRetries: 3 });

const NOTES_DIR = path.resolve(process.env.VISIT_NOTES_DIR ?? "/var/clinic/notes");

// Dictation so far; the doctor can say "make it shorter" and the model sees the earlier draft.
// ruleid: no-shared-conversation-memory
const dictation: MessageParam[] = [];

// ok: no-shared-conversation-memory
const dictationByVisit = new Map<string, MessageParam[]>();

function textOf(message: Anthropic.Message): string {
  return message.content.flatMap((b) => (b.type === "text" ? [b.text] : [])).join("\n");
}

export async function dictate(utterance: string): Promise<string> {
  dictation.push({ role: "user", content: utterance });
  logger.info("dictation turn", { event: "dictation", turns: dictation.length });
  // ok: require-audit-logging
  const reply = await client.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 1500,
    system: "You turn a doctor's dictation into a SOAP visit note.",
    messages: dictation,
  });
  dictation.push({ role: "assistant", content: reply.content });
  return textOf(reply);
}

export async function dictateForVisit(visitId: string, utterance: string): Promise<string> {
  const turns = dictationByVisit.get(visitId) ?? [];
  turns.push({ role: "user", content: utterance });
  logger.info("dictation turn", { event: "dictation", visitId, turns: turns.length });
  // ok: require-audit-logging
  const reply = await client.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 1500,
    system: "You turn a doctor's dictation into a SOAP visit note.",
    messages: turns,
  });
  turns.push({ role: "assistant", content: reply.content });
  dictationByVisit.set(visitId, turns);
  return textOf(reply);
}

export async function saveVisitNote(visitId: string, patientId: string, draft: string): Promise<string> {
  const patient = await loadPatient(patientId);

  // ruleid: require-audit-logging
  const titleMsg = await client.messages.create({
    model: "claude-3-5-haiku-latest",
    max_tokens: 30,
    messages: [
      {
        role: "user",
        // ok: no-unredacted-prompts
        content: `Suggest a file name (no spaces) for this visit note. Context: ${JSON.stringify(scrubPatientRecord(patient))}\n\n${draft}`,
      },
    ],
  });
  const fileName = textOf(titleMsg).trim();
  // ruleid: no-unsafe-model-output
  await writeFile(path.join(NOTES_DIR, fileName), draft, "utf8");
  return fileName;
}

export async function saveVisitNoteById(visitId: string, draft: string): Promise<string> {
  logger.info("polishing visit note", { event: "note-polish", visitId });
  // ok: require-audit-logging
  const polished = await client.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 2000,
    messages: [{ role: "user", content: `Fix grammar only, keep clinical content unchanged:\n\n${draft}` }],
  });
  const target = path.join(NOTES_DIR, `${visitId.replace(/[^a-z0-9_-]/gi, "")}.md`);
  // ok: no-unsafe-model-output
  await writeFile(target, textOf(polished), "utf8");
  return target;
}

export async function streamDischargeInstructions(patientId: string, onText: (t: string) => void) {
  const patient = await loadPatient(patientId);
  // ruleid: require-audit-logging
  const stream = client.messages.stream({
    model: "claude-sonnet-4-5",
    max_tokens: 1200,
    system: "Write plain-language discharge instructions.",
    // ruleid: no-unredacted-prompts
    messages: [{ role: "user", content: `Patient: ${patient.fullName}, DOB ${patient.dateOfBirth}, SSN ${patient.ssn}. Problems: ${patient.problems.join(", ")}` }],
  });
  stream.on("text", onText);
  return stream.finalMessage();
}
