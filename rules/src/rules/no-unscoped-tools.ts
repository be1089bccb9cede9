import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import { defineRule, type RuleContext } from '../rule.js';
import type { ModelCall, Tool } from '../model/types.js';
import type { FindingFix } from '../types.js';
import { isConstrainedSchema, isFunctionLike, propertyOf, unwrap } from '../model/model.js';
import { lastSegment, matchSink, type SinkKind, type SinkMatch } from '../dataflow/recognizers.js';
import type { SourceMatch, TaintPath, TaintQuery } from '../dataflow/flow.js';
import { argumentConstrained, toolCallField, toolInputParams, toolsReading, toolsRunningAt } from '../dataflow/sources.js';
import { FlowGuards } from '../dataflow/restrictions.js';
import { nameTestOf } from '../model/tool-specs.js';
import { lineIndent, quoted } from '../util/edits.js';
import { descendantsOfKinds } from '../util/walk.js';

const SINK_WHAT: Record<SinkKind, string> = {
  shell: 'a shell command',
  filesystem: 'a file path',
  network: 'the destination of a network request',
  sql: 'raw SQL',
  code: 'code that is evaluated',
  html: 'HTML',
  redirect: 'a redirect target',
};
const SINK_IMPACT: Record<SinkKind, string> = {
  shell: 'run any command this process may',
  filesystem: 'read or overwrite any file this process can reach',
  network: 'send requests to any host, internal services and cloud metadata included',
  sql: 'read or change any table',
  code: 'run arbitrary code',
  html: 'inject script',
  redirect: 'send users anywhere',
};
const SINK_FIX: Record<SinkKind, string> = {
  shell: 'Allow only listed commands (z.enum), or run a fixed binary with execFile and an argument array',
  filesystem: 'Resolve the path under a fixed root and check it stays there (path.resolve + startsWith), or allow only listed files (z.enum)',
  network: 'Check the host against an allow list before the request, or fix the host in the code and let the model choose only the path or query',
  sql: 'Use a parameterized query (placeholders with a values array) and allow-list identifiers such as column names',
  code: 'Do not evaluate model-chosen text; map the argument to a fixed set of operations',
  html: 'Escape or sanitize the value',
  redirect: 'Check the target against an allow list',
};
/** Calls whose result cannot carry shell, path or SQL syntax. */
const NUMERIC = /^(Number|parseInt|parseFloat|Boolean|Math\.\w+|Number\.parseInt|Number\.parseFloat|BigInt)$/;
/** Characters a replace-with-nothing allow list must not keep: they carry path, shell or SQL syntax. */
const UNSAFE_KEPT = /[\s/\\;|&$`'"()<>*?{}[\]!#~%^=,:]/;
const MAX_PARSE_NESTING = 2;
/** Walks per sink argument when checked arguments are set aside one by one. */
const MAX_ROUNDS = 6;

function argumentKey(source: Node, field: string | undefined): string {
  return `${source.getSourceFile().getFilePath()}:${source.getStart()}:${field ?? ''}`;
}

/** Whether the tool's input as a whole leaves the model no free choice. */
function wholeInputConstrained(tool: Tool, ctx: RuleContext): boolean {
  if (tool.schemaKind === 'zod-shape') return tool.params.every((p) => p.constrained);
  if (tool.params.length > 0) return tool.params.every((p) => p.constrained);
  return !!tool.schemaNode && tool.schemaKind !== 'any' && isConstrainedSchema(tool.schemaNode, ctx.model);
}

/**
 * The tool's function reads its input (an unused or `_`-prefixed parameter takes nothing from the
 * model); for a dispatched spec tool, its branch reads the parameter or variable the arguments are in.
 */
function readsInput(tool: Tool): boolean {
  const param = tool.input?.param;
  if (!param || !(Node.isParameterDeclaration(param) || Node.isVariableDeclaration(param))) return false;
  const nameNode = param.getNameNode();
  if (!Node.isIdentifier(nameNode)) return true;
  const name = nameNode.getText();
  if (name.startsWith('_')) return false;
  const body = tool.execute && isFunctionLike(tool.execute) ? (tool.execute as import('ts-morph').ArrowFunction).getBody() : tool.execute;
  return !!body && descendantsOfKinds(body, [SyntaxKind.Identifier]).some((id) => id.getText() === name);
}

/** `x.replace(/[^a-z0-9_-]/g, '')`: only the listed characters survive. */
function isCharacterAllowList(call: CallExpression): boolean {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || !/^(replace|replaceAll)$/.test(callee.getName())) return false;
  const [pattern, replacement] = call.getArguments();
  if (!pattern || !Node.isRegularExpressionLiteral(pattern) || !replacement || !Node.isStringLiteral(replacement) || UNSAFE_KEPT.test(replacement.getLiteralValue())) return false;
  const m = /^\/\[\^((?:\\.|[^\]\\])*)\]\+?\/([a-z]*)$/.exec(pattern.getLiteralText());
  if (!m || !m[2].includes('g')) return false;
  // Shorthand classes keep only word characters and digits; anything else listed literally must be harmless.
  const kept = m[1].replace(/\\[wd]/g, '').replace(/\\([-._])/g, '$1').replace(/[A-Za-z0-9]-[A-Za-z0-9]/g, '');
  return !/\\/.test(kept) && !UNSAFE_KEPT.test(kept);
}

/** Source-to-sink steps for the finding, shortened around the middle when long. */
function flowSteps(path: TaintPath, sinkLabel: string): Array<{ node: Node; message: string }> {
  const steps = [...path.steps].reverse();
  const kept = steps.length > 6 ? [steps[0], ...steps.slice(-5)] : steps;
  return kept.map((s, i) => ({ node: s, message: i === 0 ? path.source.label : i === kept.length - 1 ? sinkLabel : 'flows through' }));
}

interface Hit {
  /** A tool entity, or the model call whose tool calls the code dispatches itself. */
  tool?: Tool;
  call?: ModelCall;
  field?: string;
}

class ToolFlows {
  private readonly params: Map<Node, Tool[]>;
  private readonly guards: FlowGuards;
  /** Which tool (and argument) each source match came from. */
  private readonly hits = new WeakMap<SourceMatch, Hit>();

  /** Tools declared as plain specs to model calls, whose dispatch branches say which tool a sink belongs to. */
  private readonly specTools: Tool[];

  /** Model calls handed tools whose calls come back to the code (no execute of their own). */
  private readonly dispatching: Set<Node>;

  constructor(private readonly ctx: RuleContext) {
    this.params = toolInputParams(ctx.model);
    this.specTools = ctx.model.tools().filter((t) => t.modelCalls);
    this.guards = new FlowGuards(ctx);
    this.dispatching = new Set(ctx.model.modelCalls().filter((c) => c.row.toolCalls && c.toolsArg).map((c) => c.node));
  }

  get empty(): boolean {
    return this.params.size === 0 && this.dispatching.size === 0;
  }

  hitOf(path: TaintPath): Hit | undefined {
    return this.hits.get(path.source);
  }

  /**
   * Flows from tool arguments into `arg` of a sink that no check restricts. The walk reports one
   * flow per source, so an argument found restricted is set aside and the walk repeated: a check
   * on `args.host` must not hide an unchecked `args.cmd` in the same command.
   */
  openFlows(arg: Node, sink: Node, kind: SinkKind): TaintPath[] {
    const restricted = new Set<string>();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const paths = this.ctx.flow.taint(arg, this.query(kind, sink, 0, restricted));
      const open = paths.filter((p) => !this.guards.isRestricted(p, sink, kind));
      if (open.length > 0) return open;
      const before = restricted.size;
      for (const p of paths) restricted.add(argumentKey(p.source.node, this.hitOf(p)?.field));
      if (restricted.size === before) return [];
    }
    return [];
  }

  private query(kind: SinkKind, sink: Node, nesting: number, restricted: Set<string> = new Set()): TaintQuery {
    return {
      source: (node, path) => {
        const hit = this.source(node, path, kind, sink, nesting);
        return hit && restricted.has(argumentKey(hit.node, this.hits.get(hit)?.field)) ? undefined : hit;
      },
      sanitizer: (call) => this.sanitizes(call, kind),
      // sql`... ${x}` parameterizes x.
      stop: kind === 'sql' ? (n) => Node.isTaggedTemplateExpression(n) : undefined,
    };
  }

  private source(node: Node, path: readonly string[], kind: SinkKind, sink: Node, nesting: number): SourceMatch | undefined {
    const candidates = this.params.get(node);
    if (candidates) {
      // Spec tools one function dispatches share its parameter: the branch holding the sink says which runs.
      const reading = toolsReading(candidates, path, sink);
      if (!reading) return undefined;
      const [field] = reading.fields;
      if (this.constrainedFor(reading.tools, field)) return undefined;
      const tool = reading.tools.find((t) => field === undefined || t.params.some((p) => p.name === field)) ?? reading.tools[0];
      const hit = { label: field ? `argument \`${field}\`` : 'its input', node };
      this.hits.set(hit, { tool, field });
      return hit;
    }
    if (this.dispatching.has(node)) return this.toolCallArguments(node as CallExpression, path, sink);
    // `Schema.parse(args)`: the parsed value is the arguments again unless the schema constrains this field.
    if (Node.isCallExpression(node) && nesting < MAX_PARSE_NESTING) return this.throughSchemaParse(node, path, kind, sink, nesting);
    return undefined;
  }

  /** The argument `field` (the whole input when undefined) leaves the model no free choice in any of these tools. */
  private constrainedFor(tools: readonly Tool[], field: string | undefined): boolean {
    return field === undefined ? tools.every((t) => wholeInputConstrained(t, this.ctx)) : argumentConstrained(tools, field);
  }

  /** `JSON.parse(toolCall.function.arguments).cmd` read from a model call's result: the model chose it. */
  private toolCallArguments(node: CallExpression, path: readonly string[], sink: Node): SourceMatch | undefined {
    const call = this.ctx.model.classify(node);
    if (call?.kind !== 'modelCall') return undefined;
    const read = toolCallField(call, path);
    if (read === undefined) return undefined;
    const field = read || undefined;
    // The dispatch branch that holds the sink says which of the declared tools runs.
    const running = toolsRunningAt(this.specTools.filter((t) => t.modelCalls!.includes(call)), sink);
    if (running.length ? this.constrainedFor(running, field) : declaredConstrained(call, field, this.ctx)) return undefined;
    const hit = { label: field ? `argument \`${field}\`` : 'its arguments', node };
    this.hits.set(hit, { call, field });
    return hit;
  }

  private throughSchemaParse(call: CallExpression, path: readonly string[], kind: SinkKind, sink: Node, nesting: number): SourceMatch | undefined {
    const callee = call.getExpression();
    const input = call.getArguments()[0];
    if (!Node.isPropertyAccessExpression(callee) || !/^(parse|safeParse|parseAsync|safeParseAsync)$/.test(callee.getName()) || !input) return undefined;
    if (callee.getExpression().getText() === 'JSON') return undefined;
    const fields = /^safe/.test(callee.getName()) ? (path[0] === 'data' ? path.slice(1) : undefined) : path;
    if (!fields) return undefined;
    const schema = this.ctx.model.valueOf(callee.getExpression());
    const fieldSchema = fields[0] ? objectField(schema, fields[0], this.ctx) : schema;
    if (fieldSchema && isConstrainedSchema(fieldSchema, this.ctx.model)) return undefined;
    const inner = this.ctx.flow.taint(input, this.query(kind, sink, nesting + 1))[0];
    const innerHit = inner && this.hits.get(inner.source);
    if (!inner || !innerHit) return undefined;
    // The field read from the parsed value is the argument's field.
    const hit = { label: fields[0] ? `argument \`${fields[0]}\`` : inner.source.label, node: inner.source.node };
    this.hits.set(hit, { ...innerHit, field: fields[0] ?? innerHit.field });
    return hit;
  }

  private sanitizes(call: CallExpression, kind: SinkKind): boolean {
    const callee = call.getExpression().getText().replace(/\s+/g, '');
    if (NUMERIC.test(callee)) return true;
    if (kind === 'filesystem' && /(^|\.)basename$/.test(callee)) return true;
    if (isCharacterAllowList(call)) return true;
    if (this.guards.isFilteringCall(call, kind)) return true;
    const m = /\.(parse|safeParse|parseAsync|safeParseAsync)$/.exec(callee);
    if (m && !/^JSON\./.test(callee) && Node.isPropertyAccessExpression(call.getExpression())) {
      return isConstrainedSchema((call.getExpression() as import('ts-morph').PropertyAccessExpression).getExpression(), this.ctx.model);
    }
    return this.ctx.recognizers.isConfiguredAllowCheck(call);
  }
}

