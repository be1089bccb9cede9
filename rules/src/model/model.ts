/**
 * Builds the agent model from source files and the framework tables.
 *
 * Every call and `new` expression is classified lazily and memoized: its callee is flattened to a
 * base (an import, an entity the model already recognized, or a typed parameter) plus a member
 * path, and that pair is looked up in the row index. Instances flow through variables, exports,
 * destructuring, `this.x` fields and factory functions, so `client.chat.completions.create` is a
 * model call whether `client` was made two lines up or exported from another module.
 */
import { Node, SyntaxKind, type SourceFile, type Project, type CallExpression } from 'ts-morph';
import { FRAMEWORKS, defaultEnvOfModelString } from './frameworks/index.js';
import type { AgentRow, ClientRow, FrameworkRow, FrameworkTable, ImportRef, ModelCallRow, ToolRow } from './frameworks/table.js';
import { Resolver, type Binding } from './resolve.js';
import type { Agent, CallLike, Credential, Entity, ModelCall, SdkClient, Tool, ToolParam, ToolSchemaKind } from './types.js';
import type { CustomFrameworkRow } from '../config/schema.js';
import { maskSecret } from '../util/mask.js';

/** What an expression is, as far as the model can tell. */
export type Base =
  | { kind: 'import'; module: string; exportName: string; path: string[] }
  | { kind: 'entity'; entity: Entity; path: string[] }
  /** A parameter or field typed with a framework class: `client: OpenAI`. */
  | { kind: 'typed'; ref: { module: string; exportName: string }; path: string[] };

interface IndexedRow {
  framework: FrameworkTable;
  row: FrameworkRow;
}

const MAX_FLATTEN_DEPTH = 12;

function refModules(ref: ImportRef): string[] {
  return Array.isArray(ref.module) ? ref.module : [ref.module];
}

function moduleMatches(pattern: string, module: string): boolean {
  if (pattern.endsWith('/*')) return module.startsWith(pattern.slice(0, -1));
  return pattern === module;
}

export function refMatches(ref: ImportRef, module: string, exportName: string): boolean {
  if (!refModules(ref).some((m) => moduleMatches(m, module))) return false;
  if (ref.export === exportName) return true;
  // `import OpenAI from 'openai'` and `import { OpenAI } from 'openai'` are the same class; CJS `require('openai')` too.
  if (ref.export === 'default' && exportName === '*') return true;
  return false;
}

/** Turns a config `frameworks` row into an engine row, so a team's wrapper is one more table line. */
export function customRowsToTable(rows: CustomFrameworkRow[], root: string): FrameworkTable {
  const out: FrameworkRow[] = [];
  for (const r of rows) {
    const [exportName, ...method] = r.name.split('.');
    const module = r.module.startsWith('.') ? `${root}/${r.module.replace(/^\.\//, '')}` : r.module;
    const from: ImportRef = { module, export: exportName };
    if (r.kind === 'modelCall') {
      out.push(method.length ? { kind: 'modelCall', on: { rowFrom: from, method }, prompt: r.prompt, system: r.system, tools: r.tools, output: true } : { kind: 'modelCall', from, prompt: r.prompt ?? ['0'], system: r.system, tools: r.tools, output: true });
    } else if (r.kind === 'tool') {
      out.push({ kind: 'tool', from, construct: 'call', name: r.toolName, schema: r.schema, execute: r.execute ?? 'last' });
    } else if (r.kind === 'agent') {
      out.push({ kind: 'agent', from, construct: 'call', tools: r.tools, instructions: r.system });
    } else {
      out.push({ kind: 'client', from, construct: 'call', provider: r.provider ?? 'custom', apiKey: r.apiKey, defaultEnv: r.defaultEnv ? [r.defaultEnv] : [] });
    }
  }
  return { id: 'config', name: 'Configured wrappers', packages: [], rows: out };
}

export class AgentModel {
  readonly resolver: Resolver;
  private readonly tables: FrameworkTable[];
  private readonly classified = new Map<Node, Entity | null>();
  private readonly fileEntities = new Map<SourceFile, Entity[]>();
  private nextId = 0;
  private toolsLinked = false;
  private readonly rowsByExport = new Map<string, IndexedRow[]>();
  private readonly rowsByMethod = new Map<string, IndexedRow[]>();

  constructor(
    readonly project: Project,
    private readonly files: SourceFile[],
    extraTables: FrameworkTable[] = [],
  ) {
    this.resolver = new Resolver(project);
    this.tables = [...FRAMEWORKS, ...extraTables];
    for (const framework of this.tables) {
      for (const row of framework.rows) {
        const from = 'from' in row && row.from ? row.from : undefined;
        const on = 'on' in row ? row.on : undefined;
        if (from) push(this.rowsByExport, from.export, { framework, row });
        if (on) push(this.rowsByMethod, on.method.join('.'), { framework, row });
      }
    }
  }

  /** Source files this model covers. */
  get sourceFiles(): readonly SourceFile[] {
    return this.files;
  }

