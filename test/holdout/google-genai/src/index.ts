import { type Content, GoogleGenAI } from "@google/genai";
import express from "express";
import { ai, MODEL } from "./lib/genai.js";
import { TravelAgent } from "./agents/travel-agent.js";
import { OpsAgent } from "./agents/ops-agent.js";
import { HrAgent } from "./agents/hr-agent.js";

const app = express();
app.use(express.json({ limit: "5mb" }));

// ruleid: no-shared-agent-credentials
const travel = new TravelAgent(ai);
// ruleid: no-shared-agent-credentials
const ops = new OpsAgent(ai);
// HR data stays in its own Google Cloud project and key.
// ok: no-shared-agent-credentials
const hr = new HrAgent(new GoogleGenAI({ apiKey: process.env.HR_GEMINI_API_KEY }));

// ruleid: no-shared-conversation-memory
const history: Content[] = [];

app.post("/chat", async (req, res) => {
  history.push({ role: "user", parts: [{ text: String(req.body.message) }] });
  // ruleid: require-audit-logging
  const response = await ai.models.generateContent({ model: MODEL, contents: history });
  history.push({ role: "model", parts: [{ text: response.text ?? "" }] });
  res.json({ text: response.text });
});

app.post("/travel/:sessionId", async (req, res) => {
  res.json({ text: await travel.send(req.params.sessionId, String(req.body.message)) });
});

app.post("/ops/investigate", async (req, res) => {
  res.json({ text: await ops.investigate(String(req.body.question)) });
});

app.post("/hr/screen", async (req, res) => {
  res.json({ text: await hr.screenResume(String(req.body.resume), String(req.body.jobDescription)) });
});

app.listen(8080);
