/**
 * Builds the agent model from source files and the framework tables.
 *
 * Every call and `new` expression is classified lazily and memoized: its callee is flattened to a
 * base (an import, an entity the model already recognized, or a typed parameter) plus a member
 * path, and that pair is looked up in the row index. Instances flow through variables, exports,
 * destructuring, `this.x` fields and factory functions, so `client.chat.completions.create` is a
 * model call whether `client` was made two lines up or exported from another module.
 */
import { Node, SyntaxKind, type SourceFile, type Project, type CallExpression, type NewExpression } from 'ts-morph';
import { FRAMEWORKS, defaultEnvOfModelString } from './frameworks/index.js';
import type { AgentRow, ClientRow, DataflowRows, FrameworkRow, FrameworkTable, ImportRef, ModelCallRow, ToolRow } from './frameworks/table.js';
import { Resolver, type Binding } from './resolve.js';
import type { Agent, CallLike, ClassInstance, Credential, Entity, ModelCall, SdkClient, Tool, ToolParam, ToolSchemaKind } from './types.js';
import type { CustomFrameworkRow } from '../config/schema.js';
import type { ResolvedConfig } from '../config/load.js';
import { maskSecret } from '../util/mask.js';
import type { AnalysisCache } from '../cache.js';
import { descendantsOfKinds } from '../util/walk.js';
import { WordIndex } from './word-index.js';
import { buildSpecTools } from './tool-specs.js';

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

/** A config row's module: a package name as written, a project-relative path made absolute. */
function configModule(module: string | undefined, root: string): string | undefined {
  if (!module) return undefined;
  return module.startsWith('.') ? `${root}/${module.replace(/^\.\//, '')}`.replace(/\.(ts|tsx|js|mjs|cjs|jsx)$/, '') : module;
}

/**
 * The config's own rows as one more table: `frameworks` (wrappers that are clients, agents, tools
 * or model calls) and `sources`, `sinks`, `sanitizers` (data-flow knowledge). None when empty.
 */
export function configTables(config: Pick<ResolvedConfig, 'frameworks' | 'sources' | 'sinks' | 'sanitizers'>, root: string): FrameworkTable[] {
  if (!config.frameworks.length && !config.sources.length && !config.sinks.length && !config.sanitizers.length) return [];
  const table = customRowsToTable(config.frameworks, root);
  table.dataflow = {
    sources: config.sources.map((r) => ({ module: configModule(r.module, root), name: r.name, kind: r.kind, path: r.path?.split('.') })),
    sinks: config.sinks.map((r) => ({ module: configModule(r.module, root), name: r.name, kind: r.kind, args: r.args ?? [0] })),
    sanitizers: config.sanitizers.map((r) => ({ module: configModule(r.module, root), name: r.name, for: r.for })),
  };
  return [table];
}

export class AgentModel {
  readonly resolver: Resolver;
  private readonly tables: FrameworkTable[];
  /** Classifications by file; shared through the cache with later models while the file and its imports are unchanged. */
  private readonly classified: WeakMap<SourceFile, Map<Node, Entity | null>>;
  /** Entities this model has handed out, their links (see `current`) made by this model. */
  private readonly current = new Set<Entity>();
  private readonly ids: { next: number };
  private readonly fileEntities = new Map<SourceFile, Entity[]>();
  private allEntities?: Entity[];
  private words?: WordIndex;
  private toolsLinked = false;
  /** Tools declared as plain JSON specs to the model calls (see tool-specs.ts); set with `all()`. */
  private specTools: Tool[] = [];
  private readonly rowsByExport = new Map<string, IndexedRow[]>();
  private readonly rowsByMethod = new Map<string, IndexedRow[]>();
  /** Sources, sinks and sanitizers declared as rows by the tables (the config's included). */
  readonly dataflowRows: DataflowRows;