/** Input schemas of the tools declared to a model call: OpenAI, Anthropic, Gemini and Vercel AI shapes. */
function declaredToolSchemas(call: ModelCall, ctx: RuleContext): Node[] {
  const out: Node[] = [];
  const seen = new Set<Node>();
  const visit = (n: Node | undefined, depth: number) => {
    const v = n && unwrap(ctx.model.valueOf(n));
    if (!v || depth > 6 || seen.has(v)) return;
    seen.add(v);
    if (Node.isArrayLiteralExpression(v)) return v.getElements().forEach((e) => visit(Node.isSpreadElement(e) ? e.getExpression() : e, depth + 1));
    if (Node.isCallExpression(v)) {
      // tool({ inputSchema }), zodFunction({ parameters })
      const opts = v.getArguments()[0];
      return visit(opts, depth + 1);
    }
    if (!Node.isObjectLiteralExpression(v)) return;
    const schema = ['parameters', 'input_schema', 'inputSchema', 'parametersJsonSchema', 'schema'].map((k) => propertyOf(v, k)).find((x) => !!x);
    if (schema) {
      out.push(ctx.model.valueOf(schema));
      return;
    }
    // { type: 'function', function: {...} }, { functionDeclarations: [...] }, or tools keyed by name
    for (const p of v.getProperties()) {
      if (Node.isPropertyAssignment(p)) visit(p.getInitializerOrThrow(), depth + 1);
      else if (Node.isShorthandPropertyAssignment(p)) visit(p.getNameNode(), depth + 1);
    }
  };
  visit(call.toolsArg, 0);
  return out;
}

