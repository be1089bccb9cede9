import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import { defineRule, type RuleContext } from '../rule.js';
import { isFunctionLike } from '../model/model.js';
import type { CallLike, ModelCall, Tool } from '../model/types.js';
import type { FindingFix, TextEdit } from '../types.js';
import { addNamedImport, importSpecifier, lineIndent, quoted } from '../util/edits.js';
import { exportedValues } from '../util/exports.js';
import { executedCode } from '../model/tool-specs.js';

/**
 * Decides whether code runs inside a structured log or trace: a logger call in an enclosing
 * function (or among a script's top-level statements), a span or logging wrapper around it (also
 * one imported from another file), or a caller that logs. Results are memoized per scope for the run.
 */
class LoggingScope {
  private readonly scopeLogs = new Map<Node, boolean>();

  constructor(private readonly ctx: RuleContext) {}

  /** Whether a function body (nested callbacks included) or a file's top level writes a structured log or span. */
  logs(scope: Node, depth = 0): boolean {
    const cached = this.scopeLogs.get(scope);
    if (cached !== undefined) return cached;
    this.scopeLogs.set(scope, false); // recursion guard
    let logs = false;
    scope.forEachDescendant((d, t) => {
      // A file's functions are their own scopes; only the statements a script runs count for it.
      if (Node.isSourceFile(scope) && (isFunctionLike(d) || Node.isClassDeclaration(d))) return t.skip();
      if (!Node.isCallExpression(d)) return;
      if (this.ctx.recognizers.isLoggerCall(d)) {
        logs = true;
        return t.stop();
      }
      // A helper of the project that logs: `await audit(...)`, `withSpan(...)`.
      if (depth < 2) {
        const target = this.ctx.model.valueOf(d.getExpression());
        if (isFunctionLike(target) && target !== scope && this.logs(target, depth + 1)) {
          logs = true;
          t.stop();
        }
      }
    });
    this.scopeLogs.set(scope, logs);
    return logs;
  }

  isLogged(node: Node, depth = 0): boolean {
    for (const anc of node.getAncestors()) {
      // Inside a wrapper call: tracer.startActiveSpan('x', async (span) => ...), withAudit(() => ...)
      if (Node.isCallExpression(anc) && anc.getArguments().some((a) => a.getStart() <= node.getStart() && a.getEnd() >= node.getEnd())) {
        if (this.ctx.recognizers.isLoggerCall(anc)) return true;
        const wrapper = this.ctx.model.valueOf(anc.getExpression());
        if (isFunctionLike(wrapper) && this.logs(wrapper)) return true;
      }
      if (isFunctionLike(anc) && this.logs(anc)) return true;
    }
    // A script's top-level statements: only for code that runs at the top level itself.
    if (!node.getFirstAncestor((a) => isFunctionLike(a)) && this.logs(node.getSourceFile())) return true;
    // A caller that logs around the call: route handler -> ask() -> client.chat.completions.create().
    if (depth < 2) {
      const fn = node.getFirstAncestor((a) => isFunctionLike(a));
      if (fn) {
        const sites = this.ctx.flow.callSites(fn);
        if (sites.some((s) => this.isLogged(s, depth + 1))) return true;
      }
    }
    return false;
  }
}

/** Framework tracing that records the call: per-call options, the client or agent it runs on, or a project-wide switch. */
function frameworkTraced(ctx: RuleContext, call: ModelCall): boolean {
  const r = ctx.recognizers;
  if (call.telemetryEnabled || r.frameworkTracingOn(call.framework) || r.tracingOptionsOn(call.node)) return true;
  for (const owner of [call.client?.node, call.agent?.node, call.agent?.client?.node]) {
    if (owner && (r.tracingOptionsOn(owner) || insideTracingWrapper(ctx, owner))) return true;
  }
  return false;
}

/** `wrapOpenAI(new OpenAI())`, `traceable(async (input) => ...)`: the construct is handed straight to a tracer. */
function insideTracingWrapper(ctx: RuleContext, node: Node): boolean {
  const parent = node.getParent();
  return !!parent && Node.isCallExpression(parent) && ctx.recognizers.isLoggerCall(parent);
}

/** A logger the fix can write with, and how its calls are shaped. */
interface FixLogger {
  name: string;
  /** Module to import it from when the file does not see it yet. */
  importFrom?: string;
  style: 'object-first' | 'message-first' | 'message-only';
}

const PINO_STYLE = /^(pino|bunyan|tslog|roarr|@opentelemetry\/api-logs)/;
const WINSTON_STYLE = /^(winston|log4js|consola|signale|loglevel)/;

