/**
 * The AI inventory as plain data: what the CLI writes (JSON, CycloneDX, Mermaid, Markdown, HTML)
 * and what an editor view renders (a tree of agents > tools > capabilities, a trust-boundary map).
 * Everything here is JSON-serializable; nothing holds a ts-morph node or a secret value.
 */
import type { Severity, ZeroTrustStep } from '../types.js';

export const INVENTORY_VERSION = 1;

/** A source location: the file relative to the inventory root, 1-based line/column, 0-based offsets. */
export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  start: number;
  end: number;
}

/** A finding that concerns an inventory item, in short. */
export interface FindingRef {
  ruleId: string;
  severity: Severity;
  message: string;
  location: Location;
}

interface Item {
  /** Stable within one inventory: `agent:support`, `tool:read_file`, `model:openai/gpt-4o`. */
  id: string;
  name: string;
  location: Location;
  findings: FindingRef[];
}

/** What a tool can do with the model's arguments, from the dangerous operations its code reaches. */
export type Capability = 'shell' | 'filesystem' | 'network' | 'database' | 'code-execution';

export interface CapabilityUse {
  capability: Capability;
  /** The operation: `child_process.exec`, `fetch`, `db.query`. */
  operation: string;
  /** For network use: the host written in the code, when it is fixed. */
  host?: string;
  location: Location;
  /** Findings at the operation (an unscoped argument, an unrestricted URL). */
  findings: FindingRef[];
}

export interface CredentialItem extends Item {
  kind: 'env' | 'literal' | 'default-env' | 'runtime' | 'unknown';
  /** The env var name for env and default-env credentials. Literals are shown masked; values never. */
  envVar?: string;
  /** Ids of the clients, agents and MCP servers that authenticate with it. */
  usedBy: string[];
}

export interface ClientItem extends Item {
  provider: string;
  framework: string;
  credential?: string;
  /** Variable or property the client is stored in. */
  variable?: string;
}

export interface ModelItem extends Item {
  provider: string;
  /** Absent when the code does not name the model (the SDK's default, or a value from config). */
  model?: string;
  /** What it is used for: chat/completions, or embeddings only. */
  task: 'text-generation' | 'embeddings';
  /** Ids of the agents and model calls that use it. */
  usedBy: string[];
  /** Every place the model is named or used. */
  locations: Location[];
}

export interface AgentItem extends Item {
  framework: string;
  model?: string;
  client?: string;
  credential?: string;
  tools: string[];
  mcpServers: string[];
  /** Handed every tool of a registry instead of the ones its task needs. */
  handedAllTools: boolean;
}

export interface ToolItem extends Item {
  framework: string;
  schema: string;
  capabilities: CapabilityUse[];
  /** Agents, MCP servers and model calls that can call it. */
  usedBy: string[];
}

export interface McpServerItem extends Item {
  framework: string;
  /** `exposed`: this code serves the tools; `connected`: an agent connects to a server run elsewhere. */
  role: 'exposed' | 'connected';
  tools: string[];
  credential?: string;
}

export interface ModelCallItem extends Item {
  framework: string;
  /** The callee as written: `openai.chat.completions.create`. */
  call: string;
  model?: string;
  provider?: string;
  agent?: string;
  client?: string;
  tools: string[];
  /** The HTTP route or function it runs in. */
  caller?: string;
}

export interface MemoryItem extends Item {
  /** `shared`: one store for every user; `per-session`: keyed by user or session. */
  scope: 'shared' | 'per-session';
  /** Model calls it feeds. */
  feeds: string[];
}

export interface RetrievalItem extends Item {
  /** The call as written: `vectorStore.similaritySearch`. */
  call: string;
  feeds: string[];
}

export interface EgressItem extends Item {
  /** The fixed host, or undefined when the URL is computed (`name` then says so). */
  host?: string;
  operation: string;
  /** The tool it runs in, else the route or function. */
  tool?: string;
  caller?: string;
}

export interface EntryPointItem extends Item {
  kind: 'route' | 'function';
}

/** Trust boundaries of the map, from the outside in and back out. */
export type Boundary = 'users' | 'app' | 'model-providers' | 'data-stores' | 'host-system' | 'external-hosts';

export const BOUNDARY_LABELS: Record<Boundary, string> = {
  users: 'Users (untrusted callers)',
  app: 'Application: request handlers, agents and tools',
  'model-providers': 'Model providers (external)',
  'data-stores': 'Data stores and memory',
  'host-system': 'Host system',
  'external-hosts': 'External hosts',
};

export type NodeKind =
  | 'users' | 'route' | 'function' | 'agent' | 'tool' | 'mcp-server' | 'model' | 'memory' | 'retrieval'
  | 'database' | 'filesystem' | 'shell' | 'code' | 'host' | 'any-host';

export interface GraphNode {
  id: string;
  label: string;
  kind: NodeKind;
  boundary: Boundary;
  /** The inventory item it stands for, for jumping to code. */
  item?: string;
  location?: Location;
  /** Rule ids of findings on the item. */
  findings: string[];
}

export type EdgeKind = 'request' | 'runs' | 'calls-model' | 'uses-tool' | 'exposes' | 'capability' | 'feeds';

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  label: string;
  /** Where the flow happens in code (the model call, the sink, the tools list). */
  locations: Location[];
  /** Findings on this flow: it crosses a boundary in a way a rule objects to. */
  findings: FindingRef[];
}

export interface TrustGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface KpiItem {
  id: string;
  name: string;
  location: Location;
  ok: boolean;
  /** Why it does not meet the control: the rule ids against it. */
  ruleIds: string[];
}

export interface Kpi {
  id: 'unique-identity' | 'scoped-tools' | 'redacted-inputs' | 'audit-logging' | 'unrestricted-egress';
  title: string;
  step: ZeroTrustStep;
  /** The rule whose findings decide the KPI. */
  ruleId: string;
  /** False when that rule is switched off: the KPI is then unknown, not perfect. */
  measured: boolean;
  /** How many items meet the control (for egress: how many paths are unrestricted). */
  value: number;
  total: number;
  /** value / total, or null when there is nothing to measure. */
  fraction: number | null;
  /** Whether a higher value is better (false for unrestricted egress paths). */
  higherIsBetter: boolean;
  items: KpiItem[];
}

export interface Inventory {
  version: typeof INVENTORY_VERSION;
  /** Absolute root with forward slashes; every location's file is relative to it. */
  root: string;
  agents: AgentItem[];
  tools: ToolItem[];
  models: ModelItem[];
  modelCalls: ModelCallItem[];
  clients: ClientItem[];
  credentials: CredentialItem[];
  mcpServers: McpServerItem[];
  memories: MemoryItem[];
  retrievalSources: RetrievalItem[];
  egress: EgressItem[];
  entryPoints: EntryPointItem[];
  graph: TrustGraph;
  kpis: Kpi[];
}
