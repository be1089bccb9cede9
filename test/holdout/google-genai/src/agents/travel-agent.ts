import { type Chat, type FunctionCall, type FunctionDeclaration, type GoogleGenAI, type Part, Type } from "@google/genai";
import { SpanStatusCode } from "@opentelemetry/api";
import { MODEL, tracer } from "../lib/genai.js";

// ok: require-audit-logging
const searchFlights: FunctionDeclaration = {
  name: "search_flights",
  description: "Search flights between two airports on a date.",
  parameters: {
    type: Type.OBJECT,
    properties: {
      from: { type: Type.STRING, pattern: "^[A-Z]{3}$", description: "IATA code" },
      to: { type: Type.STRING, pattern: "^[A-Z]{3}$", description: "IATA code" },
      date: { type: Type.STRING, format: "date" },
    },
    required: ["from", "to", "date"],
  },
};

// ok: require-audit-logging
const placeDetails: FunctionDeclaration = {
  name: "place_details",
  description: "Get details (hours, rating, address) for a place by Google place id.",
  parameters: {
    type: Type.OBJECT,
    properties: { placeId: { type: Type.STRING } },
    required: ["placeId"],
  },
};

// ok: require-audit-logging
const openLink: FunctionDeclaration = {
  name: "open_link",
  description: "Open a link the user mentioned (e.g. a hotel page) and read it.",
  parameters: {
    type: Type.OBJECT,
    properties: { url: { type: Type.STRING } },
    required: ["url"],
  },
};

async function execute(call: FunctionCall): Promise<Record<string, unknown>> {
  const args = (call.args ?? {}) as Record<string, string>;
  switch (call.name) {
    case "search_flights": {
      const url = new URL("https://flights.internal.example.com/v1/search");
      url.searchParams.set("from", args.from);
      url.searchParams.set("to", args.to);
      url.searchParams.set("date", args.date);
      // ok: no-unscoped-tools
      // ok: no-unrestricted-egress
      return { results: await (await fetch(url)).json() };
    }
    case "place_details": {
      // ok: no-unrestricted-egress
      const res = await fetch(`https://places.googleapis.com/v1/places/${encodeURIComponent(args.placeId)}`, {
        headers: { "X-Goog-Api-Key": process.env.MAPS_API_KEY ?? "", "X-Goog-FieldMask": "displayName,rating,formattedAddress" },
      });
      return { place: await res.json() };
    }
    case "open_link": {
      // ruleid: no-unscoped-tools
      // ruleid: no-unrestricted-egress
      const res = await fetch(args.url);
      return { text: (await res.text()).slice(0, 15_000) };
    }
    default:
      return { error: `unknown function ${call.name}` };
  }
}

export class TravelAgent {
  // ok: no-shared-conversation-memory
  private readonly chats = new Map<string, Chat>();

  constructor(private readonly ai: GoogleGenAI) {}

  private chatFor(sessionId: string): Chat {
    let chat = this.chats.get(sessionId);
    if (!chat) {
      chat = this.ai.chats.create({
        model: MODEL,
        config: {
          systemInstruction: "You are a travel planning assistant. Use the functions for live data.",
          tools: [{ functionDeclarations: [searchFlights, placeDetails, openLink] }],
        },
      });
      this.chats.set(sessionId, chat);
    }
    return chat;
  }

  async send(sessionId: string, message: string): Promise<string> {
    const chat = this.chatFor(sessionId);
    return tracer.startActiveSpan("travel.turn", async (span) => {
      try {
        span.setAttribute("session.id", sessionId);
        // ok: require-audit-logging
        let response = await chat.sendMessage({ message });
        for (let i = 0; i < 5 && response.functionCalls?.length; i++) {
          const parts: Part[] = [];
          for (const call of response.functionCalls) {
            span.addEvent("tool.call", { name: call.name ?? "" });
            parts.push({ functionResponse: { name: call.name, response: await execute(call) } });
          }
          // ok: require-audit-logging
          response = await chat.sendMessage({ message: parts });
        }
        return response.text ?? "";
      } catch (err) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: String(err) });
        throw err;
      } finally {
        span.end();
      }
    });
  }
}