  /** All entities defined in `file`, in source order. */
  entitiesIn(file: SourceFile): Entity[] {
    let list = this.fileEntities.get(file);
    if (list) return list;
    list = [];
    const found = list;
    if (mayUseFrameworks(file, this.tables)) {
      file.forEachDescendant((node) => {
        if (Node.isCallExpression(node) || Node.isNewExpression(node)) {
          const e = this.classify(node);
          if (e) found.push(e);
        }
      });
    }
    this.fileEntities.set(file, list);
    return list;
  }

  all(): Entity[] {
    return this.files.flatMap((f) => this.entitiesIn(f));
  }

  clients(): SdkClient[] {
    return this.all().filter((e): e is SdkClient => e.kind === 'client');
  }
  agents(): Agent[] {
    this.linkTools();
    this.linkDefaultCredentials();
    return this.all().filter((e): e is Agent => e.kind === 'agent');
  }
  tools(): Tool[] {
    this.linkTools();
    return this.all().filter((e): e is Tool => e.kind === 'tool');
  }
  modelCalls(): ModelCall[] {
    return this.all().filter((e): e is ModelCall => e.kind === 'modelCall');
  }
  modelCallsIn(file: SourceFile): ModelCall[] {
    return this.entitiesIn(file).filter((e): e is ModelCall => e.kind === 'modelCall');
  }
  toolsIn(file: SourceFile): Tool[] {
    this.linkTools();
    return this.entitiesIn(file).filter((e): e is Tool => e.kind === 'tool');
  }

  /** The entity a call or `new` expression creates or is, if any. */
  classify(node: CallLike): Entity | undefined {
    const cached = this.classified.get(node);
    if (cached !== undefined) return cached ?? undefined;
    this.classified.set(node, null); // cycle guard
    const entity = this.classifyUncached(node);
    this.classified.set(node, entity ?? null);
    return entity;
  }

  private classifyUncached(node: CallLike): Entity | undefined {
    const callee = node.getExpression();
    const base = this.flatten(callee, 0);
    if (!base) return undefined;
    const isNew = Node.isNewExpression(node);
    if (base.kind === 'import') {
      const exportName = base.exportName;
      const path = base.path;
      if ((exportName === '*' || exportName === 'default') && path.length > 0) {
        // `import * as ai from 'ai'; ai.generateText()` and `require('openai').OpenAI`
        const candidates = this.rowsByExport.get(path[0]) ?? [];
        const hit = this.matchImport(candidates, base.module, path[0], path.slice(1), isNew);
        if (hit) return this.build(node, hit);
      }
      const candidates = this.rowsByExport.get(exportName === '*' ? 'default' : exportName) ?? [];
      const hit = this.matchImport(candidates, base.module, exportName, path, isNew);
      if (hit) return this.build(node, hit);
      return undefined;
    }
    // A method on something the model knows: a client, an agent, an MCP server, or a typed parameter.
    const owner = base.kind === 'entity' ? base.entity : undefined;
    const ref = base.kind === 'typed' ? base.ref : owner ? { row: owner.row } : undefined;
    if (!ref) return undefined;
    if (owner?.kind === 'client' && (owner.row as ClientRow).isDefaultInstance) return undefined;
    const candidates = this.rowsByMethod.get(base.path.join('.')) ?? [];
    for (const c of candidates) {
      const on = (c.row as ModelCallRow | ToolRow).on!;
      const ok =
        'row' in ref
          ? 'from' in ref.row && ref.row.from !== undefined && sameRef(on.rowFrom, ref.row.from as ImportRef)
          : refMatches(on.rowFrom, ref.module, ref.exportName);
      if (ok) return this.build(node, c, owner);
    }
    return undefined;
  }

  private matchImport(candidates: IndexedRow[], module: string, exportName: string, path: string[], isNew: boolean): IndexedRow | undefined {
    for (const c of candidates) {
      const row = c.row;
      if (!('from' in row) || !row.from || !refMatches(row.from, module, exportName)) continue;
      const construct = 'construct' in row ? row.construct : 'call';
      if (row.kind === 'agent' && row.staticMethod) {
        if (path.length === 1 && path[0] === row.staticMethod && !isNew) return c;
        continue;
      }
      if (path.length !== 0) continue;
      if (row.kind === 'modelCall' ? isNew : (construct === 'new') !== isNew) continue;
      return c;
    }
    return undefined;
  }

  private build(node: CallLike, hit: IndexedRow, owner?: Entity): Entity | undefined {
    const id = `${hit.row.kind}#${this.nextId++}`;
    const framework = hit.framework.id;
    switch (hit.row.kind) {
      case 'client':
        return this.buildClient(node, hit.row, framework, id);
      case 'agent':
        return this.buildAgent(node, hit.row, framework, id);
      case 'tool':
        return this.buildTool(node, hit.row, framework, id);
      case 'modelCall':
        return this.buildModelCall(node, hit.row, framework, id, owner);
    }
  }

