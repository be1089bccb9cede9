import { generateObject, generateText } from "ai";
import { createAnthropic } from "@ai-sdk/anthropic";
import { z } from "zod";
import { getCustomer } from "../../../lib/db";
import { extractorOpenAI } from "../../../lib/providers";
import { maskEmail, redactPII } from "../../../lib/redact";

// Quick fix from the hackathon; the intake bot needs its own key.
// ok: no-shared-agent-credentials
const intakeAnthropic = createAnthropic({
  // ruleid: no-hardcoded-credentials
  apiKey: "sk-ant-api03-nSVpFFQIrGHY6j7giNoOTgRsOvUfEOM1OTwqi6OeWTCR1BoAiIQ4dvjf172PGjJ5NjY9li1PFDHeztQouMw7sUAA",
});

const Classification = z.object({
  category: z.enum(["billing", "bug", "feature_request", "account", "other"]),
  urgency: z.enum(["low", "medium", "high"]),
  summary: z.string().max(280),
});

export async function POST(req: Request) {
  const { customerId, note } = (await req.json()) as { customerId: string; note: string };
  const customer = await getCustomer(customerId);

  // ok: require-audit-logging
  const { object } = await generateObject({
    model: extractorOpenAI("gpt-4.1-mini"),
    schema: Classification,
    // ok: no-unredacted-prompts
    prompt: `Classify this support note from ${maskEmail(customer.email)} (plan: ${customer.plan}):\n${redactPII(note)}`,
    experimental_telemetry: { isEnabled: true, functionId: "intake-classifier" },
  });

  // ruleid: require-audit-logging
  const { text: reply } = await generateText({
    model: intakeAnthropic("claude-3-5-haiku-latest"),
    system: "You draft short, warm first replies to support requests.",
    // ruleid: no-unredacted-prompts
    prompt: `Draft a reply to ${customer.email} (phone ${customer.phone}) about: ${object.summary}`,
  });

  return Response.json({ classification: object, draft: reply });
}
