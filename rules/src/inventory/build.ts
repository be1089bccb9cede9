/**
 * Builds the AI inventory from one analysis: the agent model's entities (agents, tools, model
 * calls, clients and their credentials), what the code around them does (tool capabilities,
 * conversation memories, retrieval, egress, entry points), the findings that concern each, the
 * trust-boundary graph and the KPIs. The inventory holds names and locations only: credentials
 * appear by env var name or masked label, never by value.
 */
import { Node, type CallExpression } from 'ts-morph';
import type { ResolvedConfig } from '../config/load.js';
import { DataFlow } from '../dataflow/flow.js';
import { ConversationMemory } from '../dataflow/memory.js';
import { Recognizers, matchSink } from '../dataflow/recognizers.js';
import { sinksIn } from '../dataflow/sinks.js';
import { isRetrievalCall } from '../dataflow/sources.js';
import { providerOfModelString } from '../model/frameworks/index.js';
import { argAt, propertyOf, unwrap, type AgentModel } from '../model/model.js';
import type { Agent, Credential, ModelCall, SdkClient, Tool } from '../model/types.js';
import { executedCode } from '../model/tool-specs.js';
import { isTestFile } from '../project/files.js';
import { allRules } from '../rules/index.js';
import type { Finding } from '../types.js';
import { capabilitySinks, requestHost } from './capabilities.js';
import { EntryPoints, type EntryPoint } from './entrypoints.js';
import { FindingIndex } from './findings.js';
import { buildGraph } from './graph.js';
import { computeKpis, type KpiInput } from './kpis.js';
import {
  INVENTORY_VERSION,
  type AgentItem, type ClientItem, type CredentialItem, type EgressItem, type EntryPointItem, type Inventory, type McpServerItem,
  type MemoryItem, type ModelCallItem, type ModelItem, type RetrievalItem, type ToolItem,
} from './types.js';

export interface InventoryInput {
  /** Absolute scan root: locations are relative to it. */
  root: string;
  model: AgentModel;
  /** The analysis' findings (after severity, suppressions and config). */
  findings: readonly Finding[];
  config: ResolvedConfig;
}

export function buildInventory(input: InventoryInput): Inventory {
  return new InventoryBuilder(input).build();
}

/** How deep a model handle is searched for the model's name: `aisdk(openai('gpt-4o'))`. */
const MAX_MODEL_NAME_DEPTH = 3;

class InventoryBuilder {
  private readonly model: AgentModel;
  private readonly root: string;
  private readonly index: FindingIndex;
  private readonly flow: DataFlow;
  private readonly recognizers: Recognizers;
  private readonly entries: EntryPoints;
  private readonly usedIds = new Set<string>();
  private readonly ids = new Map<unknown, string>();

  constructor(private readonly input: InventoryInput) {
    this.model = input.model;
    this.root = input.root.replace(/\\/g, '/');
    this.index = new FindingIndex(input.findings, this.root);
    this.flow = new DataFlow(this.model);
    this.recognizers = new Recognizers(this.model, input.config);
    this.entries = new EntryPoints(this.model, this.root);
  }

  /** A readable id, unique in this inventory, remembered for `key`. */
  private idFor(key: unknown, prefix: string, name: string): string {
    const known = this.ids.get(key);
    if (known) return known;
    const base = `${prefix}:${name.toLowerCase().replace(/[^a-z0-9._/@-]+/g, '-').replace(/^-+|-+$/g, '') || prefix}`;
    let id = base;
    for (let i = 2; this.usedIds.has(id); i++) id = `${base}-${i}`;
    this.usedIds.add(id);
    this.ids.set(key, id);
    return id;
  }