  private buildClient(node: CallLike, row: ClientRow, framework: string, id: string): SdkClient {
    const keyArg = row.apiKey ? argAt(node, row.apiKey) : undefined;
    return {
      kind: 'client',
      id,
      framework,
      provider: row.provider,
      row,
      node,
      name: storageName(node),
      credential: this.credentialOf(keyArg, row.defaultEnv ?? [], node),
    };
  }

  /** Where a credential comes from, by identity: same env var or same literal means same identity. */
  credentialOf(expr: Node | undefined, defaultEnv: string[], at: Node): Credential {
    if (!expr) {
      if (defaultEnv.length) return { kind: 'default-env', envVar: defaultEnv[0], key: `env:${defaultEnv[0]}`, label: `${defaultEnv[0]} (read by default)` };
      return { kind: 'unknown', key: `node:${at.getSourceFile().getFilePath()}:${at.getStart()}`, label: 'unknown' };
    }
    const value = this.valueOf(expr);
    const env = envVarName(value);
    if (env) return { kind: 'env', envVar: env, node: expr, key: `env:${env}`, label: env };
    if (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) {
      const text = value.getLiteralValue();
      return { kind: 'literal', node: expr, literal: value, key: `literal:${text}`, label: `literal ${maskSecret(text)}` };
    }
    // A client handed over instead of a key (`setDefaultOpenAIClient(client)`, `new OpenAIProvider({ openAIClient })`).
    if ((Node.isNewExpression(value) || Node.isCallExpression(value)) && value !== at) {
      const e = this.classify(value);
      if (e?.kind === 'client') return { ...e.credential, via: e };
    }
    // `getEnv('OPENAI_API_KEY')`, `config.get('OPENAI_API_KEY')`: a secret looked up by its env-var name is that env var.
    const named = Node.isCallExpression(value) ? envNameArgument(value) : undefined;
    if (named) return { kind: 'env', envVar: named, node: expr, key: `env:${named}`, label: named };
    if (Node.isCallExpression(value) || Node.isAwaitExpression(value)) {
      return { kind: 'runtime', node: expr, key: `runtime:${value.getText().replace(/\s+/g, '')}`, label: value.getText().slice(0, 60) };
    }
    return { kind: 'unknown', node: expr, key: `node:${value.getSourceFile().getFilePath()}:${value.getStart()}`, label: expr.getText().slice(0, 60) };
  }

  private buildAgent(node: CallLike, row: AgentRow, framework: string, id: string): Agent {
    const toolsArg = row.tools ? argAt(node, row.tools) : undefined;
    const modelArg = row.model ? argAt(node, row.model) : undefined;
    const nameArg = row.name ? argAt(node, row.name) : undefined;
    const nameValue = nameArg ? this.valueOf(nameArg) : undefined;
    const name =
      nameValue && (Node.isStringLiteral(nameValue) || Node.isNoSubstitutionTemplateLiteral(nameValue))
        ? nameValue.getLiteralValue()
        : (storageName(node) ?? `${framework} agent at line ${node.getStartLineNumber()}`);
    const instructions = (row.instructions ?? []).map((p) => argAt(node, p)).filter((n): n is Node => !!n);
    const agent: Agent = {
      kind: 'agent',
      id,
      framework,
      row,
      node,
      name,
      instructions,
      toolsArg,
      tools: [],
      modelArg,
      isToolServer: !!row.isToolServer,
    };
    if (!row.isToolServer) {
      agent.client = modelArg ? this.clientOfModel(modelArg) : undefined;
      agent.credential = agent.client?.credential ?? this.modelStringCredential(agent);
    }
    return agent;
  }

  /**
   * The client behind a model handle: `openai('gpt-4o')`, `new ChatOpenAI()`, a variable holding one,
   * or a handle wrapping one (`new OpenAIResponsesModel(client, 'gpt-4.1')`, `aisdk(openai('gpt-4o'))`,
   * `wrapLanguageModel({ model, middleware })`).
   */
  clientOfModel(modelArg: Node, depth = 0): SdkClient | undefined {
    const base = this.flatten(modelArg, 0);
    if (base?.kind === 'entity') {
      if (base.entity.kind === 'client') return base.entity;
      if (base.entity.kind === 'agent') return base.entity.client;
    }
    const v = this.valueOf(modelArg);
    if (!Node.isCallExpression(v) && !Node.isNewExpression(v)) return undefined;
    // `openai('gpt-4o')`, `openai.chat('gpt-4o')`: the callee is the client.
    const e = this.classify(v);
    if (e?.kind === 'client') return e;
    const inner = this.flatten(v.getExpression(), 0);
    if (inner?.kind === 'entity' && inner.entity.kind === 'client') return inner.entity;
    if (depth >= 3) return undefined;
    for (const arg of v.getArguments()) {
      const a = unwrap(arg);
      const parts = Node.isObjectLiteralExpression(a) ? a.getProperties().map((p) => (Node.isPropertyAssignment(p) ? p.getInitializer() : Node.isShorthandPropertyAssignment(p) ? p.getNameNode() : undefined)) : [a];
      for (const part of parts) {
        const client = part && !Node.isStringLiteral(part) ? this.clientOfModel(part, depth + 1) : undefined;
        if (client) return client;
      }
    }
    return undefined;
  }

