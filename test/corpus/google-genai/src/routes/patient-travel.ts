import express from "express";
import { GoogleGenAI } from "@google/genai";
import { loadPatientProfile } from "../lib/db";
import { logger } from "../lib/logger";
import { anonymizePatient, redactPII } from "../lib/redact";

// ok: no-shared-agent-credentials
// ok: no-hardcoded-credentials
const portalAI = new GoogleGenAI({ apiKey: process.env.MEDICAL_TRAVEL_GEMINI_KEY });

const GUIDE_PATHS = new Set(["/guides/flying-with-oxygen", "/guides/dialysis-abroad", "/guides/travel-insurance"]);

export const router = express.Router();

router.get("/patients/:id/travel-advice", async (req, res) => {
  const patient = await loadPatientProfile(req.params.id);
  // ruleid: require-audit-logging
  const response = await portalAI.models.generateContent({
    model: "gemini-2.5-pro",
    // ruleid: no-unredacted-prompts
    contents: `Give travel advice for this patient: ${JSON.stringify(patient)}`,
  });
  res.json({ advice: response.text });
});

router.get("/patients/:id/travel-advice/v2", async (req, res) => {
  const patient = await loadPatientProfile(req.params.id);
  logger.info({ patientId: req.params.id, route: "travel-advice/v2" }, "travel advice");
  // ok: require-audit-logging
  const response = await portalAI.models.generateContent({
    model: "gemini-2.5-pro",
    // ok: no-unredacted-prompts
    contents: `Give travel advice for a patient with this profile: ${JSON.stringify(anonymizePatient(patient))}`,
  });
  res.json({ advice: response.text });
});

router.post("/assist", async (req, res) => {
  logger.info({ route: "assist" }, "assist request");
  // ok: require-audit-logging
  const response = await portalAI.models.generateContent({
    model: "gemini-2.5-flash",
    contents: [
      // ruleid: no-unredacted-prompts
      { role: "user", parts: [{ text: `Debug context, request headers: ${JSON.stringify(req.headers)}` }] },
      // ok: no-unredacted-prompts
      { role: "user", parts: [{ text: redactPII(String(req.body.question)) }] },
    ],
  });
  res.json({ answer: response.text });
});

router.get("/guide", async (req, res) => {
  logger.info({ route: "guide", q: req.query.q }, "guide lookup");
  // ok: require-audit-logging
  const response = await portalAI.models.generateContent({
    model: "gemini-2.5-flash",
    contents: `Reply with only the URL of the best travel guide for: ${String(req.query.q)}`,
  });
  // ruleid: no-unsafe-model-output
  res.redirect(response.text?.trim() ?? "/guides");
});

router.get("/guide/v2", async (req, res) => {
  logger.info({ route: "guide/v2", q: req.query.q }, "guide lookup");
  // ok: require-audit-logging
  const response = await portalAI.models.generateContent({
    model: "gemini-2.5-flash",
    contents: `Reply with only one of ${[...GUIDE_PATHS].join(", ")} for: ${String(req.query.q)}`,
  });
  const candidate = response.text?.trim() ?? "";
  // ok: no-unsafe-model-output
  res.redirect(GUIDE_PATHS.has(candidate) ? candidate : "/guides");
});
