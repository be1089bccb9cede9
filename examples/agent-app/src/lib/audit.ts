import pino from 'pino';

export const logger = pino({ name: 'acme-support' });

/** One structured audit record per model call or tool run. */
export function audit(event: string, fields: Record<string, unknown>): void {
  logger.info({ event, ...fields }, event);
}