/**
 * Finds a logger for the suggestion: one the file already logs with, else one the project exports.
 * The call shape is copied from the logging package (pino: object then message; winston: message
 * then object) or from an existing call, so the inserted line type-checks against that logger.
 */
class LoggerFinder {
  private projectLogger: FixLogger | null | undefined;

  constructor(private readonly ctx: RuleContext) {}

  /** A logger visible at `at` (or importable there), or none. */
  at(at: Node): FixLogger | undefined {
    const sf = at.getSourceFile();
    for (const call of sf.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const logger = this.fromCall(call, at);
      if (logger) return logger;
    }
    if (this.projectLogger === undefined) this.projectLogger = this.fromProject() ?? null;
    const p = this.projectLogger;
    if (!p || !p.importFrom || p.importFrom === sf.getFilePath()) return undefined;
    // Another binding of the same name in this file would shadow or clash with the import.
    if (sf.getDescendantsOfKind(SyntaxKind.Identifier).some((id) => id.getText() === p.name)) return undefined;
    return { ...p, importFrom: importSpecifier(sf, p.importFrom) };
  }

  /** `logger.info(...)` on a logger that is also in scope at `at`: use it, shaped like its package or this call. */
  private fromCall(call: CallExpression, at: Node): FixLogger | undefined {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !Node.isIdentifier(callee.getExpression())) return undefined;
    if (!/^(info|log)$/.test(callee.getName()) || !this.ctx.recognizers.isLoggerCall(call)) return undefined;
    const receiver = callee.getExpression();
    const name = receiver.getText();
    const binding = this.ctx.model.resolver.resolveIdentifier(receiver);
    if (!binding || this.ctx.model.resolver.lookup(name, at)?.node !== binding.node) return undefined;
    const style = this.styleOf(receiver) ?? shapeOf(call);
    return style && { name, style };
  }

  private styleOf(receiver: Node): FixLogger['style'] | undefined {
    const module = loggerModule(this.ctx, receiver);
    if (!module) return undefined;
    if (PINO_STYLE.test(module)) return 'object-first';
    if (WINSTON_STYLE.test(module)) return 'message-first';
    return undefined;
  }

  /** An exported `logger = pino()` / `winston.createLogger()` anywhere in the project. */
  private fromProject(): FixLogger | undefined {
    for (const sf of this.ctx.model.sourceFiles) {
      if (!/\b(pino|winston|bunyan|createLogger|getLogger)\b/.test(sf.getFullText())) continue;
      for (const { name, declaration } of exportedValues(sf)) {
        if (!Node.isVariableDeclaration(declaration) || !declaration.getInitializer()) continue;
        const style = this.styleOf(declaration.getNameNode());
        if (style) return { name, style, importFrom: sf.getFilePath() };
      }
    }
    return undefined;
  }
}

/** The logging package a logger value comes from: `pino(...)`, `winston.createLogger(...)`, `logger.child(...)`. */
function loggerModule(ctx: RuleContext, receiver: Node): string | undefined {
  let value: Node = receiver;
  for (let i = 0; i < 4; i++) {
    const base = ctx.model.flatten(value, 0);
    if (base?.kind === 'import' && !base.module.startsWith('.') && !base.module.startsWith('/')) return base.module;
    const v = ctx.model.valueOf(value);
    if (!Node.isCallExpression(v) && !Node.isNewExpression(v)) return undefined;
    const callee = v.getExpression();
    // logger.child({...}) keeps its parent's shape.
    value = Node.isPropertyAccessExpression(callee) && callee.getName() === 'child' ? callee.getExpression() : callee;
  }
  return undefined;
}

/** The argument shape of an existing log call. */
function shapeOf(call: CallExpression): FixLogger['style'] | undefined {
  const [a, b] = call.getArguments();
  const isText = (n?: Node) => !!n && (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n) || Node.isTemplateExpression(n));
  if (a && Node.isObjectLiteralExpression(a) && isText(b)) return 'object-first';
  if (isText(a) && b && Node.isObjectLiteralExpression(b)) return 'message-first';
  if (isText(a) && !b) return 'message-only';
  return undefined;
}

function importEdit(sf: SourceFile, logger: FixLogger): TextEdit[] {
  return logger.importFrom ? [addNamedImport(sf, logger.name, logger.importFrom)] : [];
}

function logStatement(logger: FixLogger, fields: string, message: string): string {
  if (logger.style === 'object-first') return `${logger.name}.info({ ${fields} }, ${quoted(message)});`;
  if (logger.style === 'message-first') return `${logger.name}.info(${quoted(message)}, { ${fields} });`;
  return `${logger.name}.info(${quoted(message)});`;
}