  constructor(
    readonly project: Project,
    private readonly files: SourceFile[],
    extraTables: FrameworkTable[] = [],
    private readonly cache?: AnalysisCache,
  ) {
    this.resolver = new Resolver(project);
    this.classified = cache?.classified ?? new WeakMap();
    this.ids = cache?.entityIds ?? { next: 0 };
    this.frameworkDefault = cache?.frameworkDefaultCredentials ?? new WeakMap();
    this.tables = [...FRAMEWORKS, ...extraTables];
    this.dataflowRows = {
      sources: this.tables.flatMap((t) => t.dataflow?.sources ?? []),
      sinks: this.tables.flatMap((t) => t.dataflow?.sinks ?? []),
      sanitizers: this.tables.flatMap((t) => t.dataflow?.sanitizers ?? []),
    };
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

  /** The files that mention `name` as a word, in file order: where to look for its calls, references or `new`s. */
  filesMentioning(name: string): readonly SourceFile[] {
    if (!this.words) {
      const kept = this.cache?.wordIndex;
      this.words = kept?.covers(this.files) ? kept.refresh() : new WordIndex(this.files);
      if (this.cache) this.cache.wordIndex = this.words;
    }
    return this.words.filesMentioning(name);
  }

  /** All entities defined in `file`, in source order. */
  entitiesIn(file: SourceFile): Entity[] {
    let list = this.fileEntities.get(file);
    if (list) return list;
    list = [];
    const found = list;
    const known = this.cache?.entityCalls.get(file);
    if (known) {
      // Neither the file nor the files it imports changed since a previous model walked it.
      for (const node of known) {
        const e = this.classify(node);
        if (e) found.push(e);
      }
    } else if (mayUseFrameworks(file, this.tables)) {
      const calls: CallLike[] = [];
      for (const node of descendantsOfKinds(file, [SyntaxKind.CallExpression, SyntaxKind.NewExpression])) {
        const e = this.classify(node);
        if (e) {
          found.push(e);
          calls.push(node);
        }
      }
      this.cache?.entityCalls.set(file, calls);
    }
    this.fileEntities.set(file, list);
    return list;
  }

  /** The `new` expressions in `file` of classes declared in the project, in source order. */
  classInstancesIn(file: SourceFile): ClassInstance[] {
    let list = this.cache?.classInstances.get(file);
    if (list) return list;
    list = [];
    // Most files construct only built-ins (`new Map()`); resolving each of them is the cost.
    if (file.getFullText().includes('new ')) {
      for (const node of descendantsOfKinds(file, [SyntaxKind.NewExpression])) {
        const cls = this.valueOf(node.getExpression());
        if (Node.isClassDeclaration(cls)) list.push({ node, cls });
      }
    }
    this.cache?.classInstances.set(file, list);
    return list;
  }

  all(): Entity[] {
    // Rules ask for clients, agents, tools and calls many times; the list is complete after the first walk.
    if (!this.allEntities) {
      const classified = this.files.flatMap((f) => this.entitiesIn(f));
      const calls = classified.filter((e): e is ModelCall => e.kind === 'modelCall');
      this.specTools = buildSpecTools(this, calls, () => `tool#${this.ids.next++}`);
      this.allEntities = [...classified, ...this.specTools];
    }
    return this.allEntities;
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
    const specs = this.specTools.filter((t) => t.node.getSourceFile() === file);
    return [...this.entitiesIn(file), ...specs].filter((e): e is Tool => e.kind === 'tool');
  }

  /** The entity a call or `new` expression creates or is, if any. */
  classify(node: CallLike): Entity | undefined {
    const file = node.getSourceFile();
    let memo = this.classified.get(file);
    if (!memo) this.classified.set(file, (memo = new Map()));
    const cached = memo.get(node);
    if (cached !== undefined) return cached ? this.unlinked(cached) : undefined;
    memo.set(node, null); // cycle guard
    const entity = this.classifyUncached(node);
    memo.set(node, entity ?? null);
    if (entity) this.current.add(entity);
    return entity;
  }

  /**
   * An entity an earlier model built, as this model first sees it: without the links that model
   * made (tools handed to agents, a default credential a setter replaced), which may involve files
   * that changed since. linkTools and linkDefaultCredentials make them again.
   */
  private unlinked(e: Entity): Entity {
    if (this.current.has(e)) return e;
    this.current.add(e);
    if (e.kind === 'agent') {
      e.tools = [];
      delete e.handedAllTools;
      e.credential = this.frameworkDefault.get(e) ?? e.credential;
    } else if (e.kind === 'tool') e.agents = [];
    return e;
  }

  private classifyUncached(node: CallLike): Entity | undefined {
    const callee = node.getExpression();
    const base = this.flatten(callee, 0);
    if (!base) return Node.isNewExpression(node) ? this.classifyClassInstance(node) : undefined;
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
      if (ok && rowApplies(c.row, node, this)) return this.build(node, c, owner);
    }
    return undefined;
  }