/** Every declared tool that has `field` (or, for the whole arguments, every tool) constrains it. */
function declaredConstrained(call: ModelCall, field: string | undefined, ctx: RuleContext): boolean {
  const schemas = declaredToolSchemas(call, ctx);
  if (schemas.length === 0) return false;
  if (field === undefined) return schemas.every((s) => isConstrainedSchema(s, ctx.model));
  const fields = schemas.map((s) => objectField(s, field, ctx)).filter((f): f is Node => !!f);
  return fields.length > 0 && fields.every((f) => isConstrainedSchema(f, ctx.model));
}

/** The name a hand-written dispatch compares the tool call's name with: `if (call.name === 'run_sql')`, `case 'run_sql':`. */
function dispatchName(sink: Node, path: TaintPath): string | undefined {
  for (const start of [sink, ...path.steps]) {
    for (const anc of start.getAncestors()) {
      const test = nameTestOf(anc);
      if (test && test.region.getStart() <= start.getStart() && start.getEnd() <= test.region.getEnd()) return test.name;
      if (isFunctionLike(anc)) break;
    }
  }
  return undefined;
}

/** The schema of `field` in a zod object or JSON Schema, if it can be read. */
function objectField(schema: Node, field: string, ctx: RuleContext): Node | undefined {
  let cur: Node = unwrap(ctx.model.valueOf(schema));
  if (Node.isObjectLiteralExpression(cur)) {
    const props = propertyOf(cur, 'properties');
    const obj = props ? ctx.model.valueOf(props) : cur;
    return Node.isObjectLiteralExpression(obj) ? propertyOf(obj, field) : undefined;
  }
  for (let i = 0; i < 10 && Node.isCallExpression(cur); i++) {
    const callee = cur.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) return undefined;
    if (/^(object|strictObject|looseObject)$/.test(callee.getName())) {
      const shape = cur.getArguments()[0];
      const obj = shape && ctx.model.valueOf(shape);
      const prop = obj && Node.isObjectLiteralExpression(obj) ? obj.getProperty(field) : undefined;
      return prop && Node.isPropertyAssignment(prop) ? prop.getInitializerOrThrow() : undefined;
    }
    cur = callee.getExpression();
  }
  return undefined;
}

