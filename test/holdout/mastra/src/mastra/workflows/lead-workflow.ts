import { createStep, createWorkflow } from "@mastra/core/workflows";
import pino from "pino";
import { z } from "zod";

const log = pino({ name: "lead-workflow" });

const leadSchema = z.object({
  leadId: z.string(),
  fullName: z.string(),
  email: z.string().email(),
  phone: z.string(),
  passportNumber: z.string().optional(),
  destination: z.string(),
  budgetUsd: z.number(),
});

function redactLead(lead: z.infer<typeof leadSchema>) {
  return { leadId: lead.leadId, destination: lead.destination, budgetUsd: lead.budgetUsd };
}

const qualifyLead = createStep({
  id: "qualify-lead",
  inputSchema: leadSchema,
  outputSchema: leadSchema.extend({ qualified: z.boolean(), notes: z.string() }),
  execute: async ({ inputData, mastra }) => {
    const agent = mastra.getAgent("researchAgent");
    log.info({ leadId: inputData.leadId }, "lead.qualify");
    // ok: require-audit-logging
    const result = await agent.generate(
      // ruleid: no-unredacted-prompts
      `Is this a realistic trip request? Answer yes/no and why. Lead: ${JSON.stringify(inputData)}`,
    );
    log.info({ leadId: inputData.leadId }, "lead.qualified");
    return { ...inputData, qualified: /^yes/i.test(result.text), notes: result.text };
  },
});

const draftOffer = createStep({
  id: "draft-offer",
  inputSchema: leadSchema.extend({ qualified: z.boolean(), notes: z.string() }),
  outputSchema: z.object({ leadId: z.string(), offer: z.string().nullable() }),
  execute: async ({ inputData, mastra }) => {
    if (!inputData.qualified) return { leadId: inputData.leadId, offer: null };
    const agent = mastra.getAgent("conciergeAgent");
    // ruleid: require-audit-logging
    const result = await agent.generate([
      {
        role: "user",
        // ok: no-unredacted-prompts
        content: `Draft a 3-day offer for this request: ${JSON.stringify(redactLead(inputData))}`,
      },
    ]);
    return { leadId: inputData.leadId, offer: result.text };
  },
});

export const leadWorkflow = createWorkflow({
  id: "lead-workflow",
  inputSchema: leadSchema,
  outputSchema: z.object({ leadId: z.string(), offer: z.string().nullable() }),
})
  .then(qualifyLead)
  .then(draftOffer)
  .commit();
