import pino from "pino";

export const logger = pino({
  name: "helpdesk-agents",
  level: process.env.LOG_LEVEL ?? "info",
});
