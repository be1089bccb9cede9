import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import { defineRule, type RuleContext } from '../rule.js';
import type { Tool } from '../model/types.js';
import { isFunctionLike } from '../model/model.js';
import { matchSink, type SinkKind, type SinkMatch } from '../dataflow/recognizers.js';
import type { TaintPath } from '../dataflow/flow.js';

const SINK_WORDS: Record<SinkKind, string> = {
  shell: 'runs a shell command',
  filesystem: 'touches the filesystem',
  network: 'makes a network request',
  sql: 'runs raw SQL',
  code: 'evaluates code',
  html: 'writes HTML',
  redirect: 'redirects',
};
const SINK_FIX: Record<SinkKind, string> = {
  shell: 'restrict it to an allow list of commands (z.enum) or pass arguments with execFile and a fixed binary',
  filesystem: 'resolve the path under a fixed root and check it stays there (path.resolve + startsWith), or use z.enum of allowed files',
  network: 'check the host against an allow list before the request',
  sql: 'use a parameterized query (placeholders with a values array)',
  code: 'do not evaluate model-chosen code; map the argument to a fixed set of operations',
  html: 'escape or sanitize the value',
  redirect: 'check the target against an allow list',
};

/** The parameter through which the model's arguments enter a tool's execute function. */
function modelParam(tool: Tool): Node | undefined {
  const fn = tool.execute;
  if (!fn || !isFunctionLike(fn)) return undefined;
  const params = (fn as import('ts-morph').ArrowFunction).getParameters();
  return params[0];
}

/** Functions reachable from the execute body: itself plus project functions it calls, two levels deep. */
function reachableBodies(ctx: RuleContext, fn: Node): Node[] {
  const out: Node[] = [fn];
  const seen = new Set<Node>([fn]);
  let frontier: Node[] = [fn];
  for (let depth = 0; depth < 2; depth++) {
    const nextFrontier: Node[] = [];
    for (const f of frontier) {
      f.forEachDescendant((n) => {
        if (!Node.isCallExpression(n)) return;
        const target = ctx.model.valueOf(n.getExpression());
        if (isFunctionLike(target) && !seen.has(target)) {
          seen.add(target);
          out.push(target);
          nextFrontier.push(target);
        }
      });
    }
    frontier = nextFrontier;
  }
  return out;
}

/** Identifier names along a flow: a guard that checks any of them restricts the value. */
function namesOnPath(path: TaintPath): Set<string> {
  const names = new Set<string>();
  for (const s of path.steps) {
    if (Node.isIdentifier(s)) names.add(s.getText());
    if (Node.isVariableDeclaration(s) || Node.isParameterDeclaration(s)) s.getNameNode().forEachDescendantAsArray().concat([s.getNameNode()]).forEach((d) => Node.isIdentifier(d) && names.add(d.getText()));
    if (Node.isPropertyAccessExpression(s)) names.add(s.getText());
  }
  return names;
}

function mentions(node: Node, names: Set<string>): boolean {
  if (Node.isIdentifier(node) && names.has(node.getText())) return true;
  let hit = false;
  node.forEachDescendant((d, t) => {
    if ((Node.isIdentifier(d) || Node.isPropertyAccessExpression(d)) && names.has(d.getText())) {
      hit = true;
      t.stop();
    }
  });
  return hit;
}

function exits(stmt: Node): boolean {
  if (Node.isThrowStatement(stmt) || Node.isReturnStatement(stmt)) return true;
  let found = false;
  stmt.forEachDescendant((d, t) => {
    if (Node.isThrowStatement(d) || Node.isReturnStatement(d)) {
      found = true;
      t.stop();
    }
    if (isFunctionLike(d)) t.skip();
  });
  return found;
}

/**
 * An allow-list, pattern or path-root check on the value before the sink: `if (!ALLOWED.has(cmd)) throw`,
 * `if (!resolved.startsWith(root)) return`, `assertAllowedHost(url)`, or the sink inside `if (ALLOWED.includes(x))`.
 */