function isCallee(n: Node): boolean {
  const p = n.getParent();
  return !!p && Node.isCallExpression(p) && p.getExpression() === n;
}

/** UPPER_SNAKE for a constant name: `filePath` -> FILE_PATH. */
function upperSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase() || 'VALUE';
}

/**
 * A fail-closed allow-list guard before the sink: a declared, empty set of allowed values and a
 * check that throws for anything not in it. It type-checks whatever the value's type, changes no
 * other behaviour, and the developer fills the set with the values the tool needs.
 */
function allowListFix(sink: Node, path: TaintPath, field: string | undefined): FindingFix | undefined {
  const fn = sink.getFirstAncestor((a) => isFunctionLike(a));
  if (!fn) return undefined;
  // The value nearest the sink that is a plain read in the sink's own function.
  const value = path.steps.find(
    (s) => (Node.isIdentifier(s) || Node.isPropertyAccessExpression(s)) && /^[\w$]+(\.[\w$]+)*$/.test(s.getText()) && s.getFirstAncestor((a) => isFunctionLike(a)) === fn && !isCallee(s),
  );
  if (!value) return undefined;
  const sf = sink.getSourceFile();
  const text = sf.getFullText();
  const base = `ALLOWED_${upperSnake(field ?? lastSegment(value.getText()))}_VALUES`;
  let constName = base;
  for (let i = 2; new RegExp(`\\b${constName}\\b`).test(text); i++) constName = `${base}_${i}`;
  const valueText = value.getText();
  const what = field ?? valueText;
  const check = `if (typeof ${valueText} !== 'string' || !${constName}.has(${valueText})) throw new Error(${quoted(`${what} is not an allowed value`)});`;
  const topLevel = sink.getAncestors().find((a) => a.getParent() && Node.isSourceFile(a.getParent()!));
  if (!topLevel) return undefined;
  const declAt = topLevel.getLeadingCommentRanges()[0]?.getPos() ?? topLevel.getStart();
  const blankBefore = declAt === 0 || /\n\s*\n$/.test(text.slice(Math.max(0, declAt - 4), declAt)) ? '' : '\n';
  const declaration = {
    file: sf.getFilePath(),
    start: declAt,
    end: declAt,
    newText: `${blankBefore}// The values this tool may pass on; empty, the check below refuses everything.\nconst ${constName}: ReadonlySet<string> = new Set<string>([]);\n\n`,
  };
  // Insert before the statement that holds the sink, or turn an expression body into a block.
  const statement = sink.getAncestors().find((a) => {
    const p = a.getParent();
    return !!p && (Node.isBlock(p) || Node.isCaseClause(p) || Node.isDefaultClause(p)) && a.getFirstAncestor((x) => isFunctionLike(x)) === fn;
  });
  const root = /^[\w$]+/.exec(valueText)![0];
  let guard;
  if (statement) {
    // The value must already exist where the check goes: not declared inside the statement itself.
    const declaredInside = descendantsOfKinds(statement, [SyntaxKind.VariableDeclaration]).some((d) => d.getName() === root && d.getStart() < value.getStart());
    if (declaredInside) return undefined;
    const indent = lineIndent(statement);
    guard = { file: sf.getFilePath(), start: statement.getStart(), end: statement.getStart(), newText: `${check}\n${indent}` };
  } else if (Node.isArrowFunction(fn) && !Node.isBlock(fn.getBody())) {
    const body = fn.getBody();
    const indent = lineIndent(fn);
    guard = { file: sf.getFilePath(), start: body.getStart(), end: body.getEnd(), newText: `{\n${indent}  ${check}\n${indent}  return ${body.getText()};\n${indent}}` };
  } else return undefined;
  return { title: `Allow only listed values of \`${what}\` (fill ${constName})`, kind: 'suggestion', edits: [declaration, guard] };
}

