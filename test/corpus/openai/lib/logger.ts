import pino from "pino";

export const logger = pino({
  name: "acme-support-platform",
  level: process.env.LOG_LEVEL ?? "info",
  redact: ["req.headers.authorization", "*.apiKey", "*.email"],
});

/**
 * Wraps a model call with structured start/finish/failure audit records.
 * Used by batch jobs that don't have a request-scoped logger.
 */
export async function withAuditLog<T>(
  event: string,
  meta: Record<string, unknown>,
  fn: () => Promise<T>,
): Promise<T> {
  const startedAt = Date.now();
  logger.info({ event, ...meta }, "model call started");
  try {
    const result = await fn();
    logger.info({ event, durationMs: Date.now() - startedAt }, "model call finished");
    return result;
  } catch (err) {
    logger.error({ event, err, durationMs: Date.now() - startedAt }, "model call failed");
    throw err;
  }
}
