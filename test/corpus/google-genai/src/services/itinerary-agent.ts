import { GoogleGenAI, Type, type Content, type FunctionDeclaration } from "@google/genai";
import { pool } from "../lib/db";
import { logger } from "../lib/logger";
import { tracer } from "../lib/tracing";

// ruleid: no-shared-agent-credentials
const genai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

const searchHotelsDecl: FunctionDeclaration = {
  name: "search_hotels",
  description: "Search partner hotels in a city for the given dates",
  parameters: {
    type: Type.OBJECT,
    properties: {
      city: { type: Type.STRING },
      checkIn: { type: Type.STRING, description: "YYYY-MM-DD" },
      nights: { type: Type.INTEGER },
    },
    required: ["city", "checkIn", "nights"],
  },
};

async function searchHotels(args: { city: string; checkIn: string; nights: number }) {
  // ok: no-unscoped-tools
  const { rows } = await pool.query(
    "select name, nightly_rate from hotels where city = $1 and available_from <= $2 order by nightly_rate limit 5",
    [args.city, args.checkIn],
  );
  return rows.map((r) => ({ ...r, total: r.nightly_rate * args.nights }));
}

export async function planTrip(request: string) {
  return tracer.startActiveSpan("itinerary.plan", async (span) => {
    try {
      const contents: Content[] = [{ role: "user", parts: [{ text: request }] }];
      for (let step = 0; step < 5; step++) {
        // ok: require-audit-logging
        const response = await genai.models.generateContent({
          model: "gemini-2.5-pro",
          contents,
          config: {
            systemInstruction: "You plan trips using partner hotels only.",
            tools: [{ functionDeclarations: [searchHotelsDecl] }],
          },
        });
        const calls = response.functionCalls ?? [];
        if (calls.length === 0) {
          span.setAttribute("itinerary.steps", step + 1);
          return response.text;
        }
        contents.push(response.candidates![0].content!);
        for (const call of calls) {
          const result = await searchHotels(call.args as { city: string; checkIn: string; nights: number });
          contents.push({ role: "user", parts: [{ functionResponse: { name: call.name, response: { result } } }] });
        }
      }
      return null;
    } finally {
      span.end();
    }
  });
}

export async function estimateBudget(itinerary: string): Promise<number> {
  // ruleid: require-audit-logging
  const response = await genai.models.generateContent({
    model: "gemini-2.5-flash",
    contents: `Write a single JavaScript arithmetic expression that totals the costs in this itinerary. Expression only.\n\n${itinerary}`,
  });
  // ruleid: no-unsafe-model-output
  return Number(eval(response.text ?? "0"));
}

export async function estimateBudgetStructured(itinerary: string): Promise<number> {
  logger.info({ op: "estimate-budget", chars: itinerary.length }, "estimating budget");
  // ok: require-audit-logging
  const response = await genai.models.generateContent({
    model: "gemini-2.5-flash",
    contents: `List every cost in this itinerary.\n\n${itinerary}`,
    config: {
      responseMimeType: "application/json",
      responseSchema: { type: Type.ARRAY, items: { type: Type.NUMBER } },
    },
  });
  const costs = JSON.parse(response.text ?? "[]") as unknown[];
  // ok: no-unsafe-model-output
  return costs.filter((c): c is number => typeof c === "number" && Number.isFinite(c)).reduce((a, b) => a + b, 0);
}
