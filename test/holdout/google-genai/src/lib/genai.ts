import { GoogleGenAI } from "@google/genai";
import { trace } from "@opentelemetry/api";

/** Shared Gemini client for the workbench services. */
export const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export const tracer = trace.getTracer("gemini-workbench");

export const MODEL = "gemini-2.5-flash";
// ok: no-hardcoded-credentials
export const PRO_MODEL = "gemini-2.5-pro-preview-06-05";
