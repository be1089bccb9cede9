import pino from "pino";

export const logger = pino({ name: "acme-mastra", level: process.env.LOG_LEVEL ?? "info" });