  /** Agents whose credential is their framework's process-wide default; a `setsDefault` row may replace it. */
  private readonly onFrameworkDefault = new Set<Agent>();
  private defaultsLinked = false;

  /**
   * An agent with no client of its own: the env var its model string implies ("openai/gpt-4o" in
   * Mastra), or the SDK's default key when the model is a name or absent (@openai/agents).
   */
  private modelStringCredential(agent: Agent): Credential | undefined {
    const env = agent.row.modelStringEnv;
    if (!env) return undefined;
    const model = agent.modelArg ? this.valueOf(agent.modelArg) : undefined;
    const name = model && (Node.isStringLiteral(model) || Node.isNoSubstitutionTemplateLiteral(model)) ? model.getLiteralValue() : undefined;
    if (env === 'by-provider') {
      const vars = name ? defaultEnvOfModelString(name) : [];
      return vars.length ? this.credentialOf(undefined, vars, agent.node) : undefined;
    }
    // A model object the model cannot see into is not a model name.
    if (model && name === undefined && !Node.isTemplateExpression(model) && !envVarName(model)) return undefined;
    this.onFrameworkDefault.add(agent);
    return this.credentialOf(undefined, env, agent.node);
  }

  /** `setDefaultOpenAIKey(...)` anywhere in the project sets the key every agent on the default shares. */
  private linkDefaultCredentials(): void {
    if (this.defaultsLinked) return;
    this.defaultsLinked = true;
    if (this.onFrameworkDefault.size === 0) return;
    const setters = this.clients().filter((c) => c.row.setsDefault);
    for (const agent of this.onFrameworkDefault) {
      const setter = setters.find((c) => c.framework === agent.framework);
      if (setter) agent.credential = setter.credential;
    }
  }

  private buildTool(node: CallLike, row: ToolRow, framework: string, id: string): Tool {
    const schemaArg = row.schema ? this.firstObjectArg(node, row.schema) : undefined;
    const execute = row.execute ? argAt(node, row.execute) : undefined;
    const nameArg = row.name ? argAt(node, row.name) : undefined;
    const nameValue = nameArg ? this.valueOf(nameArg) : undefined;
    let name = nameValue && (Node.isStringLiteral(nameValue) || Node.isNoSubstitutionTemplateLiteral(nameValue)) ? nameValue.getLiteralValue() : undefined;
    name ??= toolKeyName(node) ?? storageName(node) ?? `tool at line ${node.getStartLineNumber()}`;
    const schemaNode = schemaArg ? this.valueOf(schemaArg) : undefined;
    const { kind, params } = describeSchema(schemaNode, row, this);
    const fn = execute ? this.valueOf(execute) : undefined;
    return {
      kind: 'tool',
      id,
      framework,
      row,
      node,
      name,
      schemaNode,
      schemaKind: kind,
      params,
      execute: fn && isFunctionLike(fn) ? fn : execute,
      agents: [],
    };
  }

  /** For `server.tool(name, desc?, schema?, cb)`: the first alternative that holds an object, not a string or function. */
  private firstObjectArg(node: CallLike, paths: string): Node | undefined {
    for (const p of paths.split('|')) {
      const a = argAt(node, p);
      if (!a) continue;
      const v = this.valueOf(a);
      if (Node.isStringLiteral(v) || Node.isNoSubstitutionTemplateLiteral(v) || Node.isTemplateExpression(v) || isFunctionLike(v)) continue;
      if (node.getArguments().at(-1) === a) continue; // the callback, not a schema
      return a;
    }
    return undefined;
  }

  private buildModelCall(node: CallLike, row: ModelCallRow, framework: string, id: string, owner?: Entity): ModelCall {
    const prompt = (row.prompt ?? []).map((p) => argAt(node, p)).filter((n): n is Node => !!n);
    const system = (row.system ?? []).map((p) => argAt(node, p)).filter((n): n is Node => !!n);
    // `messages: [...]` may hold system messages: they are instructions, not data.
    const modelArg = row.model ? argAt(node, row.model) : undefined;
    let client = owner?.kind === 'client' ? owner : undefined;
    let agent = owner?.kind === 'agent' ? owner : undefined;
    if (!client && modelArg) client = this.clientOfModel(modelArg);
    if (row.runsAgent && row.runsAgent !== 'self') {
      const a = argAt(node, row.runsAgent);
      const b = a ? this.flatten(a, 0) : undefined;
      if (b?.kind === 'entity' && b.entity.kind === 'agent') agent = b.entity;
    }
    const telemetryArg = row.telemetry ? argAt(node, row.telemetry) : undefined;
    return {
      kind: 'modelCall',
      id,
      framework,
      provider: client?.provider,
      row,
      node,
      prompt,
      system,
      toolsArg: row.tools ? argAt(node, row.tools) : undefined,
      modelArg,
      client,
      agent,
      telemetryEnabled: telemetryArg ? this.telemetryOn(telemetryArg) : false,
    };
  }

