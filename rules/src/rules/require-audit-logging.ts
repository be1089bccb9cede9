import { Node } from 'ts-morph';
import { defineRule, type RuleContext } from '../rule.js';
import { argAt, isFunctionLike } from '../model/model.js';
import type { ModelCall, Tool } from '../model/types.js';

/**
 * Decides whether code runs inside a structured log or trace: a logger call in an enclosing
 * function, a span or logging wrapper around it (also one imported from another file), or a
 * caller that logs. Results are memoized per function for the run.
 */
class LoggingScope {
  private readonly fnLogs = new Map<Node, boolean>();

  constructor(private readonly ctx: RuleContext) {}

  /** Whether a function body writes a structured log or span (nested callbacks included). */
  functionLogs(fn: Node, depth = 0): boolean {
    const cached = this.fnLogs.get(fn);
    if (cached !== undefined) return cached;
    this.fnLogs.set(fn, false); // recursion guard
    let logs = false;
    fn.forEachDescendant((d, t) => {
      if (!Node.isCallExpression(d)) return;
      if (this.ctx.recognizers.isLoggerCall(d)) {
        logs = true;
        t.stop();
        return;
      }
      // A helper of the project that logs: `await audit(...)`, `withSpan(...)`.
      if (depth < 2) {
        const target = this.ctx.model.valueOf(d.getExpression());
        if (isFunctionLike(target) && target !== fn && this.functionLogs(target, depth + 1)) {
          logs = true;
          t.stop();
        }
      }
    });
    this.fnLogs.set(fn, logs);
    return logs;
  }

  isLogged(node: Node, depth = 0): boolean {
    for (const anc of node.getAncestors()) {
      // Inside a wrapper call: tracer.startActiveSpan('x', async (span) => ...), withAudit(() => ...)
      if (Node.isCallExpression(anc) && anc !== node && anc.getArguments().some((a) => a.getStart() <= node.getStart() && a.getEnd() >= node.getEnd())) {
        if (this.ctx.recognizers.isLoggerCall(anc)) return true;
        const wrapper = this.ctx.model.valueOf(anc.getExpression());
        if (isFunctionLike(wrapper) && this.functionLogs(wrapper)) return true;
      }
      if (isFunctionLike(anc) && this.functionLogs(anc)) return true;
    }
    // A caller that logs around the call: route handler -> ask() -> client.chat.completions.create().
    if (depth < 2) {
      const fn = node.getFirstAncestor((a) => isFunctionLike(a));
      if (fn) {
        const sites = this.ctx.flow.callSites(fn);
        if (sites.length && sites.some((s) => this.isLogged(s, depth + 1))) return true;
      }
    }
    return false;
  }
}

/** Framework tracing that records the call: Vercel AI telemetry, LangChain callbacks, a traced client. */
function frameworkTraced(ctx: RuleContext, call: ModelCall): boolean {
  if (call.telemetryEnabled) return true;
  for (const p of ['0.callbacks', '1.callbacks', '0.config.callbacks']) if (argAt(call.node, p)) return true;
  const client = call.client?.node;
  if (client) {
    const parent = client.getParent();
    if (parent && Node.isCallExpression(parent) && ctx.recognizers.isLoggerCall(parent)) return true; // wrapOpenAI(new OpenAI())
  }
  return false;
}

function toolTraced(ctx: RuleContext, tool: Tool, traced: Set<Tool>): boolean {
  if (traced.has(tool)) return true;
  // A tool defined inside a traceable wrapper: traceable(async (input) => ...)
  const exec = tool.execute;
  if (exec) {
    const parent = exec.getParent();
    if (parent && Node.isCallExpression(parent) && ctx.recognizers.isLoggerCall(parent)) return true;
  }
  void ctx;
  return false;
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
    // Tools handed to a model call with framework telemetry on are traced by the framework.
    const traced = new Set<Tool>();
    for (const call of ctx.model.modelCalls()) {
      if (!call.telemetryEnabled || !call.toolsArg) continue;
      for (const t of ctx.model.toolsOf(call.toolsArg).tools) traced.add(t);
    }
    for (const sf of ctx.model.sourceFiles) {
      if (!ctx.isTarget(sf)) continue;
      for (const call of ctx.model.modelCallsIn(sf)) {
        if (frameworkTraced(ctx, call) || scope.isLogged(call.node)) continue;
        const what = call.node.getExpression().getText().replace(/\s+/g, '');
        ctx.report({
          node: call.node,
          message: `Model call ${what}() has no structured log or trace span around it: if the agent is steered or misused, nothing records what it was asked and answered. Log the call with a structured logger (pino, winston) or wrap it in an OpenTelemetry span${call.framework === 'ai-sdk' ? ', or turn on experimental_telemetry' : ''}.`,
        });
      }
      for (const tool of ctx.model.toolsIn(sf)) {
        if (!tool.execute || !isFunctionLike(tool.execute)) continue;
        if (toolTraced(ctx, tool, traced) || scope.isLogged(tool.execute) || scope.functionLogs(tool.execute)) continue;
        ctx.report({
          node: tool.node,
          message: `Tool "${tool.name}" runs without a structured log or trace span: its executions, arguments and results leave no audit trail. Log each run (tool name, arguments, caller) with a structured logger or an OpenTelemetry span.`,
        });
      }
    }
  },
});