  build(): Inventory {
    const m = this.model;
    const allAgents = m.agents();
    const agents = allAgents.filter((a) => !a.isToolServer);
    const servers = allAgents.filter((a) => a.isToolServer);
    const tools = m.tools();
    const calls = m.modelCalls();
    const clients = m.clients();
    const memory = new ConversationMemory(m, this.flow);
    const stores = m.sourceFiles.flatMap((sf) => memory.storesIn(sf));

    // Every item's code can own findings; the innermost one gets them.
    for (const e of [...allAgents, ...calls, ...clients]) this.index.register(e.node);
    for (const t of tools) for (const n of toolCode(t)) this.index.register(n);
    for (const s of stores) this.index.register(s.decl);

    const credentialItems = this.credentials(clients, allAgents);
    const clientItems: ClientItem[] = clients.map((c) => ({
      id: this.clientId(c),
      name: clientName(c),
      location: this.index.locationOf(c.node),
      findings: this.index.of(c.node),
      provider: c.provider,
      framework: c.framework,
      credential: this.ids.get(c.credential.key),
      variable: c.name,
    }));

    const models = new Map<string, ModelItem>();
    const useModel = (user: string, provider: string | undefined, written: string | undefined, task: ModelItem['task'], at: Node): string => {
      // "openai/gpt-4o", "anthropic:claude-sonnet-4": a provider-prefixed model string names both.
      const prefixed = provider ? undefined : written && /^([\w.-]+)[/:](.+)$/.exec(written);
      const name = prefixed ? prefixed[2] : written;
      const prov = provider ?? (prefixed ? prefixed[1].toLowerCase() : name && providerOfModelString(name)) ?? 'unknown';
      const key = `${prov}/${name ?? ''}`;
      let item = models.get(key);
      if (!item) {
        item = { id: this.idFor(`model ${key}`, 'model', name ? `${prov}/${name}` : `${prov}/default`), name: name ?? `${prov} (default model)`, provider: prov, model: name, task, usedBy: [], locations: [], location: this.index.locationOf(at), findings: [] };
        models.set(key, item);
      }
      if (task === 'text-generation') item.task = task;
      if (!item.usedBy.includes(user)) item.usedBy.push(user);
      item.locations.push(this.index.locationOf(at));
      return item.id;
    };

    const toolItems: ToolItem[] = tools.map((t) => {
      const fn = executedCode(t);
      return {
        id: this.toolId(t),
        name: t.name,
        location: this.index.locationOf(t.node),
        findings: dedupe(toolCode(t).flatMap((n) => this.index.of(n))),
        framework: t.framework,
        schema: t.schemaKind,
        capabilities: (fn ? capabilitySinks(m, fn) : []).map((s) => ({
          capability: s.capability,
          operation: s.label,
          ...(s.capability === 'network' ? { host: requestHost(m, s.node) } : {}),
          location: this.index.locationOf(s.node),
          findings: this.index.at(s.node),
        })),
        usedBy: t.agents.map((a) => this.agentId(a)),
      };
    });
    const toolItem = new Map(tools.map((t, i) => [t, toolItems[i]]));

    const agentItems: AgentItem[] = agents.map((a) => {
      const id = this.agentId(a);
      const modelName = a.modelArg ? this.modelNameOf(a.modelArg) : undefined;
      const modelNameOrClient = modelName ?? (a.client ? this.modelNameOf(a.client.node) : undefined);
      return {
        id,
        name: a.name,
        location: this.index.locationOf(a.node),
        findings: this.index.of(a.node),
        framework: a.framework,
        model: useModel(id, a.client?.provider ?? a.row.provider, modelNameOrClient, 'text-generation', a.modelArg ?? a.node),
        client: a.client && this.clientId(a.client),
        credential: a.credential && this.ids.get(a.credential.key),
        tools: a.tools.map((t) => this.toolId(t)),
        mcpServers: this.mcpServersOf(a).map((s) => this.agentId(s)),
        handedAllTools: !!a.handedAllTools,
      };
    });

    const serverItems: McpServerItem[] = servers.map((s) => ({
      id: this.agentId(s),
      name: s.name,
      location: this.index.locationOf(s.node),
      findings: this.index.of(s.node),
      framework: s.framework,
      role: s.framework === 'mcp' ? 'exposed' : 'connected',
      tools: s.tools.map((t) => this.toolId(t)),
    }));

    const entryItems = new Map<EntryPoint, EntryPointItem>();
    const entryId = (e: EntryPoint): string => {
      let item = entryItems.get(e);
      if (!item) {
        item = { id: this.idFor(e, e.kind, e.name), name: e.name, kind: e.kind, location: this.index.locationOf(e.site), findings: [] };
        entryItems.set(e, item);
      }
      return item.id;
    };
    /** Who runs code at `node`: the tool whose code holds it, else its route or function. */
    const callerOf = (node: Node): string | undefined => {
      const tool = tools.find((t) => toolCode(t).some((c) => node.getAncestors().includes(c)));
      if (tool) return this.toolId(tool);
      const entry = this.entries.of(node);
      return entry && entryId(entry);
    };

    const callItems: ModelCallItem[] = calls.map((c) => {
      const id = this.idFor(c, 'call', `${this.index.locationOf(c.node).file}:${c.node.getStartLineNumber()}`);
      const handed = c.toolsArg ? m.toolsOf(c.toolsArg).tools : [];
      for (const t of handed) if (!toolItem.get(t)!.usedBy.includes(id)) toolItem.get(t)!.usedBy.push(id);
      const modelName = c.agent ? undefined : this.modelNameOf(c.modelArg ?? c.client?.node);
      const provider = c.agent ? undefined : (c.provider ?? (modelName && providerOfModelString(modelName)) ?? undefined);
      return {
        id,
        name: `${calleeText(c.node)}()`,
        location: this.index.locationOf(c.node),
        findings: this.index.of(c.node),
        framework: c.framework,
        call: calleeText(c.node),
        model: c.agent ? agentItems.find((a) => a.id === this.agentId(c.agent!))?.model : useModel(id, provider, modelName, c.row.output && !c.client?.row.embeddingsOnly ? 'text-generation' : 'embeddings', c.modelArg ?? c.node),
        provider: provider ?? c.agent?.client?.provider ?? c.agent?.row.provider,
        agent: c.agent && this.agentId(c.agent),
        client: c.client && this.clientId(c.client),
        tools: handed.map((t) => this.toolId(t)),
        caller: callerOf(c.node),
      };
    });
    const callItem = new Map(calls.map((c, i) => [c, callItems[i]]));

    const memoryItems: MemoryItem[] = stores.map((s) => ({
      id: this.idFor(s.decl, 'memory', s.name),
      name: s.name,
      location: this.index.locationOf(s.decl),
      findings: this.index.of(s.decl),
      scope: s.keyed ? 'per-session' : 'shared',
      feeds: memory.feeds(s).map((c) => callItem.get(c)!.id),
    }));

    const retrievalItems = this.retrieval(calls, callItem);

    const toolOfSink = new Map<string, string>();
    for (const t of toolItems) for (const c of t.capabilities) toolOfSink.set(`${c.location.file}:${c.location.start}`, t.id);
    const egressItems: EgressItem[] = m.sourceFiles.flatMap((sf) =>
      sinksIn(sf, m)
        .filter((s) => s.kind === 'network')
        .map((s) => {
          const location = this.index.locationOf(s.node);
          const host = requestHost(m, s.node);
          const tool = toolOfSink.get(`${location.file}:${location.start}`);
          return {
            id: this.idFor(s.node, 'egress', `${location.file}:${location.line}`),
            name: host ?? 'URL computed at run time',
            host,
            operation: s.label,
            location,
            findings: this.index.at(s.node),
            ...(tool ? { tool } : { caller: callerOf(s.node) }),
          };
        }),
    );

    const inventory: Inventory = {
      version: INVENTORY_VERSION,
      root: this.root,
      agents: agentItems,
      tools: toolItems,
      models: [...models.values()],
      modelCalls: callItems,
      clients: clientItems,
      credentials: credentialItems,
      mcpServers: serverItems,
      memories: memoryItems,
      retrievalSources: retrievalItems,
      egress: egressItems,
      entryPoints: [],
      graph: { nodes: [], edges: [] },
      kpis: [],
    };
    inventory.entryPoints = [...entryItems.values()];
    inventory.graph = buildGraph(inventory);
    inventory.kpis = computeKpis(inventory, this.kpiInput(agents, clients, calls, callItem, tools, toolItem));
    return inventory;
  }

