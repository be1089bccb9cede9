import type OpenAI from "openai";
import type {
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from "openai/resources/chat/completions";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { KB_ROOT, MODELS } from "../lib/clients.js";

// ok: require-audit-logging
const lookupOrderTool: ChatCompletionTool = {
  type: "function",
  function: {
    name: "lookup_order",
    description: "Look up an order by its order number (ORD-xxxxxxxx).",
    parameters: {
      type: "object",
      properties: {
        orderId: { type: "string", pattern: "^ORD-[0-9]{8}$" },
      },
      required: ["orderId"],
      additionalProperties: false,
    },
    strict: true,
  },
};

// ok: require-audit-logging
const readArticleTool: ChatCompletionTool = {
  type: "function",
  function: {
    name: "read_kb_article",
    description: "Read a knowledge base article by its relative path, e.g. billing/refunds.md",
    parameters: {
      type: "object",
      properties: { articlePath: { type: "string" } },
      required: ["articlePath"],
    },
  },
};

// ok: require-audit-logging
const readAttachmentTool: ChatCompletionTool = {
  type: "function",
  function: {
    name: "read_attachment",
    description: "Read a file the customer attached to the ticket.",
    parameters: {
      type: "object",
      properties: { file: { type: "string" } },
      required: ["file"],
    },
  },
};

const ATTACHMENTS_DIR = "/var/helpdesk/attachments";

export interface CustomerContext {
  customerId: string;
  plan: "free" | "pro" | "enterprise";
  locale: string;
}

export class SupportAgent {
  private readonly tools = [lookupOrderTool, readArticleTool, readAttachmentTool];

  constructor(
    private readonly client: OpenAI,
    private readonly log: Logger,
  ) {}

  async reply(ctx: CustomerContext, history: ChatCompletionMessageParam[]): Promise<string> {
    const messages: ChatCompletionMessageParam[] = [
      {
        role: "system",
        content:
          "You are the Acme helpdesk assistant. Answer from the knowledge base, " +
          `the customer is on the ${ctx.plan} plan (customer ${ctx.customerId}). Be concise.`,
      },
      ...history,
    ];

    for (let turn = 0; turn < 6; turn++) {
      this.log.info({ customerId: ctx.customerId, turn }, "support.model_call");
      // ok: require-audit-logging
      const completion = await this.client.chat.completions.create({
        model: MODELS.fast,
        messages,
        tools: this.tools,
        tool_choice: "auto",
      });

      const msg = completion.choices[0].message;
      messages.push(msg);
      if (!msg.tool_calls?.length) {
        this.log.info({ customerId: ctx.customerId, usage: completion.usage }, "support.reply");
        return msg.content ?? "";
      }

      for (const call of msg.tool_calls) {
        if (call.type !== "function") continue;
        const args = JSON.parse(call.function.arguments);
        this.log.info({ tool: call.function.name, args }, "support.tool_call");
        const result = await this.runTool(call.function.name, args);
        messages.push({ role: "tool", tool_call_id: call.id, content: result });
      }
    }
    return "Sorry, I could not resolve this. A human agent will follow up.";
  }

  private async runTool(name: string, args: Record<string, string>): Promise<string> {
    switch (name) {
      case "lookup_order": {
        // ok: no-unscoped-tools
        // ok: no-unrestricted-egress
        const res = await fetch(`https://orders.internal.acme.io/v2/orders/${encodeURIComponent(args.orderId)}`, {
          headers: { "x-service": "helpdesk" },
        });
        return JSON.stringify(await res.json());
      }
      case "read_kb_article": {
        const resolved = path.resolve(KB_ROOT, args.articlePath);
        if (!resolved.startsWith(KB_ROOT + path.sep)) {
          return "error: article path outside the knowledge base";
        }
        // ok: no-unscoped-tools
        return readFile(resolved, "utf8");
      }
      case "read_attachment": {
        // ruleid: no-unscoped-tools
        return readFile(path.join(ATTACHMENTS_DIR, args.file), "utf8");
      }
      default:
        return `unknown tool ${name}`;
    }
  }
}
