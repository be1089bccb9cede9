import { trace } from "@opentelemetry/api";

export const tracer = trace.getTracer("wanderly-api", "1.8.0");