  private agentId(a: Agent): string {
    return this.idFor(a, a.isToolServer ? 'mcp' : 'agent', a.name);
  }

  private toolId(t: Tool): string {
    return this.idFor(t, 'tool', t.name);
  }

  private clientId(c: SdkClient): string {
    return this.idFor(c, 'client', clientName(c));
  }

  /** One item per credential identity (same env var, same literal), with who uses it. */
  private credentials(clients: SdkClient[], agents: Agent[]): CredentialItem[] {
    const items = new Map<string, CredentialItem>();
    const use = (c: Credential, user: string, at: Node) => {
      // No credential in the code at all (a local model, a client configured elsewhere).
      if (c.kind === 'unknown' && !c.node) return;
      let item = items.get(c.key);
      if (!item) {
        const name = c.kind === 'env' || c.kind === 'default-env' ? c.envVar! : `${c.kind}-${items.size + 1}`;
        item = {
          // Keyed by identity, which for a literal is its text: the id and label never show it.
          id: this.idFor(c.key, 'credential', name),
          name: c.label,
          kind: c.kind,
          ...(c.envVar ? { envVar: c.envVar } : {}),
          location: this.index.locationOf(c.node ?? at),
          findings: c.node ? this.index.at(c.node) : [],
          usedBy: [],
        };
        items.set(c.key, item);
      }
      if (!item.usedBy.includes(user)) item.usedBy.push(user);
    };
    for (const c of clients) use(c.credential, this.clientId(c), c.node);
    for (const a of agents) if (a.credential) use(a.credential, this.agentId(a), a.node);
    return [...items.values()];
  }