  private telemetryOn(arg: Node): boolean {
    const v = this.valueOf(arg);
    if (!Node.isObjectLiteralExpression(v)) return v.getKind() === SyntaxKind.TrueKeyword;
    const enabled = v.getProperty('isEnabled') ?? v.getProperty('enabled');
    if (!enabled) return false;
    if (Node.isShorthandPropertyAssignment(enabled)) return true;
    if (!Node.isPropertyAssignment(enabled)) return false;
    const init = enabled.getInitializer();
    return !!init && init.getKind() !== SyntaxKind.FalseKeyword;
  }

  /** Links tools to the agents (and MCP servers) that receive them. */
  private linkTools(): void {
    if (this.toolsLinked) return;
    this.toolsLinked = true;
    const all = this.all();
    for (const e of all) {
      if (e.kind === 'agent' && e.toolsArg) {
        const { tools, wholeRegistry } = this.toolsOf(e.toolsArg);
        e.tools = tools;
        if (wholeRegistry) e.handedAllTools = wholeRegistry;
        for (const t of tools) if (!t.agents.includes(e)) t.agents.push(e);
      }
      if (e.kind === 'tool' && e.row.on) {
        // server.registerTool(...): the tool belongs to the server it is registered on.
        const callee = e.node.getExpression();
        if (Node.isPropertyAccessExpression(callee)) {
          const b = this.flatten(callee.getExpression(), 0);
          if (b?.kind === 'entity' && b.entity.kind === 'agent' && b.path.length === 0) {
            b.entity.tools.push(e);
            e.agents.push(b.entity);
          }
        }
      }
    }
  }

  /** The tools a `tools:` expression hands over; flags a whole registry (`Object.values(all)`, `import * as tools`). */
  toolsOf(expr: Node): { tools: Tool[]; wholeRegistry?: Node } {
    const tools: Tool[] = [];
    let wholeRegistry: Node | undefined;
    const seen = new Set<Node>();
    const visit = (n: Node, depth: number) => {
      if (depth > 8 || seen.has(n)) return;
      seen.add(n);
      n = unwrap(n);
      if (Node.isArrayLiteralExpression(n)) {
        for (const el of n.getElements()) visit(Node.isSpreadElement(el) ? el.getExpression() : el, depth + 1);
        return;
      }
      if (Node.isObjectLiteralExpression(n)) {
        for (const p of n.getProperties()) {
          if (Node.isPropertyAssignment(p)) visit(p.getInitializerOrThrow(), depth + 1);
          else if (Node.isShorthandPropertyAssignment(p)) visit(p.getNameNode(), depth + 1);
          else if (Node.isSpreadAssignment(p)) visit(p.getExpression(), depth + 1);
        }
        return;
      }
      if (Node.isCallExpression(n)) {
        const callee = n.getExpression();
        const text = callee.getText();
        if (/^Object\.(values|entries)$/.test(text)) {
          const arg = n.getArguments()[0];
          if (arg && this.isNamespaceRegistry(arg)) wholeRegistry = expr;
          if (arg) visit(arg, depth + 1);
          return;
        }
        const e = this.classify(n);
        if (e?.kind === 'tool') tools.push(e);
        return;
      }
      if (Node.isNewExpression(n)) {
        const e = this.classify(n);
        if (e?.kind === 'tool') tools.push(e);
        return;
      }
      if (Node.isIdentifier(n) || Node.isPropertyAccessExpression(n)) {
        if (Node.isIdentifier(n) && this.isNamespaceRegistry(n)) wholeRegistry = expr;
        const v = this.valueOf(n);
        if (v !== n) visit(v, depth + 1);
        else if (Node.isSourceFile(v)) visit(v, depth + 1);
      }
      if (Node.isSourceFile(n)) {
        // `import * as tools from './tools'`: every exported tool.
        for (const e of this.entitiesIn(n)) if (e.kind === 'tool') tools.push(e);
      }
    };
    visit(expr, 0);
    return { tools, wholeRegistry };
  }

  /** `import * as tools from './tools'` */
  private isNamespaceRegistry(n: Node): boolean {
    if (!Node.isIdentifier(n)) return false;
    const b = this.resolver.resolveIdentifier(n);
    return b?.kind === 'import' && b.exportName === '*' && (b.module.startsWith('.') || b.module.startsWith('/'));
  }