  /** `new ShellTool()` where `class ShellTool extends StructuredTool`: a tool row with construct 'extends'. */
  private classifyClassInstance(node: NewExpression): Entity | undefined {
    let cls = this.valueOf(node.getExpression());
    for (let depth = 0; depth < 5 && (Node.isClassDeclaration(cls) || Node.isClassExpression(cls)); depth++) {
      const heritage = cls.getExtends()?.getExpression();
      if (!heritage) return undefined;
      const base = this.flatten(heritage, 0);
      if (base?.kind === 'import') {
        const exportName = base.exportName === '*' || base.exportName === 'default' ? (base.path[0] ?? base.exportName) : base.exportName;
        const hit = (this.rowsByExport.get(exportName) ?? []).find((c) => c.row.kind === 'tool' && c.row.construct === 'extends' && refMatches(c.row.from!, base.module, exportName));
        return hit ? this.build(node, hit) : undefined;
      }
      cls = this.valueOf(heritage);
    }
    return undefined;
  }

  private matchImport(candidates: IndexedRow[], module: string, exportName: string, path: string[], isNew: boolean): IndexedRow | undefined {
    for (const c of candidates) {
      const row = c.row;
      if (!('from' in row) || !row.from || !refMatches(row.from, module, exportName)) continue;
      const construct = 'construct' in row ? row.construct : 'call';
      if (construct === 'extends') continue;
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
    const id = `${hit.row.kind}#${this.ids.next++}`;
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
    const modelName = row.modelArg ? argAt(node, row.modelArg) : undefined;
    const model = modelName ? this.valueOf(modelName) : undefined;
    const defaultEnv = model && (Node.isStringLiteral(model) || Node.isNoSubstitutionTemplateLiteral(model)) ? defaultEnvOfModelString(model.getLiteralValue()) : (row.defaultEnv ?? []);
    return {
      kind: 'client',
      id,
      framework,
      provider: row.provider,
      row,
      node,
      name: storageName(node),
      credential: this.credentialOf(keyArg, defaultEnv, node),
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

  /** Agents whose own credential is their framework's process-wide default, with it; a `setsDefault` row may replace it. */
  private readonly frameworkDefault: WeakMap<Agent, Credential>;
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
    const credential = this.credentialOf(undefined, env, agent.node);
    this.frameworkDefault.set(agent, credential);
    return credential;
  }

  /** `setDefaultOpenAIKey(...)` anywhere in the project sets the key every agent on the default shares. */
  private linkDefaultCredentials(): void {
    if (this.defaultsLinked) return;
    this.defaultsLinked = true;
    const onDefault = this.all().filter((e): e is Agent => e.kind === 'agent' && this.frameworkDefault.has(e));
    if (onDefault.length === 0) return;
    const setters = this.clients().filter((c) => c.row.setsDefault);
    for (const agent of onDefault) {
      const setter = setters.find((c) => c.framework === agent.framework);
      if (setter) agent.credential = setter.credential;
    }
  }

  private buildTool(node: CallLike, row: ToolRow, framework: string, id: string): Tool {
    // A class tool's parts are its members (`schema = ...`, `_call()`); a call's are argument paths.
    const cls = row.construct === 'extends' ? this.valueOf(node.getExpression()) : undefined;
    const part = (p: string | undefined) => (!p ? undefined : cls ? classPart(cls, p, this) : argAt(node, p));
    const schemaArg = row.schema ? (cls ? part(row.schema) : this.firstObjectArg(node, row.schema)) : undefined;
    const execute = part(row.execute);
    const nameArg = part(row.name);
    const nameValue = nameArg ? this.valueOf(nameArg) : undefined;
    let name = nameValue && (Node.isStringLiteral(nameValue) || Node.isNoSubstitutionTemplateLiteral(nameValue)) ? nameValue.getLiteralValue() : undefined;
    const className = cls && (Node.isClassDeclaration(cls) || Node.isClassExpression(cls)) ? cls.getName() : undefined;
    name ??= toolKeyName(node) ?? storageName(node) ?? className ?? `tool at line ${node.getStartLineNumber()}`;
    const schemaNode = schemaArg ? this.valueOf(schemaArg) : undefined;
    const { kind, params } = describeSchema(schemaNode, row, this);
    const fn = execute ? this.valueOf(execute) : undefined;
    const executeFn = fn && isFunctionLike(fn) ? fn : execute;
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
      execute: executeFn,
      input: toolInput(executeFn, row, kind),
      classNode: cls,
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
      if (e.kind === 'tool' && e.row.on && !Node.isObjectLiteralExpression(e.node)) {
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
    // Plain JSON specs (`tools: [{ name, input_schema }]`) are tools too; `all()` finds them.
    this.all();
    const specs = this.specTools;
    const visit = (n: Node, depth: number) => {
      if (depth > 8 || seen.has(n)) return;
      seen.add(n);
      n = unwrap(n);
      if (Node.isArrayLiteralExpression(n)) {
        for (const el of n.getElements()) visit(Node.isSpreadElement(el) ? el.getExpression() : el, depth + 1);
        return;
      }
      if (Node.isObjectLiteralExpression(n)) {
        const spec = specs.find((t) => t.node === n);
        if (spec) {
          tools.push(spec);
          return;
        }
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
        const before = tools.length;
        const v = this.valueOf(n);
        if (v !== n) visit(v, depth + 1);
        else if (Node.isSourceFile(v)) visit(v, depth + 1);
        // `tools: allTools`, `Object.values(toolRegistry)`: a collection named for holding every tool.
        if (tools.length - before >= 2 && this.isRegistryName(n)) wholeRegistry = expr;
      }
      if (Node.isSourceFile(n)) {
        // `import * as tools from './tools'`: every exported tool.
        for (const e of this.entitiesIn(n)) if (e.kind === 'tool') tools.push(e);
      }
    };
    visit(expr, 0);
    return { tools, wholeRegistry };
  }

  private isRegistryName(n: Node): boolean {
    const names = [Node.isPropertyAccessExpression(n) ? n.getName() : n.getText()];
    const b = Node.isIdentifier(n) ? this.resolver.resolveIdentifier(n) : undefined;
    if (b?.kind === 'import') names.push(b.exportName);
    return names.some((name) => /^(all|every)(?=[A-Z_])|^(ALL|EVERY)_|[Rr]egistry$|^registry|REGISTRY/.test(name));
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
      // A chat session is not an owner of methods: `chat.sendMessage` is matched by its full path from the client.
      if (e && !(e.kind === 'modelCall' && e.row.session)) return { kind: 'entity', entity: e, path: [] };
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
      const through = Node.isCallExpression(n) ? this.passThrough(n, depth) : undefined;
      if (through) return through;
      const b = this.flatten(calleeExpr, depth + 1);
      return b && { ...b, path: [...b.path, '()'] };
    }
    if (Node.isIdentifier(n)) {
      const b = this.resolver.resolveIdentifier(n);
      return this.flattenBinding(b, depth);
    }
    return undefined;
  }

  /**
   * Calls whose result still is the client or chat model they were given:
   * tracing wrappers (`wrapOpenAI(new OpenAI())`, `observeOpenAI(client)`) and LangChain
   * composition (`prompt.pipe(model)`, `RunnableSequence.from([prompt, model, parser])`), whose
   * `.invoke()` calls the model.
   */
  private passThrough(call: import('ts-morph').CallExpression, depth: number): Base | undefined {
    const callee = call.getExpression();
    const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : Node.isIdentifier(callee) ? callee.getText() : '';
    const candidates: Node[] = [];
    if (WRAPPER_CALL.test(name)) candidates.push(...call.getArguments().slice(0, 1));
    else if (name === 'pipe' && Node.isPropertyAccessExpression(callee)) candidates.push(...call.getArguments(), callee.getExpression());
    else if (/^RunnableSequence(\.from)?$/.test(callee.getText())) {
      const list = call.getArguments()[0];
      if (list && Node.isArrayLiteralExpression(list)) candidates.push(...list.getElements());
    }
    for (const c of candidates) {
      const b = this.flatten(c, depth + 1);
      if (b?.kind === 'entity' && b.path.length === 0 && (b.entity.kind === 'client' || b.entity.kind === 'agent')) return b;
      if (b?.kind === 'typed' && b.path.length === 0) return b;
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

/** Tracing wrappers that return the client they wrap. */
const WRAPPER_CALL = /^(wrapOpenAI|wrapAnthropic|wrapSDK|observeOpenAI|observeAnthropic|instrumentOpenAI|withTracing|traceClient|wrapClient)$/;

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

/** Returns inside these belong to another function. */
const NESTED_SCOPE_KINDS = new Set([SyntaxKind.ArrowFunction, SyntaxKind.FunctionExpression, SyntaxKind.FunctionDeclaration, SyntaxKind.MethodDeclaration, SyntaxKind.ClassDeclaration]);

/** The expressions a function returns (expression-bodied arrows included). */
export function returnedExpressions(fn: Node): Node[] {
  if (Node.isArrowFunction(fn)) {
    const body = fn.getBody();
    if (!Node.isBlock(body)) return [body];
  }
  const out: Node[] = [];
  const body = (fn as import('ts-morph').FunctionDeclaration).getBody?.();
  if (!body) return out;
  for (const ret of descendantsOfKinds(body, [SyntaxKind.ReturnStatement], undefined, (n) => !NESTED_SCOPE_KINDS.has(n.kind))) {
    const e = ret.getExpression();
    if (e) out.push(e);
  }
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

/** A row with a `when` condition applies only when that argument is the named import. */
function rowApplies(row: FrameworkRow, node: CallLike, model: AgentModel): boolean {
  if (row.kind !== 'tool' || !row.when) return true;
  const arg = argAt(node, row.when.arg);
  const base = arg ? model.flatten(arg, 0) : undefined;
  return base?.kind === 'import' && base.path.length === 0 && refMatches(row.when.is, base.module, base.exportName);
}

/**
 * A part of a class tool: a member name (`_call`, `schema`), or an argument path into the
 * constructor's `super(...)` call (`0.func` for `class Shell extends DynamicTool { constructor() { super({ func }) } }`).
 */
function classPart(cls: Node, path: string, model: AgentModel): Node | undefined {
  for (const alt of path.split('|')) {
    if (!/^\d/.test(alt)) {
      const member = classMember(cls, alt, model);
      if (member) return member;
      continue;
    }
    if (!Node.isClassDeclaration(cls) && !Node.isClassExpression(cls)) continue;
    for (const ctor of cls.getConstructors()) {
      const superCall = ctor.getDescendantsOfKind(SyntaxKind.CallExpression).find((c) => c.getExpression().getKind() === SyntaxKind.SuperKeyword);
      const hit = superCall && argAt(superCall, alt);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** A member of a class or its project base classes: a property's initializer, a method, a getter's return. */
function classMember(cls: Node, name: string, model: AgentModel): Node | undefined {
  let cur: Node | undefined = cls;
  for (let depth = 0; depth < 5 && cur && (Node.isClassDeclaration(cur) || Node.isClassExpression(cur)); depth++) {
    const prop = cur.getProperty(name);
    const init = prop?.getInitializer();
    if (init) return init;
    const method = cur.getMethod(name);
    if (method) return method;
    const getter = cur.getGetAccessor(name);
    if (getter) return returnedExpressions(getter)[0];
    const heritage: Node | undefined = cur.getExtends()?.getExpression();
    cur = heritage ? model.valueOf(heritage) : undefined;
  }
  return undefined;
}

/** Where the model's arguments enter a tool's function, from the row's `input` path (default: the first parameter). */
function toolInput(fn: Node | undefined, row: ToolRow, schemaKind: ToolSchemaKind): Tool['input'] {
  if (!fn || !isFunctionLike(fn)) return undefined;
  if (row.inputNeedsSchema && schemaKind === 'none') return undefined;
  const alternatives = (row.input ?? '0').split('|').map((alt) => alt.split('.'));
  const param = (fn as import('ts-morph').ArrowFunction).getParameters()[Number(alternatives[0][0])];
  if (!param) return undefined;
  return { param, paths: alternatives.map(([, ...path]) => path) };
}

/** A JSON Schema `type`: "integer", or Google's enums `Type.INTEGER` / `SchemaType.INTEGER`. */
function jsonTypeName(type: Node): string | undefined {
  if (Node.isStringLiteral(type) || Node.isNoSubstitutionTemplateLiteral(type)) return type.getLiteralValue();
  if (Node.isPropertyAccessExpression(type) && /^(Type|SchemaType)$/.test(type.getExpression().getText()) && /^[A-Z]+$/.test(type.getName())) return type.getName().toLowerCase();
  return undefined;
}

/** Zod factories whose values the model cannot choose freely. */
const CONSTRAINED_ZOD_FACTORIES = new Set([
  'enum', 'nativeEnum', 'literal', 'boolean', 'number', 'bigint', 'int', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64', 'date',
  'uuid', 'uuidv4', 'uuidv7', 'guid', 'ulid', 'cuid', 'cuid2', 'nanoid', 'email', 'ipv4', 'ipv6', 'cidrv4', 'cidrv6', 'null', 'undefined',
  'void', 'never', 'nan', 'stringbool', 'datetime', 'time', 'isodate', 'isotime', 'isodatetime',
]);
/** String checks that leave no room for shell, path or SQL syntax. */
const CONSTRAINING_ZOD_METHODS = new Set(['regex', 'uuid', 'ulid', 'cuid', 'cuid2', 'nanoid', 'ip', 'ipv4', 'ipv6', 'cidr', 'datetime', 'date', 'time', 'email', 'startsWith', 'int', 'positive', 'negative', 'finite', 'safe', 'multipleOf']);
const CONSTRAINED_JSON_FORMATS = new Set(['uuid', 'date', 'date-time', 'time', 'email', 'ipv4', 'ipv6', 'duration']);

function isZodNamespace(n: Node, model: AgentModel): boolean {
  const e = unwrap(n);
  if (Node.isPropertyAccessExpression(e)) return isZodNamespace(e.getExpression(), model); // z.coerce, z.iso
  if (!Node.isIdentifier(e)) return false;
  if (e.getText() === 'z') return true;
  const b = model.resolver.resolveIdentifier(e);
  return b?.kind === 'import' && /^zod(\/|$)/.test(b.module);
}

/**
 * Whether a schema leaves the model no free choice: enums, literals, patterns, numbers, booleans,
 * formats such as uuid, and arrays, unions and objects made only of those. Zod or JSON Schema.
 */
export function isConstrainedSchema(node: Node, model: AgentModel, depth = 0): boolean {
  if (depth > 12) return false;
  const n = model.valueOf(node);
  const sub = (x: Node | undefined) => !!x && isConstrainedSchema(x, model, depth + 1);
  const all = (xs: Node[]) => xs.length > 0 && xs.every(sub);
  if (Node.isObjectLiteralExpression(n)) {
    // JSON Schema
    const prop = (k: string) => {
      const v = propertyOf(n, k);
      return v ? model.valueOf(v) : undefined;
    };
    if (prop('enum') || prop('const') || prop('pattern')) return true;
    const format = prop('format');
    if (format && Node.isStringLiteral(format) && CONSTRAINED_JSON_FORMATS.has(format.getLiteralValue())) return true;
    const type = prop('type');
    const typeName = type && jsonTypeName(type);
    if (typeName && ['number', 'integer', 'boolean', 'null'].includes(typeName)) return true;
    if (typeName === 'array') return sub(prop('items'));
    const props = prop('properties');
    if (props && Node.isObjectLiteralExpression(props)) return all(props.getProperties().map((p) => (Node.isPropertyAssignment(p) ? p.getInitializerOrThrow() : p)));
    for (const k of ['anyOf', 'oneOf']) {
      const alts = prop(k);
      if (alts && Node.isArrayLiteralExpression(alts)) return all(alts.getElements());
    }
    return false;
  }
  if (!Node.isCallExpression(n)) return false;
  const callee = n.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return false;
  const name = callee.getName();
  const recv = callee.getExpression();
  const args = n.getArguments();
  const elements = (x: Node | undefined) => {
    const v = x ? model.valueOf(x) : undefined;
    return v && Node.isArrayLiteralExpression(v) ? v.getElements() : [];
  };
  if (isZodNamespace(recv, model)) {
    if (CONSTRAINED_ZOD_FACTORIES.has(name)) return true;
    if (['array', 'set', 'optional', 'nullable', 'nullish', 'readonly', 'nonoptional'].includes(name)) return sub(args[0]);
    if (name === 'union' || name === 'tuple') return all(elements(args[0]));
    if (name === 'discriminatedUnion') return all(elements(args[1]));
    if (name === 'intersection') return sub(args[0]) || sub(args[1]);
    if (name === 'preprocess') return sub(args[1]);
    if (name === 'object' || name === 'strictObject' || name === 'looseObject') {
      const shape = args[0] ? model.valueOf(args[0]) : undefined;
      return !!shape && Node.isObjectLiteralExpression(shape) && all(shape.getProperties().map((p) => (Node.isPropertyAssignment(p) ? p.getInitializerOrThrow() : p)));
    }
    return false;
  }
  // A method on a schema: z.string().regex(...), z.enum([...]).optional(), a.or(b)
  if (CONSTRAINING_ZOD_METHODS.has(name)) return true;
  if (name === 'refine' || name === 'superRefine') {
    // .refine((v) => ALLOWED.includes(v)): an allow list the schema enforces.
    if (args[0] && /\.(includes|has|test)\(|===/.test(args[0].getText())) return true;
    return sub(recv);
  }
  if (name === 'or') return sub(recv) && sub(args[0]);
  if (name === 'and') return sub(recv) || sub(args[0]);
  if (name === 'pipe') return sub(args[0]) || sub(recv);
  return sub(recv);
}

/** The zod call chain's innermost factory: `z.object({...}).strict().describe()` -> the `z.object` call. */
function zodBase(schema: Node, model: AgentModel): { name: string; call: CallExpression } | undefined {
  let cur: Node = schema;
  for (let i = 0; i < 20 && Node.isCallExpression(cur); i++) {
    const callee = cur.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) return undefined;
    if (isZodNamespace(callee.getExpression(), model)) return { name: callee.getName(), call: cur };
    cur = callee.getExpression();
  }
  return undefined;
}

/** Reads a tool's input schema: zod object, raw zod shape (MCP), or JSON Schema. */
export function describeSchema(schema: Node | undefined, row: Pick<ToolRow, 'schema'>, model: AgentModel, depth = 0): { kind: ToolSchemaKind; params: ToolParam[] } {
  if (!schema) {
    // DynamicTool and `extends Tool` take one free-form string from the model.
    return { kind: row.schema ? 'none' : 'unknown', params: row.schema ? [] : [{ name: 'input', constrained: false }] };
  }
  const paramsOf = (props: Node | undefined): ToolParam[] => {
    const obj = props ? model.valueOf(props) : undefined;
    if (!obj || !Node.isObjectLiteralExpression(obj)) return [];
    const out: ToolParam[] = [];
    for (const p of obj.getProperties()) {
      if (!Node.isPropertyAssignment(p) && !Node.isShorthandPropertyAssignment(p)) continue;
      const name = p.getName().replace(/^['"]|['"]$/g, '');
      const valueNode = model.valueOf(Node.isPropertyAssignment(p) ? p.getInitializerOrThrow() : p.getNameNode());
      out.push({ name, schema: valueNode, constrained: isConstrainedSchema(valueNode, model) });
    }
    return out;
  };
  if (Node.isCallExpression(schema)) {
    const base = zodBase(schema, model);
    if (base) {
      const [first, second] = base.call.getArguments();
      if (['object', 'strictObject', 'looseObject'].includes(base.name)) return { kind: 'zod', params: paramsOf(first) };
      // z.toJSONSchema(schema): the schema it converts.
      if (/^to(JSON|Json)Schema$/.test(base.name) && first && depth < 3) return describeSchema(model.valueOf(first), row, model, depth + 1);
      if (base.name === 'any' || base.name === 'unknown') return { kind: 'any', params: [] };
      if (base.name === 'record') {
        const value = second ?? first;
        const v = value ? zodBase(model.valueOf(value), model) : undefined;
        if (v && (v.name === 'any' || v.name === 'unknown')) return { kind: 'any', params: [] };
      }
      // A scalar schema (z.string()): the whole input is one value.
      return { kind: 'zod', params: [] };
    }
    // jsonSchema({...}), zodSchema(x), zodToJsonSchema(x), toJSONSchema(x): the schema is the argument.
    const arg = schema.getArguments()[0];
    if (arg && depth < 3) {
      const inner = describeSchema(model.valueOf(arg), row, model, depth + 1);
      if (inner.kind !== 'unknown') return inner;
    }
    return { kind: 'unknown', params: [] };
  }
  // ZodObject.shape (MCP raw shapes taken from a zod object)
  if (Node.isPropertyAccessExpression(schema) && schema.getName() === 'shape' && depth < 3) {
    return describeSchema(model.valueOf(schema.getExpression()), row, model, depth + 1);
  }
  if (Node.isObjectLiteralExpression(schema)) {
    if (schema.getProperty('type') || schema.getProperty('properties') || schema.getProperty('$schema')) {
      const props = propertyOf(schema, 'properties');
      const extra = propertyOf(schema, 'additionalProperties');
      // { type: 'object' } with no properties accepts any object.
      const type = propertyOf(schema, 'type');
      if (!props && (!extra || extra.getKind() !== SyntaxKind.FalseKeyword) && type && jsonTypeName(model.valueOf(type)) === 'object') return { kind: 'any', params: [] };
      return { kind: 'json-schema', params: paramsOf(props) };
    }
    // A raw zod shape (MCP): values are zod schemas. An object of other values (annotations) is no schema.
    const params = paramsOf(schema);
    if (params.length > 0 && params.every((p) => !p.schema || !Node.isCallExpression(p.schema))) return { kind: row.schema ? 'none' : 'unknown', params: [] };
    return { kind: 'zod-shape', params };
  }
  return { kind: 'unknown', params: [] };
}