  /** The MCP servers an agent connects to (`mcpServers: [github]`). */
  private mcpServersOf(a: Agent): Agent[] {
    const arg = a.row.mcpServers ? argAt(a.node, a.row.mcpServers) : undefined;
    const list = arg ? this.model.valueOf(arg) : undefined;
    if (!list || !Node.isArrayLiteralExpression(list)) return [];
    return list.getElements().flatMap((el) => {
      const base = this.model.flatten(el, 0);
      return base?.kind === 'entity' && base.entity.kind === 'agent' && base.entity.isToolServer && base.path.length === 0 ? [base.entity] : [];
    });
  }

  /**
   * The model's name from a model argument or handle: `'gpt-4o'`, `openai('gpt-4o')`,
   * `new ChatOpenAI({ model: 'gpt-4o' })`, `aisdk(openai('gpt-4o'))`, or a variable holding one.
   */
  private modelNameOf(expr: Node | undefined, depth = 0): string | undefined {
    if (!expr || depth > MAX_MODEL_NAME_DEPTH) return undefined;
    const v = unwrap(this.model.valueOf(expr));
    if (Node.isStringLiteral(v) || Node.isNoSubstitutionTemplateLiteral(v)) return v.getLiteralValue();
    if (Node.isObjectLiteralExpression(v)) {
      for (const key of ['model', 'modelName', 'modelId', 'model_name']) {
        const p = propertyOf(v, key);
        const name = p && this.modelNameOf(p, depth + 1);
        if (name) return name;
      }
      return undefined;
    }
    if (Node.isCallExpression(v) || Node.isNewExpression(v)) {
      for (const arg of v.getArguments()) {
        const name = this.modelNameOf(arg, depth + 1);
        if (name) return name;
      }
    }
    return undefined;
  }