/** Inserts `line` so it runs right before `node`: before its statement, or in a block made from an expression body. */
function insertBefore(node: Node, line: string): TextEdit | undefined {
  const sf = node.getSourceFile();
  let stmt: Node | undefined = node;
  while (stmt && !(Node.isStatement(stmt) && isStatementList(stmt.getParent()))) {
    if (isFunctionLike(stmt) && stmt !== node) break;
    stmt = stmt.getParent();
  }
  if (stmt && Node.isStatement(stmt) && isStatementList(stmt.getParent())) {
    const indent = lineIndent(stmt);
    return { file: sf.getFilePath(), start: stmt.getStart(), end: stmt.getStart(), newText: `${line}\n${indent}` };
  }
  // `(q) => client.chat.completions.create(...)`: give the arrow a block body.
  const fn = node.getFirstAncestor((a) => isFunctionLike(a));
  if (fn && Node.isArrowFunction(fn)) {
    const body = fn.getBody();
    if (!Node.isBlock(body)) {
      const indent = lineIndent(fn);
      return { file: sf.getFilePath(), start: body.getStart(), end: body.getEnd(), newText: `{\n${indent}  ${line}\n${indent}  return ${body.getText()};\n${indent}}` };
    }
  }
  return undefined;
}

function isStatementList(n: Node | undefined): boolean {
  return !!n && (Node.isBlock(n) || Node.isSourceFile(n) || Node.isCaseClause(n) || Node.isDefaultClause(n) || Node.isModuleBlock(n));
}

/** The names a tool's execute function binds from its input: `({ orderId, reason })` -> orderId, reason. */
function inputNames(fn: Node): string[] {
  if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn) && !Node.isFunctionDeclaration(fn) && !Node.isMethodDeclaration(fn)) return [];
  const first = fn.getParameters()[0];
  if (!first) return [];
  const name = first.getNameNode();
  if (Node.isIdentifier(name)) return [name.getText()];
  if (Node.isObjectBindingPattern(name)) return name.getElements().map((e) => e.getNameNode()).filter(Node.isIdentifier).map((n) => n.getText());
  return [];
}

function logFix(loggers: LoggerFinder, at: Node, fields: string, message: string, what: string): FindingFix | undefined {
  const logger = loggers.at(at);
  if (!logger) return undefined;
  const insert = insertBefore(at, logStatement(logger, fields, message));
  if (!insert) return undefined;
  return { title: `Log ${what} with ${logger.name}`, kind: 'suggestion', edits: [...importEdit(at.getSourceFile(), logger), insert] };
}

/** Vercel AI: turn on the SDK's OpenTelemetry spans for this call. */
function telemetryFix(call: ModelCall): FindingFix | undefined {
  if (call.framework !== 'ai-sdk' || !call.row.telemetry) return undefined;
  const options = call.node.getArguments()[0];
  if (!options || !Node.isObjectLiteralExpression(options) || options.getProperty('experimental_telemetry')) return undefined;
  const props = options.getProperties();
  const last = props[props.length - 1];
  const sf = call.node.getSourceFile();
  const fnId = quoted(functionName(call.node) ?? 'model-call');
  const entry = `experimental_telemetry: { isEnabled: true, functionId: ${fnId} }`;
  if (!last) return { title: 'Turn on AI SDK telemetry for this call', kind: 'suggestion', edits: [{ file: sf.getFilePath(), start: options.getStart() + 1, end: options.getEnd() - 1, newText: ` ${entry} ` }] };
  const multiline = options.getText().includes('\n');
  const hasComma = options.getText().slice(last.getEnd() - options.getStart()).trimStart().startsWith(',');
  const newText = multiline ? `${hasComma ? '' : ','}\n${lineIndent(last)}${entry}${hasComma ? ',' : ''}` : `, ${entry}`;
  const at = hasComma && multiline ? options.getText().indexOf(',', last.getEnd() - options.getStart()) + options.getStart() + 1 : last.getEnd();
  return { title: 'Turn on AI SDK telemetry for this call', kind: 'suggestion', edits: [{ file: sf.getFilePath(), start: at, end: at, newText }] };
}

function functionName(node: Node): string | undefined {
  const fn = node.getFirstAncestor((a) => isFunctionLike(a));
  if (!fn) return undefined;
  if (Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn)) return fn.getName();
  const p = fn.getParent();
  if (p && (Node.isVariableDeclaration(p) || Node.isPropertyAssignment(p))) return p.getName();
  return undefined;
}

