import pino from "pino";

// stdout belongs to the MCP stdio transport, so logs go to stderr (fd 2).
export const logger = pino({ name: "acme-mcp", level: process.env.LOG_LEVEL ?? "info" }, pino.destination(2));
