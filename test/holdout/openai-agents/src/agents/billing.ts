import { Agent, tool, type RunContext } from "@openai/agents";
import { OpenAIResponsesModel } from "@openai/agents-openai";
import OpenAI from "openai";
import { Pool } from "pg";
import { z } from "zod";

export interface BillingContext {
  customer: {
    id: string;
    fullName: string;
    email: string;
    billingAddress: string;
    cardLast4: string;
    plan: string;
  };
}

const pool = new Pool({ connectionString: process.env.BILLING_DB_URL });

// Publishable key: only used to build hosted checkout links, safe to ship to browsers.
// ok: no-hardcoded-credentials
const STRIPE_PUBLISHABLE_KEY = "pk_live_51y1KzMyt5aj7IpsDAI5WoZUyE0AYcSeFQGDPfsg96b0NJcMAuLFLmixWdAT8TqZXVwHjI01ifLFMomeTTwB7ho0guifxLsokOP";

// ok: require-audit-logging
export const lookupInvoice = tool({
  name: "lookup_invoice",
  description: "Look up one of the current customer's invoices by invoice number.",
  parameters: z.object({
    invoiceNumber: z.string().regex(/^INV-\d{6}$/),
  }),
  async execute({ invoiceNumber }, runContext?: RunContext<BillingContext>) {
    // ok: no-unscoped-tools
    const { rows } = await pool.query(
      "SELECT number, amount_cents, status, due_date FROM invoices WHERE number = $1 AND customer_id = $2",
      [invoiceNumber, runContext?.context.customer.id],
    );
    return rows[0] ?? "No invoice with that number on this account.";
  },
});

// ok: require-audit-logging
export const issueRefund = tool({
  name: "issue_refund",
  description: "Refund part of an invoice. Limited to 500 USD per call.",
  parameters: z.object({
    invoiceNumber: z.string().regex(/^INV-\d{6}$/),
    amountCents: z.number().int().positive().max(50_000),
    reason: z.enum(["duplicate", "service_outage", "goodwill"]),
  }),
  needsApproval: async (_ctx, { amountCents }) => amountCents > 10_000,
  async execute({ invoiceNumber, amountCents, reason }) {
    // ok: no-unrestricted-egress
    const res = await fetch(`https://billing.internal.example.com/v1/invoices/${invoiceNumber}/refunds`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${process.env.BILLING_SERVICE_TOKEN}` },
      body: JSON.stringify({ amountCents, reason }),
    });
    return res.ok ? "Refund queued." : `Refund failed with ${res.status}`;
  },
});

// ok: require-audit-logging
export const checkoutLink = tool({
  name: "checkout_link",
  description: "Create a link where the customer can upgrade their plan.",
  parameters: z.object({ plan: z.enum(["pro", "business"]) }),
  async execute({ plan }) {
    return `https://pay.example.com/checkout?plan=${plan}&pk=${STRIPE_PUBLISHABLE_KEY}`;
  },
});

// Billing runs under its own OpenAI project so its usage and keys are isolated.
const billingClient = new OpenAI({ apiKey: process.env.BILLING_AGENT_OPENAI_KEY });

// ok: no-shared-agent-credentials
export const billingAgent = new Agent<BillingContext>({
  name: "Billing agent",
  handoffDescription: "Handles invoices, refunds and plan changes.",
  model: new OpenAIResponsesModel(billingClient, "gpt-4.1"),
  instructions: (runContext) =>
    [
      "You are the billing specialist. Never reveal full card numbers.",
      // ruleid: no-unredacted-prompts
      `Customer on file: ${JSON.stringify(runContext.context.customer)}`,
    ].join("\n"),
  tools: [lookupInvoice, issueRefund, checkoutLink],
});