  /** Calls that bring outside documents in (vector stores, retrievers, loaders), with the model calls they feed. */
  private retrieval(calls: ModelCall[], callItem: Map<ModelCall, ModelCallItem>): RetrievalItem[] {
    const found: CallExpression[] = [];
    for (const sf of this.model.sourceFiles) {
      sf.forEachDescendant((n) => {
        if (!Node.isCallExpression(n) || !isRetrievalCall(calleeText(n)) || matchSink(n, this.model) || this.model.classify(n)) return;
        found.push(n);
      });
    }
    if (found.length === 0) return [];
    const set = new Set<Node>(found);
    const feeds = new Map<Node, string[]>();
    const source = (node: Node) => (set.has(node) ? { label: node.getText(), node } : undefined);
    for (const c of calls) {
      for (const input of [...c.prompt, ...c.system]) {
        for (const p of this.flow.taint(input, { source })) {
          const list = feeds.get(p.source.node) ?? [];
          const id = callItem.get(c)!.id;
          if (!list.includes(id)) list.push(id);
          feeds.set(p.source.node, list);
        }
      }
    }
    return found.map((n) => ({
      id: this.idFor(n, 'retrieval', `${calleeText(n)}:${n.getStartLineNumber()}`),
      name: `${calleeText(n)}()`,
      call: calleeText(n),
      location: this.index.locationOf(n),
      findings: this.index.at(n),
      feeds: feeds.get(n) ?? [],
    }));
  }

  private kpiInput(agents: Agent[], clients: SdkClient[], calls: ModelCall[], callItem: Map<ModelCall, ModelCallItem>, tools: Tool[], toolItem: Map<Tool, ToolItem>): KpiInput {
    const severityOf = (id: string) => this.input.config.rules[id]?.severity ?? allRules.find((r) => r.meta.id === id)?.meta.defaultSeverity ?? 'off';
    const inProject = (n: Node) => !isTestFile(n.getSourceFile().getFilePath(), this.root);
    // A client that makes model calls of its own, outside any agent, is a hand-rolled agent with its own identity.
    const owned = new Set(agents.flatMap((a) => (a.client ? [a.client] : [])));
    for (const c of calls) if (c.agent?.client) owned.add(c.agent.client);
    const standalone = clients.filter(
      (c) => !owned.has(c) && !c.row.isDefaultInstance && !c.row.setsDefault && !c.row.embeddingsOnly && c.credential.kind !== 'unknown' && inProject(c.node) && calls.some((call) => call.client === c && !call.agent && call.row.output),
    );
    const query = {
      source: (node: Node, path: readonly string[]) => {
        const s = this.recognizers.sensitiveSource(node, path);
        return s && { label: s.label, node };
      },
    };
    const sensitive = new Set(calls.filter((c) => [...c.prompt, ...c.system].some((input) => this.flow.taint(input, query).length > 0)).map((c) => callItem.get(c)!.id));
    return {
      ruleOn: (id) => severityOf(id) !== 'off',
      identities: [...agents.filter((a) => inProject(a.node)).map((a) => this.agentId(a)), ...standalone.map((c) => this.clientId(c))],
      sensitiveCalls: sensitive,
      loggedCalls: calls.filter((c) => !c.row.session).map((c) => callItem.get(c)!.id),
      loggedTools: tools.filter((t) => executedCode(t)).map((t) => toolItem.get(t)!.id),
    };
  }
}

/** A tool's code: its definition, and its class or execute function when those are written elsewhere. */
function toolCode(t: Tool): Node[] {
  const out: Node[] = [t.node];
  for (const n of [t.classNode, t.execute]) {
    if (n && !out.some((o) => o === n || n.getAncestors().includes(o))) out.push(n);
  }
  return out;
}

function clientName(c: SdkClient): string {
  // A provider's default instance (`openai('gpt-4o')`) is made where it is called: name it by its callee.
  if (c.row.isDefaultInstance) return `${calleeText(c.node)}()`;
  return c.name ?? `${c.provider} client`;
}

function calleeText(n: Node): string {
  return (Node.isCallExpression(n) || Node.isNewExpression(n) ? n.getExpression().getText() : n.getText()).replace(/\s+/g, '');
}

function dedupe<T extends { ruleId: string; location: { start: number; file: string } }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const k = `${f.ruleId}:${f.location.file}:${f.location.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