  /**
   * Follows an expression to the value it holds: through variables, imports, object properties,
   * awaits and casts. Stops at anything it cannot see through and returns that node.
   */
  valueOf(expr: Node, depth = 0): Node {
    const n = unwrap(expr);
    if (depth > MAX_FLATTEN_DEPTH) return n;
    if (Node.isIdentifier(n)) {
      const b = this.resolver.resolveIdentifier(n);
      const target = this.bindingValue(b, depth);
      return target ?? n;
    }
    if (Node.isPropertyAccessExpression(n)) {
      const obj = this.valueOf(n.getExpression(), depth + 1);
      if (Node.isObjectLiteralExpression(obj)) {
        const prop = obj.getProperty(n.getName());
        if (prop && Node.isPropertyAssignment(prop)) return this.valueOf(prop.getInitializerOrThrow(), depth + 1);
        if (prop && Node.isShorthandPropertyAssignment(prop)) return this.valueOf(prop.getNameNode(), depth + 1);
      }
      return n;
    }
    return n;
  }

  bindingValue(b: Binding | undefined, depth: number): Node | undefined {
    if (!b) return undefined;
    if (b.kind === 'import') {
      const r = this.resolver.followImport(b);
      return r ? this.bindingValue(r, depth + 1) : undefined;
    }
    if (b.kind === 'variable' && b.init) {
      if (Node.isSourceFile(b.init)) return b.init;
      if (b.destructure && b.destructure.length) {
        let v: Node = this.valueOf(b.init, depth + 1);
        for (const key of b.destructure) {
          if (!Node.isObjectLiteralExpression(v)) return undefined;
          const prop = v.getProperty(key);
          if (prop && Node.isPropertyAssignment(prop)) v = this.valueOf(prop.getInitializerOrThrow(), depth + 1);
          else return undefined;
        }
        return v;
      }
      return this.valueOf(b.init, depth + 1);
    }
    if (b.kind === 'function' || b.kind === 'class') return b.node;
    return undefined;
  }

  /**
   * Flattens a callee or receiver to its base and member path:
   * `client.chat.completions.create` -> (entity client, [chat, completions, create]).
   */
  flatten(expr: Node, depth: number): Base | undefined {
    if (depth > MAX_FLATTEN_DEPTH) return undefined;
    const n = unwrap(expr);
    if (Node.isPropertyAccessExpression(n) || (Node.isElementAccessExpression(n) && Node.isStringLiteral(n.getArgumentExpression() ?? n))) {
      const name = Node.isPropertyAccessExpression(n) ? n.getName() : (n.getArgumentExpression() as import('ts-morph').StringLiteral).getLiteralValue();
      const inner = n.getExpression();
      if (inner.getKind() === SyntaxKind.ThisKeyword) {
        const field = this.thisField(n, name);
        if (field) return this.flatten(field, depth + 1);
        return undefined;
      }
      const b = this.flatten(inner, depth + 1);
      return b && { ...b, path: [...b.path, name] };
    }
    if (Node.isCallExpression(n) || Node.isNewExpression(n)) {
      const e = this.classify(n);
      if (e) return { kind: 'entity', entity: e, path: [] };
      const calleeExpr = n.getExpression();
      // A factory in the project: `getClient().chat...` follows `return new OpenAI()`.
      const fnValue = this.valueOf(calleeExpr, depth + 1);
      if (isFunctionLike(fnValue)) {
        for (const r of returnedExpressions(fnValue)) {
          const rb = this.flatten(r, depth + 1);
          if (rb) return rb;
        }
        return undefined;
      }
      const b = this.flatten(calleeExpr, depth + 1);
      return b && { ...b, path: [...b.path, '()'] };
    }
    if (Node.isIdentifier(n)) {
      const b = this.resolver.resolveIdentifier(n);
      return this.flattenBinding(b, depth);
    }
    return undefined;
  }

  private flattenBinding(b: Binding | undefined, depth: number): Base | undefined {
    if (!b) return undefined;
    if (b.kind === 'import') {
      const r = this.resolver.followImport(b);
      if (r) return this.flattenBinding(r, depth + 1);
      return { kind: 'import', module: b.module, exportName: b.exportName, path: [] };
    }
    if (b.kind === 'variable' && b.init) {
      if (Node.isSourceFile(b.init)) return undefined;
      const inner = this.flatten(b.init, depth + 1);
      const path = (b.destructure ?? []).filter((p) => p !== '[]');
      return inner && { ...inner, path: [...inner.path, ...path] };
    }
    if (b.kind === 'parameter' || b.kind === 'variable') {
      // `client: OpenAI` — a type annotation names the class.
      const typeNode = (b.node as import('ts-morph').ParameterDeclaration).getTypeNode?.();
      if (typeNode && Node.isTypeReference(typeNode)) {
        const typeName = typeNode.getTypeName();
        const tb = Node.isIdentifier(typeName) ? this.resolver.resolveIdentifier(typeName) : undefined;
        if (tb?.kind === 'import') return { kind: 'typed', ref: { module: tb.module, exportName: tb.exportName }, path: [] };
      }
    }
    return undefined;
  }

