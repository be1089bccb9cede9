/**
 * Framework knowledge as data (the CodeQL models-as-data idea): each framework is a table of rows
 * saying which imports and calls create a client, an agent, a tool or a model call, and where in
 * the call's arguments the interesting parts sit. Rules never match a framework's call shape;
 * they query the agent model built from these rows. A team's own wrappers arrive as rows from
 * the config file (see config/schema.ts `frameworks`).
 *
 * Argument paths: "0" is the first argument, "0.messages" the `messages` property of the object
 * literal passed first, "last" the last argument. A path may list alternatives with "|":
 * "0.apiKey|0.openAIApiKey".
 */

export type ArgPath = string;

/** Where a callee comes from: an export of a module, optionally a member path on it. */
export interface ImportRef {
  /** Import specifiers (exact, or a prefix ending in "/*" such as "@langchain/*"). */
  module: string | string[];
  /** Exported name; "default" for default exports; "*" for the namespace/default object itself. */
  export: string;
}

export interface ClientRow {
  kind: 'client';
  /** e.g. `new OpenAI(...)` from 'openai', or `createOpenAI(...)` from '@ai-sdk/openai'. */
  from: ImportRef;
  construct: 'new' | 'call';
  provider: string;
  /** Where an explicit credential goes. */
  apiKey?: ArgPath;
  /** The env var the SDK reads when no key is passed. */
  defaultEnv?: string[];
  /**
   * A default provider instance that is itself a client (Vercel AI's `openai('gpt-4o')`): calling
   * the import makes a model handle authenticated by `defaultEnv`.
   */
  isDefaultInstance?: boolean;
  /**
   * Sets the process-wide credential the framework's agents use when they get no client of their
   * own (`setDefaultOpenAIKey(key)`, `setDefaultOpenAIClient(client)` in @openai/agents).
   */
  setsDefault?: boolean;
}

export interface ModelCallRow {
  kind: 'modelCall';
  /** Either a function import (`generateText` from 'ai')... */
  from?: ImportRef;
  /** ...or a method path on an instance made by a client or agent row (`chat.completions.create`). */
  on?: { rowFrom: ImportRef; method: string[] };
  /** Any object created by a row: `method` on anything recognized as a client or chat model. */
  provider?: string;
  prompt?: ArgPath[];
  system?: ArgPath[];
  tools?: ArgPath;
  model?: ArgPath;
  /** Options that switch on framework telemetry (e.g. `experimental_telemetry`). */
  telemetry?: ArgPath;
  /** The call's result is model output (text, objects, streams). */
  output?: boolean;
  /** The call runs an agent (not a single completion): the agent argument, or 'self' when the method is on the agent. */
  runsAgent?: ArgPath;
}

export interface AgentRow {
  kind: 'agent';
  from: ImportRef;
  construct: 'new' | 'call';
  /** `Agent.create(...)` style static factory. */
  staticMethod?: string;
  name?: ArgPath;
  instructions?: ArgPath[];
  tools?: ArgPath;
  model?: ArgPath;
  /** Explicit client or credential handed to the agent. */
  client?: ArgPath;
  handoffs?: ArgPath;
  mcpServers?: ArgPath;
  provider?: string;
  /** An MCP server counts as a tool set with its own identity. */
  isToolServer?: boolean;
  /**
   * The credential of an agent whose model is a plain string (or absent): the env vars the SDK
   * reads, or 'by-provider' when the string names the provider ("openai/gpt-4o", "openai:gpt-4o")
   * and that provider's default env var applies (see PROVIDER_DEFAULT_ENV).
   */
  modelStringEnv?: string[] | 'by-provider';
}

export interface ToolRow {
  kind: 'tool';
  /** Function import (`tool` from 'ai') or class (`DynamicStructuredTool`)... */
  from?: ImportRef;
  /** ...or a method on an instance of an agent/server row (`server.registerTool`). */
  on?: { rowFrom: ImportRef; method: string[] };
  construct: 'new' | 'call';
  name?: ArgPath;
  description?: ArgPath;
  /** The input schema (zod object, JSON schema, or a raw zod shape for MCP). */
  schema?: ArgPath;
  /** The function the model's arguments reach. */
  execute?: ArgPath;
}

export type FrameworkRow = ClientRow | ModelCallRow | AgentRow | ToolRow;

export interface FrameworkTable {
  id: string;
  name: string;
  /** Packages whose import marks a file as using the framework. */
  packages: string[];
  rows: FrameworkRow[];
}
