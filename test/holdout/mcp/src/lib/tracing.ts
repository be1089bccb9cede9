import { trace, SpanStatusCode, type Span } from "@opentelemetry/api";

export const tracer = trace.getTracer("mcp-workspace");

/** Wrap an MCP tool handler in an OpenTelemetry span named after the tool. */
export function traced<A, R>(toolName: string, handler: (args: A) => Promise<R>) {
  return (args: A): Promise<R> =>
    tracer.startActiveSpan(`mcp.tool.${toolName}`, async (span: Span) => {
      try {
        span.setAttribute("mcp.tool.name", toolName);
        return await handler(args);
      } catch (err) {
        span.recordException(err as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw err;
      } finally {
        span.end();
      }
    });
}