  /** `this.client` inside a class: the field initializer, a constructor assignment, or a typed parameter property. */
  private thisField(access: Node, name: string): Node | undefined {
    const cls = access.getFirstAncestor((a) => Node.isClassDeclaration(a) || Node.isClassExpression(a));
    if (!cls || !(Node.isClassDeclaration(cls) || Node.isClassExpression(cls))) return undefined;
    const prop = cls.getProperty(name);
    const init = prop?.getInitializer();
    if (init) return init;
    for (const ctor of cls.getConstructors()) {
      for (const p of ctor.getParameters()) if (p.getName() === name && p.isParameterProperty()) return p.getNameNode();
      for (const st of ctor.getStatements()) {
        if (!Node.isExpressionStatement(st)) continue;
        const e = st.getExpression();
        if (Node.isBinaryExpression(e) && e.getOperatorToken().getKind() === SyntaxKind.EqualsToken && e.getLeft().getText() === `this.${name}`) return e.getRight();
      }
    }
    if (prop) {
      const typeNode = prop.getTypeNode();
      if (typeNode) return prop.getNameNode();
    }
    return undefined;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sameRef(a: ImportRef, b: ImportRef): boolean {
  return a.export === b.export && refModules(a).some((m) => refModules(b).includes(m));
}

/** Cheap pre-filter: a file that imports nothing from a framework (and no project file) has no entities. */
function mayUseFrameworks(file: SourceFile, tables: FrameworkTable[]): boolean {
  void tables;
  const text = file.getFullText();
  return /\bimport\b|\brequire\s*\(/.test(text);
}

export function unwrap(n: Node): Node {
  let cur = n;
  for (;;) {
    if (Node.isParenthesizedExpression(cur) || Node.isAsExpression(cur) || Node.isNonNullExpression(cur) || Node.isSatisfiesExpression(cur) || Node.isTypeAssertion(cur) || Node.isAwaitExpression(cur)) {
      cur = cur.getExpression();
    } else return cur;
  }
}

export function isFunctionLike(n: Node): boolean {
  return Node.isArrowFunction(n) || Node.isFunctionExpression(n) || Node.isFunctionDeclaration(n) || Node.isMethodDeclaration(n);
}

/** The expressions a function returns (expression-bodied arrows included). */
export function returnedExpressions(fn: Node): Node[] {
  if (Node.isArrowFunction(fn)) {
    const body = fn.getBody();
    if (!Node.isBlock(body)) return [body];
  }
  const out: Node[] = [];
  const body = (fn as import('ts-morph').FunctionDeclaration).getBody?.();
  if (!body) return out;
  body.forEachDescendant((d, traversal) => {
    if (isFunctionLike(d) || Node.isClassDeclaration(d)) {
      traversal.skip();
      return;
    }
    if (Node.isReturnStatement(d)) {
      const e = d.getExpression();
      if (e) out.push(e);
    }
  });
  return out;
}

/** Resolves an argument path ("0.messages", "last", "1|2") against a call's arguments. */
export function argAt(node: CallLike, argPath: string): Node | undefined {
  for (const alt of argPath.split('|')) {
    const [head, ...props] = alt.split('.');
    const args = node.getArguments();
    let cur: Node | undefined = head === 'last' ? args.at(-1) : args[Number(head)];
    for (const p of props) {
      if (!cur) break;
      cur = propertyOf(unwrap(cur), p);
    }
    if (cur) return cur;
  }
  return undefined;
}

/** The initializer of property `name` in an object literal (shorthand returns the name identifier). */
export function propertyOf(obj: Node, name: string): Node | undefined {
  if (!Node.isObjectLiteralExpression(obj)) return undefined;
  const prop = obj.getProperty(name);
  if (prop && Node.isPropertyAssignment(prop)) return prop.getInitializer();
  if (prop && Node.isShorthandPropertyAssignment(prop)) return prop.getNameNode();
  if (prop && Node.isMethodDeclaration(prop)) return prop;
  return undefined;
}

/** `getEnv('OPENAI_API_KEY')`, `configService.get('OPENAI_API_KEY')`: the env-style name a secret is looked up by. */
function envNameArgument(call: CallExpression): string | undefined {
  const args = call.getArguments();
  const first = args[0];
  if (args.length > 2 || !first || !Node.isStringLiteral(first)) return undefined;
  const name = first.getLiteralValue();
  return /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(name) ? name : undefined;
}

/**
 * `process.env.X`, `process.env['X']`, `Deno.env.get('X')`, `import.meta.env.X`, with `?? ''` or `!`;
 * also validated env objects and Workers bindings (`env.OPENAI_API_KEY`, `c.env.OPENAI_API_KEY`).
 */
export function envVarName(n: Node): string | undefined {
  let e = unwrap(n);
  if (Node.isBinaryExpression(e)) {
    const op = e.getOperatorToken().getKind();
    if (op === SyntaxKind.QuestionQuestionToken || op === SyntaxKind.BarBarToken) e = unwrap(e.getLeft());
  }
  if (Node.isPropertyAccessExpression(e)) {
    const base = e.getExpression().getText();
    if (base === 'process.env' || base === 'import.meta.env' || base === 'Bun.env') return e.getName();
    if (/(^|\.)env$/i.test(base) && /^[A-Z][A-Z0-9_]*$/.test(e.getName())) return e.getName();
  }
  if (Node.isElementAccessExpression(e)) {
    const arg = e.getArgumentExpression();
    if (e.getExpression().getText() === 'process.env' && arg && Node.isStringLiteral(arg)) return arg.getLiteralValue();
  }
  if (Node.isCallExpression(e) && e.getExpression().getText() === 'Deno.env.get') {
    const a = e.getArguments()[0];
    if (a && Node.isStringLiteral(a)) return a.getLiteralValue();
  }
  return undefined;
}

/** `const support = new Agent(...)` -> "support"; `this.client = ...` -> "client". */
function storageName(node: Node): string | undefined {
  const p = node.getParent();
  if (p && Node.isVariableDeclaration(p) && Node.isIdentifier(p.getNameNode())) return p.getName();
  if (p && Node.isPropertyAssignment(p)) return p.getName();
  if (p && Node.isPropertyDeclaration(p)) return p.getName();
  if (p && Node.isBinaryExpression(p)) return p.getLeft().getText().replace(/^this\./, '');
  if (p && Node.isAwaitExpression(p)) return storageName(p);
  return undefined;
}

/** Vercel AI tools are named by their key: `tools: { getWeather: tool({...}) }`. */
function toolKeyName(node: Node): string | undefined {
  const p = node.getParent();
  if (p && Node.isPropertyAssignment(p)) return p.getName();
  return undefined;
}

const CONSTRAINING_ZOD = /\b(z\.(enum|nativeEnum|literal|boolean|number|bigint|date|uuid|ulid|cuid2?|int)\(|\.(regex|uuid|ulid|cuid2?|int|ip|ipv4|ipv6|datetime|date|time|length|startsWith)\()/;
const CONSTRAINING_JSON = /\b(enum|const|pattern)\s*:|\btype\s*:\s*['"](number|integer|boolean)['"]/;

/** Reads a tool's input schema: zod object, raw zod shape (MCP), or JSON Schema. */
function describeSchema(schema: Node | undefined, row: ToolRow, model: AgentModel): { kind: ToolSchemaKind; params: ToolParam[] } {
  if (!schema) {
    // DynamicTool takes one free-form string from the model.
    return { kind: row.schema ? 'none' : 'unknown', params: row.schema ? [] : [{ name: 'input', constrained: false }] };
  }
  const text = schema.getText();
  if (/^z\.(any|unknown)\(\)$/.test(text.replace(/\s+/g, ''))) return { kind: 'any', params: [] };
  let obj: Node | undefined;
  let kind: ToolSchemaKind = 'unknown';
  if (Node.isCallExpression(schema)) {
    // z.object({...}).describe(...) / .strict() / jsonSchema({...}) / zodToJsonSchema(...)
    let call: Node = schema;
    while (Node.isCallExpression(call)) {
      const callee = call.getExpression();
      if (Node.isPropertyAccessExpression(callee) && ['object', 'strictObject', 'looseObject'].includes(callee.getName()) && callee.getExpression().getText() === 'z') {
        obj = model.valueOf(call.getArguments()[0] ?? call);
        kind = 'zod';
        break;
      }
      if (Node.isIdentifier(callee) && callee.getText() === 'jsonSchema') {
        obj = model.valueOf(call.getArguments()[0] ?? call);
        kind = 'json-schema';
        break;
      }
      call = Node.isPropertyAccessExpression(callee) ? callee.getExpression() : callee;
    }
  } else if (Node.isObjectLiteralExpression(schema)) {
    const typeProp = schema.getProperty('type');
    if (typeProp || schema.getProperty('properties')) {
      kind = 'json-schema';
      obj = schema;
    } else {
      kind = 'zod-shape';
      obj = schema;
    }
  }
  const params: ToolParam[] = [];
  if (obj && Node.isObjectLiteralExpression(obj)) {
    let props: Node = obj;
    if (kind === 'json-schema') {
      const p = propertyOf(obj, 'properties');
      props = p ? model.valueOf(p) : obj;
    }
    if (Node.isObjectLiteralExpression(props)) {
      for (const p of props.getProperties()) {
        if (!Node.isPropertyAssignment(p) && !Node.isShorthandPropertyAssignment(p)) continue;
        const name = p.getName().replace(/^['"]|['"]$/g, '');
        const valueNode = Node.isPropertyAssignment(p) ? model.valueOf(p.getInitializerOrThrow()) : model.valueOf(p.getNameNode());
        const vt = valueNode.getText();
        const constrained = kind === 'json-schema' ? CONSTRAINING_JSON.test(vt) : CONSTRAINING_ZOD.test(vt);
        params.push({ name, schema: valueNode, constrained });
      }
    }
    if (kind === 'zod-shape' && params.length === 0) kind = 'none';
  }
  return { kind, params };
}
