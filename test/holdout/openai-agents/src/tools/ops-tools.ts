import { tool } from "@openai/agents";
import { createClient } from "@clickhouse/client";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { z } from "zod";

const execFileAsync = promisify(execFile);
const clickhouse = createClient({
  url: process.env.CLICKHOUSE_URL,
  username: "ops_readonly",
  password: process.env.CLICKHOUSE_PASSWORD,
});

// ok: require-audit-logging
export const restartPod = tool({
  name: "restart_pod",
  description: "Restart a pod in one of the customer-facing namespaces.",
  parameters: z.object({
    namespace: z.enum(["api", "workers", "webhooks"]),
    pod: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).max(63),
  }),
  async execute({ namespace, pod }) {
    // ok: no-unscoped-tools
    const { stdout } = await execFileAsync("kubectl", ["-n", namespace, "delete", "pod", pod, "--wait=false"]);
    return stdout;
  },
});

// ok: require-audit-logging
export const queryMetrics = tool({
  name: "query_metrics",
  description: "Query request metrics. `where` is a ClickHouse boolean expression, e.g. status >= 500.",
  parameters: z.object({
    service: z.string(),
    where: z.string(),
    sinceMinutes: z.number().int().max(1440),
  }),
  async execute({ service, where, sinceMinutes }) {
    // ruleid: no-unscoped-tools
    const rs = await clickhouse.query({
      query: `SELECT toStartOfMinute(ts) m, count() c FROM requests WHERE service = '${service}' AND ${where} AND ts > now() - INTERVAL ${sinceMinutes} MINUTE GROUP BY m ORDER BY m`,
      format: "JSONEachRow",
    });
    return JSON.stringify(await rs.json());
  },
});

// ok: require-audit-logging
// ruleid: no-unscoped-tools
export const callInternalApi = tool({
  name: "call_internal_api",
  description: "Call any internal admin RPC. Pass {method, params}.",
  parameters: {
    type: "object",
    properties: {},
    required: [],
    additionalProperties: true,
  },
  strict: false,
  async execute(input: any) {
    const res = await fetch("https://admin.internal.example.com/rpc", {
      method: "POST",
      headers: { authorization: `Bearer ${process.env.ADMIN_API_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ method: input.method, params: input.params }),
    });
    return await res.text();
  },
});

// ok: require-audit-logging
export const currentOnCall = tool({
  name: "current_on_call",
  description: "Who is on call right now for a team.",
  parameters: z.object({ team: z.enum(["platform", "payments", "identity"]) }),
  async execute({ team }) {
    // ok: no-unrestricted-egress
    const res = await fetch(`https://api.pagerduty.com/oncalls?escalation_policy_ids[]=${team}`, {
      headers: { Authorization: `Token token=${process.env.PAGERDUTY_TOKEN}` },
    });
    return JSON.stringify(await res.json());
  },
});
