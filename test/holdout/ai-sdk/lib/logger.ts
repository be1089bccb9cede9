import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "acme-copilot-web" },
});

export const toolLog = logger.child({ component: "ai-tools" });
