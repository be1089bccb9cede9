import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";

// Points at the local Prism mock of the Messages API; the key is a dummy.
// ok: no-shared-agent-credentials
const mockClient = new Anthropic({
  // ok: no-hardcoded-credentials
  apiKey: "test-key",
  baseURL: "http://127.0.0.1:4010",
  maxRetries: 0,
});

describe("anthropic client wiring", () => {
  it("targets the mock server", () => {
    expect(mockClient.baseURL).toBe("http://127.0.0.1:4010");
    expect(mockClient.maxRetries).toBe(0);
  });
});