export default defineRule({
  meta: {
    id: 'no-unscoped-tools',
    description: 'Require model-callable tools to restrict what their arguments can reach',
    rationale:
      'A tool runs with your privileges on arguments the model chooses, and the model follows whatever text reaches it, including injected instructions. A tool that passes a free-form argument to a shell, the filesystem, the network, raw SQL or eval hands that power to anyone who can steer the model. Least privilege means each tool does one narrow thing on validated input, and each agent gets only the tools its task needs.',
    steps: [3],
    owasp: ['LLM06:2025', 'ASI02', 'ASI05'],
    cwe: [20, 78, 22, 89, 862],
    defaultSeverity: 'error',
    fixKind: 'suggestion',
    preset: 'recommended',
    scope: 'project',
    confidence: 'high',
  },
  check(ctx) {
    const tools = ctx.model.tools();
    // Tools that take anything the model sends.
    for (const tool of tools) {
      if (!ctx.isTarget(tool.node.getSourceFile())) continue;
      if (tool.schemaKind === 'any' && tool.input) {
        ctx.report({
          node: tool.node,
          message: `Tool "${tool.name}" accepts any input (${(tool.schemaNode?.getText() ?? 'any').replace(/\s+/g, ' ').slice(0, 40)}): nothing limits the arguments the model can send, and a prompt injection chooses them. Declare an object schema with the narrowest types (enums, patterns, bounded numbers).`,
          related: tool.schemaNode ? [{ node: tool.schemaNode, message: 'the input schema' }] : undefined,
        });
      } else if (tool.schemaKind === 'none' && readsInput(tool)) {
        ctx.report({
          node: tool.node,
          message: `Tool "${tool.name}" declares no input schema, so its function gets whatever arguments the model produces, unvalidated. Declare an input schema with the narrowest types (enums, patterns, bounded numbers).`,
        });
      }
    }

    // Sinks reached by tool arguments, in the tool's function or in helpers it calls (any file).
    const flows = new ToolFlows(ctx);
    if (!flows.empty) {
      for (const sf of ctx.model.sourceFiles) {
        if (!ctx.isTarget(sf)) continue;
        for (const n of descendantsOfKinds(sf, [SyntaxKind.CallExpression, SyntaxKind.NewExpression])) {
          const sink: SinkMatch | undefined = matchSink(n, ctx.model);
          if (!sink) continue;
          for (const arg of sink.args) {
            const open = flows.openFlows(arg, n, sink.kind);
            if (open.length === 0) continue;
            const first = open[0];
            const hit = flows.hitOf(first);
            if (!hit) continue;
            const others = [...new Set(open.map((p) => flows.hitOf(p)?.tool).filter((t): t is Tool => !!t && t !== hit.tool))];
            const fix = allowListFix(n, first, hit.field);
            let who: string;
            let related: Array<{ node: Node; message: string }>;
            if (hit.tool) {
              who = `Tool "${hit.tool.name}"`;
              related = [hit.tool, ...others].map((t) => ({ node: t.node, message: `tool "${t.name}" is defined here` }));
            } else {
              const callee = `${hit.call!.node.getExpression().getText().replace(/\s+/g, '')}()`;
              const name = dispatchName(n, first);
              who = name ? `The tool call "${name}" dispatched from ${callee}` : `A tool call dispatched from ${callee}`;
              related = [{ node: hit.call!.node, message: 'the model call whose tool calls this code runs' }];
            }
            ctx.report({
              node: n,
              message: `${who} passes ${first.source.label}, which the model chooses, to ${SINK_WHAT[sink.kind]} (${sink.label}) with no allow list, pattern or root check: a prompt injection can ${SINK_IMPACT[sink.kind]}. ${SINK_FIX[sink.kind]}.`,
              related,
              flow: flowSteps(first, sink.label),
              fixes: fix ? [fix] : undefined,
            });
            break;
          }
        }
      }
    }

    // Agents and model calls handed a whole registry.
    const registryMessage = (who: string, count: number) =>
      `${who} is handed every tool in a registry (${count} tools): it gets capabilities its task does not need, and one injected instruction can reach all of them. List only the tools this task needs.`;
    for (const agent of ctx.model.agents()) {
      if (!agent.handedAllTools || !ctx.isTarget(agent.handedAllTools.getSourceFile())) continue;
      ctx.report({ node: agent.handedAllTools, message: registryMessage(`Agent "${agent.name}"`, agent.tools.length) });
    }
    for (const call of ctx.model.modelCalls()) {
      if (!call.toolsArg || !ctx.isTarget(call.node.getSourceFile())) continue;
      const { tools: handed, wholeRegistry } = ctx.model.toolsOf(call.toolsArg);
      if (wholeRegistry) ctx.report({ node: wholeRegistry, message: registryMessage(`The model call ${call.node.getExpression().getText().replace(/\s+/g, '')}()`, handed.length) });
    }
  },
});
