/**
 * Guards on the path to a sink: an allow-list, pattern or path-root check that restricts a value
 * before a dangerous operation (`if (!ALLOWED.has(cmd)) throw`, `if (!full.startsWith(root))
 * return`, `assertAllowedHost(url)`, or the sink inside `if (ALLOWED.includes(x))`).
 */
import { Node, SyntaxKind } from 'ts-morph';
import type { TaintPath } from './flow.js';
import type { Recognizers } from './recognizers.js';
import type { ResolvedConfig } from '../config/load.js';
import { isFunctionLike } from '../model/model.js';

export interface GuardContext {
  recognizers: Recognizers;
  config: ResolvedConfig;
}

export function namesOnPath(path: TaintPath): Set<string> {
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
export function isGuarded(ctx: GuardContext, sink: Node, flowNames: Set<string>): boolean {
  const names = derivedNames(sink, flowNames);
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
  // res.redirect(ALLOWED.has(x) ? x : '/'): the check sits inside the sink's own arguments.
  let inline = false;
  sink.forEachDescendant((d, t) => {
    if (Node.isConditionalExpression(d) && isCheck(d.getCondition())) {
      inline = true;
      t.stop();
    }
  });
  if (inline) return true;
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


/**
 * Names derived from the flowing value before the sink: a check of `target.hostname` guards `url`
 * when `const target = new URL(url)`, and so does one of `hostname` from `const { hostname } = new URL(url)`.
 */
function derivedNames(sink: Node, names: Set<string>): Set<string> {
  const fn = sink.getFirstAncestor((a) => isFunctionLike(a));
  if (!fn) return names;
  const out = new Set(names);
  const decls = fn.getDescendantsOfKind(SyntaxKind.VariableDeclaration).filter((d) => d.getStart() < sink.getStart());
  for (let round = 0; round < 3; round++) {
    let grew = false;
    for (const d of decls) {
      const init = d.getInitializer();
      if (!init || !mentions(init, out)) continue;
      const nameNode = d.getNameNode();
      for (const id of [nameNode, ...nameNode.getDescendantsOfKind(SyntaxKind.Identifier)]) {
        if (Node.isIdentifier(id) && !out.has(id.getText())) {
          out.add(id.getText());
          grew = true;
        }
      }
    }
    if (!grew) break;
  }
  return out;
}
