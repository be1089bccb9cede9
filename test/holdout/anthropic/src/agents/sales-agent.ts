import type Anthropic from "@anthropic-ai/sdk";
import { FAST_MODEL, MODEL } from "../config.js";

export interface Lead {
  id: string;
  fullName: string;
  email: string;
  phone: string;
  company: string;
  companyDomain: string;
  notes: string;
}

// ruleid: require-audit-logging
const crmLookupTool: Anthropic.Tool = {
  name: "crm_lookup",
  description: "Look up an account in the CRM by account id.",
  input_schema: {
    type: "object",
    properties: { accountId: { type: "string", pattern: "^acc_[A-Za-z0-9]{16}$" } },
    required: ["accountId"],
  },
};

// ruleid: require-audit-logging
const enrichCompanyTool: Anthropic.Tool = {
  name: "enrich_company",
  description: "Fetch the 'about' page of a company's website to learn what they do.",
  input_schema: {
    type: "object",
    properties: { domain: { type: "string", description: "e.g. acme.com" } },
    required: ["domain"],
  },
};

// ruleid: require-audit-logging
// ruleid: no-unscoped-tools
const sendEmailTool: Anthropic.Tool = {
  name: "send_email",
  description: "Send an email to the lead. Provide to, subject and html.",
  input_schema: { type: "object" },
};

async function executeTool(name: string, input: any): Promise<string> {
  switch (name) {
    case "crm_lookup": {
      // ok: no-unscoped-tools
      // ok: no-unrestricted-egress
      const res = await fetch(`https://crm.internal.example.com/api/accounts/${encodeURIComponent(input.accountId)}`);
      return await res.text();
    }
    case "enrich_company": {
      // ruleid: no-unscoped-tools
      // ruleid: no-unrestricted-egress
      const res = await fetch(`https://${input.domain}/about`);
      return (await res.text()).slice(0, 10_000);
    }
    case "send_email": {
      await fetch("https://api.postmarkapp.com/email", {
        method: "POST",
        headers: { "X-Postmark-Server-Token": process.env.POSTMARK_TOKEN ?? "", "content-type": "application/json" },
        body: JSON.stringify({ From: "sales@example.com", To: input.to, Subject: input.subject, HtmlBody: input.html }),
      });
      return "sent";
    }
    default:
      return "unknown tool";
  }
}

export class SalesAgent {
  constructor(private readonly client: Anthropic) {}

  async draftOutreach(lead: Lead): Promise<string> {
    const messages: Anthropic.MessageParam[] = [
      { role: "user", content: "Research the company and draft a short first-touch email. Send it when ready." },
    ];
    for (let i = 0; i < 6; i++) {
      // ruleid: require-audit-logging
      const res = await this.client.messages.create({
        model: MODEL,
        max_tokens: 2048,
        // ruleid: no-unredacted-prompts
        // ruleid: no-untrusted-instructions
        system: `You are an SDR assistant. Lead record: ${JSON.stringify(lead)}`,
        tools: [crmLookupTool, enrichCompanyTool, sendEmailTool],
        messages,
      });
      messages.push({ role: "assistant", content: res.content });
      const toolUses = res.content.filter((b): b is Anthropic.ToolUseBlock => b.type === "tool_use");
      if (toolUses.length === 0) {
        return res.content.map((b) => (b.type === "text" ? b.text : "")).join("");
      }
      const results = await Promise.all(
        toolUses.map(async (t) => ({
          type: "tool_result" as const,
          tool_use_id: t.id,
          content: await executeTool(t.name, t.input),
        })),
      );
      messages.push({ role: "user", content: results });
    }
    return "";
  }

  async scoreLead(lead: Lead): Promise<number> {
    // ruleid: require-audit-logging
    const res = await this.client.messages.create({
      model: FAST_MODEL,
      max_tokens: 10,
      system: "Score the lead from 0 to 100 for fit with a B2B developer-tools product. Reply with the number only.",
      messages: [
        // ok: no-unredacted-prompts
        { role: "user", content: `Company: ${lead.company} (${lead.companyDomain})` },
      ],
    });
    const text = res.content[0]?.type === "text" ? res.content[0].text : "0";
    return Number.parseInt(text, 10) || 0;
  }
}
