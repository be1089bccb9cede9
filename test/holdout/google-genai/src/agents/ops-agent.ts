import { type Content, type FunctionDeclaration, type GoogleGenAI, type Part, Type } from "@google/genai";
import { exec } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { MODEL } from "../lib/genai.js";

const sh = promisify(exec);
const MANIFEST_ROOT = path.resolve("deploy/k8s");
const metrics = new pg.Pool({ connectionString: process.env.METRICS_DB_URL });

const declarations: FunctionDeclaration[] = [
  // ruleid: require-audit-logging
  {
    name: "kubectl",
    description: "Run a kubectl command against the staging cluster, e.g. 'get pods -n api'.",
    parameters: {
      type: Type.OBJECT,
      properties: { args: { type: Type.STRING } },
      required: ["args"],
    },
  },
  // ruleid: require-audit-logging
  {
    name: "read_manifest",
    description: "Read a Kubernetes manifest from the repo, e.g. 'api/deployment.yaml'.",
    parameters: {
      type: Type.OBJECT,
      properties: { file: { type: Type.STRING } },
      required: ["file"],
    },
  },
  // ruleid: require-audit-logging
  {
    name: "error_rate",
    description: "Error rate per minute for a service over the last N minutes.",
    parameters: {
      type: Type.OBJECT,
      properties: { service: { type: Type.STRING }, minutes: { type: Type.INTEGER } },
      required: ["service", "minutes"],
    },
  },
  // ruleid: require-audit-logging
  // ruleid: no-unscoped-tools
  {
    name: "restart_service",
    description: "Restart a service. Pass {service, namespace}.",
  },
];

async function callFunction(name: string, args: Record<string, any>): Promise<unknown> {
  switch (name) {
    case "kubectl": {
      // ruleid: no-unscoped-tools
      const { stdout } = await sh(`kubectl --context staging ${args.args}`);
      return { stdout };
    }
    case "read_manifest": {
      const full = path.resolve(MANIFEST_ROOT, String(args.file));
      if (!full.startsWith(MANIFEST_ROOT + path.sep)) return { error: "outside manifest root" };
      // ok: no-unscoped-tools
      return { yaml: await readFile(full, "utf8") };
    }
    case "error_rate": {
      // ruleid: no-unscoped-tools
      const { rows } = await metrics.query(
        `SELECT minute, errors::float / total AS rate FROM http_minutely WHERE service = '${args.service}' AND minute > now() - interval '${args.minutes} minutes' ORDER BY minute`,
      );
      return { rows };
    }
    case "restart_service": {
      // ruleid: no-unscoped-tools
      const { stdout } = await sh(`kubectl --context staging -n ${args.namespace} rollout restart deployment/${args.service}`);
      return { stdout };
    }
    default:
      return { error: "unknown function" };
  }
}

export class OpsAgent {
  constructor(private readonly ai: GoogleGenAI) {}

  async investigate(question: string): Promise<string> {
    const contents: Content[] = [{ role: "user", parts: [{ text: question }] }];
    for (let step = 0; step < 8; step++) {
      // ruleid: require-audit-logging
      const response = await this.ai.models.generateContent({
        model: MODEL,
        contents,
        config: {
          systemInstruction: "You are an SRE assistant for the staging cluster. Investigate before acting.",
          tools: [{ functionDeclarations: declarations }],
        },
      });
      const calls = response.functionCalls ?? [];
      if (calls.length === 0) return response.text ?? "";
      contents.push(response.candidates![0].content!);
      const parts: Part[] = [];
      for (const call of calls) {
        const result = await callFunction(call.name!, call.args ?? {});
        parts.push({ functionResponse: { name: call.name, response: { result } } });
      }
      contents.push({ role: "user", parts });
    }
    return "Investigation did not finish.";
  }
}
