/**
 * The agent model: what the engine knows about a codebase's AI assets, built from the framework
 * tables. Rules query these entities; they never match a framework's call shape themselves.
 */
import type { Node, CallExpression, NewExpression, ClassDeclaration, ObjectLiteralExpression } from 'ts-morph';
import type { AgentRow, ClientRow, ModelCallRow, ToolRow, ToolSpecRow } from './frameworks/table.js';

export type CallLike = CallExpression | NewExpression;

/** `new SalesAgent(client)` where `SalesAgent` is a class declared in the project. */
export interface ClassInstance {
  node: NewExpression;
  cls: ClassDeclaration;
}

export type CredentialKind =
  /** `process.env.X`, `process.env['X']`, `Deno.env.get('X')`, `import.meta.env.X` */
  | 'env'
  /** a string literal in code */
  | 'literal'
  /** the env var an SDK reads by default because no key was passed */
  | 'default-env'
  /** a secret fetched at runtime (vault, secret manager, per-request token) */
  | 'runtime'
  | 'unknown';

export interface Credential {
  kind: CredentialKind;
  /** Env var name for env/default-env. */
  envVar?: string;
  /** The expression that supplies it (absent for default-env). */
  node?: Node;
  /** For literals: the literal node holding the secret. */
  literal?: Node;
  /** Identity key used to compare credentials: `env:OPENAI_API_KEY`, `literal:<hash>`, `node:<file>:<pos>`. */
  key: string;
  /** Human label, never a secret value: `OPENAI_API_KEY`, `literal sk-pr…`. */
  label: string;
  /** The client it was taken from, when a client is handed over instead of a key (`setDefaultOpenAIClient(client)`). */
  via?: SdkClient;
}

export interface SdkClient {
  kind: 'client';
  id: string;
  framework: string;
  provider: string;
  row: ClientRow;
  node: CallLike;
  /** Variable or property the client is stored in, if any. */
  name?: string;
  credential: Credential;
}

export interface Agent {
  kind: 'agent';
  id: string;
  framework: string;
  row: AgentRow;
  node: CallLike;
  /** The agent's declared name (from `name:`), else the variable it is stored in. */
  name: string;
  instructions: Node[];
  toolsArg?: Node;
  tools: Tool[];
  /** True when the agent is handed a whole tool registry (`Object.values(tools)`, `import * as tools`). */
  handedAllTools?: Node;
  modelArg?: Node;
  /** The client it authenticates with (explicit, or through its model handle). */
  client?: SdkClient;
  /** Credential the agent runs with; a default-env one when nothing is explicit. */
  credential?: Credential;
  isToolServer: boolean;
}

export type ToolSchemaKind = 'zod' | 'json-schema' | 'zod-shape' | 'none' | 'any' | 'unknown';

export interface ToolParam {
  name: string;
  /** The schema node for this parameter, if found. */
  schema?: Node;
  /** enum, literal, regex/pattern, boolean, number with bounds: the model cannot choose freely. */
  constrained: boolean;
}

export interface Tool {
  kind: 'tool';
  id: string;
  framework: string;
  row: ToolRow | ToolSpecRow;
  /** The call that makes the tool, or the plain spec object declared to a model call (`{ name, input_schema }`). */
  node: CallLike | ObjectLiteralExpression;
  name: string;
  schemaNode?: Node;
  schemaKind: ToolSchemaKind;
  params: ToolParam[];
  /**
   * The function whose parameters the model controls. For a spec tool: the code its dispatch runs,
   * a handler function or the `case` clause or `if` branch chosen by the tool's name.
   */
  execute?: Node;
  /**
   * Where the model's arguments enter `execute`: the parameter, and the property paths under it
   * that hold them (alternatives; `[]` is the parameter itself). Absent when the function gets none.
   * For a tool dispatched on a local tool call (`for (const call of toolCalls) if (call.name === ...)`),
   * the variable that holds the call. Several spec tools may share one dispatcher's parameter.
   */
  input?: { param: Node; paths: string[][] };
  /** For a spec tool: the model calls it is declared to. */
  modelCalls?: ModelCall[];
  /** For a tool defined as a class (`extends StructuredTool`): the class. */
  classNode?: Node;
  agents: Agent[];
}

export interface ModelCall {
  kind: 'modelCall';
  id: string;
  framework: string;
  provider?: string;
  row: ModelCallRow;
  node: CallLike;
  /** Expressions that become model input: prompt, messages, input, contents. */
  prompt: Node[];
  /** Expressions that become system or developer instructions. */
  system: Node[];
  toolsArg?: Node;
  modelArg?: Node;
  client?: SdkClient;
  agent?: Agent;
  /** Framework telemetry switched on for this call (`experimental_telemetry: { isEnabled: true }`). */
  telemetryEnabled: boolean;
}

export type Entity = SdkClient | Agent | Tool | ModelCall;