export function isGuarded(ctx: RuleContext, sink: Node, names: Set<string>): boolean {
  const isCheck = (cond: Node) => {
    if (!mentions(cond, names)) return false;
    if (Node.isCallExpression(cond) && ctx.recognizers.isAllowListCall(cond)) return true;
    let ok = false;
    cond.forEachDescendant((d, t) => {
      if (Node.isCallExpression(d) && ctx.recognizers.isAllowListCall(d) && mentions(d, names)) {
        ok = true;
        t.stop();
      }
      if (Node.isBinaryExpression(d) && [SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsToken, SyntaxKind.InKeyword].includes(d.getOperatorToken().getKind())) {
        ok = true;
        t.stop();
      }
    });
    if (Node.isBinaryExpression(cond) && cond.getOperatorToken().getKind() === SyntaxKind.InKeyword) return true;
    return ok;
  };
  // The sink sits inside a branch guarded by a check.
  for (const anc of sink.getAncestors()) {
    if (Node.isIfStatement(anc) && isCheck(anc.getExpression())) return true;
    if (Node.isConditionalExpression(anc) && isCheck(anc.getCondition())) return true;
    if (isFunctionLike(anc)) break;
  }
  // A preceding statement in an enclosing block checks and exits, or calls an assert-style allow-list function.
  const fn = sink.getFirstAncestor((a) => isFunctionLike(a));
  if (!fn) return false;
  let guarded = false;
  fn.forEachDescendant((d, t) => {
    if (d.getStart() >= sink.getStart()) return;
    if (Node.isIfStatement(d) && isCheck(d.getExpression()) && exits(d.getThenStatement())) {
      guarded = true;
      t.stop();
    }
    if (Node.isExpressionStatement(d)) {
      const e = d.getExpression();
      const call = Node.isAwaitExpression(e) ? e.getExpression() : e;
      if (Node.isCallExpression(call) && mentions(call, names)) {
        const callee = call.getExpression().getText();
        if (/^(assert|ensure|check|validate|verify|require)\w*/i.test(callee.split('.').pop() ?? '') && ctx.recognizers.isAllowListCall(call)) {
          guarded = true;
          t.stop();
        }
        if (ctx.config.allowListChecks.includes(callee)) {
          guarded = true;
          t.stop();
        }
      }
    }
  });
  return guarded;
}

/** A schema parse (`schema.parse(x)`, `z.enum([...]).parse(x)`) or an allow-list lookup stops the flow. */
function isSchemaParse(call: CallExpression): boolean {
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) && /^(parse|safeParse|parseAsync)$/.test(callee.getName()) && /enum|literal|regex|union|nativeEnum/.test(callee.getExpression().getText());
}

export default defineRule({
  meta: {
    id: 'no-unscoped-tools',
    description: 'Require model-callable tools to restrict what their arguments can reach',
    rationale:
      'A tool runs with your privileges on arguments the model chooses, and the model follows whatever text reaches it, including injected instructions. A tool that passes a free-form argument to a shell, the filesystem, the network, raw SQL or eval hands that power to anyone who can steer the model. Least privilege means each tool does one narrow thing on validated input.',
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
    for (const tool of ctx.model.tools()) {
      const sf = tool.node.getSourceFile();
      const param = modelParam(tool);
      const usesInput = !!param && param.getText().length > 0 && !/^_/.test(param.getText());
      if (ctx.isTarget(sf) && (tool.schemaKind === 'any' || (tool.schemaKind === 'none' && usesInput))) {
        ctx.report({
          node: tool.node,
          message: `Tool "${tool.name}" accepts ${tool.schemaKind === 'any' ? 'any value (z.any/z.unknown)' : 'input with no schema'} from the model: nothing limits what an injected instruction can make it do. Declare an input schema with the narrowest types (enums, patterns, bounded numbers).`,
        });
      }
      if (!param || !tool.execute) continue;
      const reported = new Set<Node>();
      for (const body of reachableBodies(ctx, tool.execute)) {
        const bodySf = body.getSourceFile();
        if (!ctx.isTarget(bodySf)) continue;
        body.forEachDescendant((n) => {
          if (!Node.isCallExpression(n) && !Node.isNewExpression(n)) return;
          const sink: SinkMatch | undefined = matchSink(n, ctx.model);
          if (!sink || reported.has(n)) return;
          for (const arg of sink.args) {
            const paths = ctx.flow.taint(arg, {
              source: (node, path) => {
                if (node !== param) return undefined;
                const fields = path[0] === 'context' && tool.framework === 'mastra' ? path.slice(1) : path;
                const field = fields[0];
                const spec = field ? tool.params.find((p) => p.name === field) : undefined;
                if (spec?.constrained) return undefined;
                return { label: field ? `tool argument \`${field}\`` : 'the tool input', node };
              },
              sanitizer: (call) => isSchemaParse(call) || ctx.recognizers.isRedactor(call),
            });
            const open = paths.filter((p) => !isGuarded(ctx, n, namesOnPath(p)));
            if (open.length === 0) continue;
            reported.add(n);
            const first = open[0];
            ctx.report({
              node: n,
              message: `Tool "${tool.name}" ${SINK_WORDS[sink.kind]} (${sink.label}) with ${first.source.label}, which the model controls, and no allow list or pattern check: a prompt injection can make it do anything this process may. ${SINK_FIX[sink.kind][0].toUpperCase()}${SINK_FIX[sink.kind].slice(1)}.`,
              related: [{ node: tool.node, message: `tool "${tool.name}" is defined here` }],
              flow: [...first.steps].reverse().slice(-6).map((s, i, all) => ({ node: s, message: i === 0 ? first.source.label : i === all.length - 1 ? sink.label : 'flows through' })),
            });
            break;
          }
        });
      }
    }
    for (const agent of ctx.model.agents()) {
      if (!agent.handedAllTools || !ctx.isTarget(agent.handedAllTools.getSourceFile())) continue;
      ctx.report({
        node: agent.handedAllTools,
        message: `Agent "${agent.name}" is handed every tool in a registry: it gets capabilities its task does not need, and any injection can reach all of them. List only the tools this agent needs.`,
      });
    }
  },
});
