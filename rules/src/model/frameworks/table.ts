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
  /** The model string ("openai:gpt-4o") whose provider decides the default env var, for clients of any provider. */
  modelArg?: ArgPath;
  /** Only turns text into vectors (an embeddings model): infrastructure, never an agent of its own. */
  embeddingsOnly?: boolean;
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
  /**
   * The call only opens a chat session (`ai.chats.create({ config: { systemInstruction }, history })`):
   * instructions and history are set here, the model is called later by the session's methods.
   */
  session?: boolean;
  /** The call runs an agent (not a single completion): the agent argument, or 'self' when the method is on the agent. */
  runsAgent?: ArgPath;
  /**
   * Where the result holds tool calls the code dispatches itself: property paths (array indexes
   * left out) to the model-chosen arguments, e.g. "choices.message.tool_calls.function.arguments".
   */
  toolCalls?: string[];
  /**
   * The structured-output schema the result is parsed with (`generateObject({ schema })`,
   * `outputType` of an agent): fields it constrains (enums, numbers, patterns) are not free text.
   */
  outputSchema?: ArgPath;
  /**
   * The per-run context handed to the agent's dynamic instructions and tools (`run(agent, input,
   * { context })` in @openai/agents, `requestContext` / `runtimeContext` in Mastra).
   */
  context?: ArgPath;
  /** The conversation thread the run reads and extends when the agent has memory (`configurable.thread_id`, Mastra `memory.thread`). */
  thread?: ArgPath;
  /** How the `tools` argument declares tools as plain JSON specs that the code runs itself (raw SDK tool loops). */
  toolSpec?: ToolSpecRow;
}

/**
 * A tool declared as a plain object in a model call's `tools` (`{ name, description, input_schema }`)
 * and dispatched by the caller's own code. Paths here are property paths inside one object, with
 * alternatives separated by "|"; the model matches the dispatch code (a `case 'name':`, an `if`, a
 * handler map) generically.
 */
export interface ToolSpecRow extends Omit<ToolRow, 'construct'> {
  construct: 'spec';
  /** A property of each `tools` element that lists the specs (Gemini `functionDeclarations`); absent when each element is one. */
  list?: string;
  /** The element's `type`, when it has one, must be one of these (`function`): other types are the provider's own tools. */
  types?: string[];
  /** Path from a tool call the model returns to the tool's name (`name`, `function.name`). */
  callName: string;
  /** Path from a tool call to the model's arguments (`input`, `function.arguments`, `args`). */
  callArguments: string;
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
  /**
   * 'extends': a project class that extends `from` is the tool (`class Shell extends StructuredTool`);
   * then name, description, schema and execute name the class's members, not argument paths.
   */
  construct: 'new' | 'call' | 'extends';
  name?: ArgPath;
  description?: ArgPath;
  /** The input schema (zod object, JSON schema, or a raw zod shape for MCP). */
  schema?: ArgPath;
  /** The function the model's arguments reach. */
  execute?: ArgPath;
  /**
   * Where the model's arguments enter the execute function: a parameter index and the property
   * path under it, alternatives with "|" ("0.context|0" for Mastra's `({ context })` and
   * `(inputData)`). Default "0".
   */
  input?: ArgPath;
  /** The execute function gets the model's arguments only when a schema is declared (MCP callbacks otherwise get just `extra`). */
  inputNeedsSchema?: boolean;
  /** The row applies only when this argument is that import (`setRequestHandler(CallToolRequestSchema, ...)`). */
  when?: { arg: ArgPath; is: ImportRef };
}

export type FrameworkRow = ClientRow | ModelCallRow | AgentRow | ToolRow;

/** Where a data-flow row's function comes from: an import (`module` + export path), or a callee name when no module is given. */
export interface CalleeRef {
  /** Import specifier: a package, or an absolute path for a project module. */
  module?: string;
  /** Export and member path (`rawQuery`, `db.rawQuery`, `Mailer.fetchInbox`); without a module, the callee's text or its last segment. */
  name: string;
}

export type TaintSourceKind = 'untrusted' | 'sensitive' | 'model-output';
export type TaintSinkKind = 'shell' | 'sql' | 'code' | 'html' | 'redirect' | 'network' | 'filesystem';

/** A call whose result is a source: outside content, sensitive data, or model output. */
export interface SourceRow extends CalleeRef {
  kind: TaintSourceKind;
  /** Property path in the result that holds the source (`data.body`); default the whole result. */
  path?: string[];
}

/** A call that is a dangerous operation on some of its arguments. */
export interface SinkRow extends CalleeRef {
  kind: TaintSinkKind;
  /** Argument indexes that are dangerous (default [0]). */
  args: number[];
}

/** A call whose result is clean for the given source or sink kinds (all when absent). */
export interface SanitizerRow extends CalleeRef {
  for?: Array<TaintSourceKind | TaintSinkKind>;
}

export interface DataflowRows {
  sources: SourceRow[];
  sinks: SinkRow[];
  sanitizers: SanitizerRow[];
}

export interface FrameworkTable {
  id: string;
  name: string;
  /** Packages whose import marks a file as using the framework. */
  packages: string[];
  rows: FrameworkRow[];
  /** Data-flow knowledge as rows: sources, sinks and sanitizers (the config's `sources`, `sinks`, `sanitizers`). */
  dataflow?: Partial<DataflowRows>;
}
