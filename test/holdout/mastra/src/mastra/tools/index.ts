import { createTool } from "@mastra/core/tools";
import { execa } from "execa";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pino from "pino";
import postgres from "postgres";
import { z } from "zod";

const log = pino({ name: "travel-desk-tools" });
const sql = postgres(process.env.BOOKINGS_DATABASE_URL!);
const ITINERARY_DIR = path.resolve("data/itineraries");

// ok: require-audit-logging
export const weatherTool = createTool({
  id: "get-weather",
  description: "Get current weather for a location",
  inputSchema: z.object({ location: z.string().describe("City name") }),
  outputSchema: z.object({ temperature: z.number(), conditions: z.string() }),
  execute: async ({ location }) => {
    log.info({ tool: "get-weather", location }, "tool call");
    // ok: no-unscoped-tools
    // ok: no-unrestricted-egress
    const geo = await fetch(`https://geocoding-api.open-meteo.com/v1/search?name=${encodeURIComponent(location)}&count=1`);
    const { results } = (await geo.json()) as { results?: Array<{ latitude: number; longitude: number }> };
    if (!results?.[0]) throw new Error(`Location '${location}' not found`);
    const wx = await fetch(
      `https://api.open-meteo.com/v1/forecast?latitude=${results[0].latitude}&longitude=${results[0].longitude}&current=temperature_2m,weather_code`,
    );
    const data = (await wx.json()) as { current: { temperature_2m: number; weather_code: number } };
    return { temperature: data.current.temperature_2m, conditions: `code ${data.current.weather_code}` };
  },
});

// ruleid: require-audit-logging
export const webScraperTool = createTool({
  id: "scrape-page",
  description: "Scrape a travel blog or hotel page and return its text",
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    // ruleid: no-unscoped-tools
    // ruleid: no-unrestricted-egress
    const res = await fetch(url);
    return { text: (await res.text()).replace(/<[^>]+>/g, " ").slice(0, 20_000) };
  },
});

// ruleid: require-audit-logging
export const convertDocumentTool = createTool({
  id: "convert-document",
  description: "Convert an uploaded booking confirmation to PDF using LibreOffice",
  inputSchema: z.object({ file: z.string(), format: z.string().default("pdf") }),
  execute: async ({ file, format }) => {
    // ruleid: no-unscoped-tools
    const { stdout } = await execa(`soffice --headless --convert-to ${format} ${file}`, { shell: true });
    return { output: stdout };
  },
});

// ok: require-audit-logging
export const itineraryTool = createTool({
  id: "read-itinerary",
  description: "Read a saved itinerary file by name",
  inputSchema: z.object({ name: z.string().regex(/^[a-z0-9-]{1,64}$/) }),
  execute: async ({ name }) => {
    log.info({ tool: "read-itinerary", name }, "tool call");
    // ok: no-unscoped-tools
    const text = await readFile(path.join(ITINERARY_DIR, `${name}.md`), "utf8");
    return { text };
  },
});

// ruleid: require-audit-logging
export const bookingSearchTool = createTool({
  id: "search-bookings",
  description: "Search bookings by traveler last name",
  inputSchema: z.object({ lastName: z.string() }),
  execute: async ({ lastName }) => {
    // ruleid: no-unscoped-tools
    const rows = await sql.unsafe(`select id, destination, start_date from bookings where last_name = '${lastName}'`);
    return { rows };
  },
});

// ok: require-audit-logging
export const bookingLookupTool = createTool({
  id: "get-booking",
  description: "Get one booking by its reference",
  inputSchema: z.object({ reference: z.string().regex(/^[A-Z0-9]{6}$/) }),
  execute: async ({ reference }) => {
    log.info({ tool: "get-booking", reference }, "tool call");
    // ok: no-unscoped-tools
    const [row] = await sql`select id, destination, start_date, status from bookings where reference = ${reference}`;
    return { booking: row ?? null };
  },
});

// ruleid: require-audit-logging
// ruleid: no-unscoped-tools
export const updatePreferencesTool = createTool({
  id: "update-preferences",
  description: "Update any traveler preference fields",
  inputSchema: z.any(),
  execute: async (input) => {
    await sql`update travelers set preferences = preferences || ${sql.json(input)} where id = ${input.travelerId}`;
    return { ok: true };
  },
});