function calleeText(node: CallLike): string {
  return node.getExpression().getText().replace(/\s+/g, '');
}

export default defineRule({
  meta: {
    id: 'require-audit-logging',
    description: 'Require a structured log or trace span around every model call and tool execution',
    rationale:
      'Assume breach: when an agent is steered or a key leaks, the audit trail is how you find out what it did, with which data, on whose behalf. Model calls and tool runs without structured logs or spans leave no such trail (console output is not an audit log).',
    steps: [6],
    owasp: ['ASI08', 'ASI10'],
    cwe: [778, 223],
    defaultSeverity: 'warning',
    fixKind: 'suggestion',
    preset: 'recommended',
    scope: 'project',
    confidence: 'medium',
  },
  check(ctx) {
    const scope = new LoggingScope(ctx);
    const loggers = new LoggerFinder(ctx);
    // Tools that a framework-traced call or agent runs are traced with it (AI SDK tool-call spans,
    // LangChain callbacks). Computed on the first tool: it needs every model call of the project.
    let traced: Set<Tool> | undefined;
    const tracedTools = (): Set<Tool> => {
      if (traced) return traced;
      traced = new Set<Tool>();
      for (const call of ctx.model.modelCalls()) {
        if (!frameworkTraced(ctx, call)) continue;
        if (call.toolsArg) for (const t of ctx.model.toolsOf(call.toolsArg).tools) traced.add(t);
        for (const t of call.agent?.tools ?? []) traced.add(t);
      }
      for (const agent of ctx.model.agents()) {
        if (ctx.recognizers.tracingOptionsOn(agent.node)) for (const t of agent.tools) traced.add(t);
      }
      return traced;
    };
    for (const sf of ctx.model.sourceFiles) {
      if (!ctx.isTarget(sf)) continue;
      for (const call of ctx.model.modelCallsIn(sf)) {
        if (call.row.session) continue; // opening a chat session calls no model
        if (frameworkTraced(ctx, call) || scope.isLogged(call.node)) continue;
        const what = calleeText(call.node);
        const fixes = [logFix(loggers, call.node, `event: 'model_call', call: ${quoted(what)}`, `model call ${what}`, 'the call'), telemetryFix(call)].filter((f): f is FindingFix => !!f);
        ctx.report({
          node: call.node,
          message: `Model call ${what}() has no structured log or trace span around it: if the agent is steered or misused, nothing records what it was asked and answered. Log the call with a structured logger (pino, winston) or wrap it in an OpenTelemetry span${call.framework === 'ai-sdk' ? ', or turn on experimental_telemetry' : ''}.`,
          fixes,
        });
      }
      for (const tool of ctx.model.toolsIn(sf)) {
        const exec = executedCode(tool);
        if (!exec) continue;
        if (ctx.recognizers.frameworkTracingOn(tool.framework) || insideTracingWrapper(ctx, exec) || tracedTools().has(tool)) continue;
        if (scope.isLogged(exec) || scope.logs(exec)) continue;
        const fields = [`event: 'tool_call'`, `tool: ${quoted(tool.name)}`, ...inputNames(exec)].join(', ');
        const fix = toolFix(loggers, exec, fields);
        ctx.report({
          node: tool.node,
          message: `Tool "${tool.name}" runs without a structured log or trace span: its executions, arguments and results leave no audit trail. Log each run (tool name, arguments, caller) with a structured logger or an OpenTelemetry span.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

/** Logs at the top of a tool's execute body (an expression body becomes a block). */
function toolFix(loggers: LoggerFinder, exec: Node, fields: string): FindingFix | undefined {
  const body = Node.isArrowFunction(exec) || Node.isFunctionExpression(exec) || Node.isFunctionDeclaration(exec) || Node.isMethodDeclaration(exec) ? exec.getBody() : undefined;
  if (!body) return undefined;
  if (!Node.isBlock(body)) return logFix(loggers, body, fields, 'tool call', 'each run');
  const first = body.getStatements()[0];
  if (first) return logFix(loggers, first, fields, 'tool call', 'each run');
  const logger = loggers.at(body);
  if (!logger) return undefined;
  const sf = exec.getSourceFile();
  const indent = lineIndent(exec);
  const edit = { file: sf.getFilePath(), start: body.getStart() + 1, end: body.getEnd() - 1, newText: `\n${indent}  ${logStatement(logger, fields, 'tool call')}\n${indent}` };
  return { title: `Log each run with ${logger.name}`, kind: 'suggestion', edits: [...importEdit(sf, logger), edit] };
}
