import pino from "pino";

export const logger = pino({ name: "acme-dev-portal", level: process.env.LOG_LEVEL ?? "info" });
