import { GoogleGenAI } from "@google/genai";
import { SpanStatusCode } from "@opentelemetry/api";
import { pool } from "../lib/db";
import { tracer } from "../lib/tracing";

// ok: no-shared-agent-credentials
const captioner = new GoogleGenAI({
  // ruleid: no-hardcoded-credentials
  apiKey: "AIzaSyEPuskKT8ZqaCEeVgSwviaEE6dkSTtNDDq",
});

// ok: no-hardcoded-credentials
const CATALOG_BUCKET = "wanderly-catalog-prod-7f3a9c";
// ok: no-hardcoded-credentials
const CAPTION_MODEL = "gemini-2.5-flash-lite";

const IMAGE_HOSTS = new Set(["images.wanderly.travel", "cdn.wanderly.travel"]);

interface Listing {
  id: string;
  name: string;
  category: string;
  city: string;
}

export async function captionListing(listing: Listing): Promise<string> {
  return tracer.startActiveSpan("catalog.caption", async (span) => {
    try {
      span.setAttributes({ "listing.id": listing.id, "gen_ai.request.model": CAPTION_MODEL });
      // ok: require-audit-logging
      const response = await captioner.models.generateContent({
        model: CAPTION_MODEL,
        // ok: no-unredacted-prompts
        contents: `Write a 20-word caption for "${listing.name}", a ${listing.category} in ${listing.city}. Bucket ${CATALOG_BUCKET}.`,
      });
      return response.text ?? "";
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}

export async function fetchHeroImage(listing: Listing): Promise<ArrayBuffer> {
  // ruleid: require-audit-logging
  const response = await captioner.models.generateContent({
    model: CAPTION_MODEL,
    contents: `Reply with only the URL of a good hero image for ${listing.name} in ${listing.city}.`,
  });
  // ruleid: no-unrestricted-egress
  const image = await fetch(response.text!.trim());
  return image.arrayBuffer();
}

export async function fetchHeroImageFromCdn(listing: Listing): Promise<ArrayBuffer | null> {
  return tracer.startActiveSpan("catalog.hero-image", async (span) => {
    try {
      // ok: require-audit-logging
      const response = await captioner.models.generateContent({
        model: CAPTION_MODEL,
        contents: `Reply with only the URL of the best hero image for listing ${listing.id} from our CDN.`,
      });
      const url = new URL(response.text!.trim());
      if (url.protocol !== "https:" || !IMAGE_HOSTS.has(url.hostname)) {
        return null;
      }
      // ok: no-unrestricted-egress
      const image = await fetch(url);
      return image.arrayBuffer();
    } finally {
      span.end();
    }
  });
}

export async function captionAll(): Promise<void> {
  const { rows } = await pool.query<Listing>("select id, name, category, city from listings where caption is null limit 100");
  for (const listing of rows) {
    const caption = await captionListing(listing);
    await pool.query("update listings set caption = $2 where id = $1", [listing.id, caption]);
  }
}
